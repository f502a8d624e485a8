// Every formula and method the scorecards use, in plain words: the page shows them next to the
// numbers (Scorecards.definitions), and docs/scorecards.md gives the references.
import { FORMULAS } from '../config/metrics'
import { MAX_TREND_HALF_WIDTH, MIN_ANSWERS } from './metricStats'

/** The response-rate funnel, in words (also Funnel.definition). */
export const FUNNEL_DEFINITION =
  'Shown: prompts displayed in the period. Answered: at least one question answered, complete (every question asked was answered) or partial. ' +
  'Dismissed: closed without answering. Ignored: shown, then neither answered nor dismissed (the page was left). ' +
  'Each prompt counts once, in the first of these that holds. Response rate = answered ÷ shown, with its Wilson 95 % interval.'

export const DEFINITIONS: Record<string, string> = {
  ...FORMULAS,
  interval:
    'Every number comes with its 95 % interval: the range that, over repeated samples, holds the true value 95 times in 100. n is the number of answers it rests on.',
  wilson:
    'Wilson score interval (Wilson 1927) for shares: CSAT, goal reached, response rate, shares of trails. Stays within 0–100 % and never has zero width, even at 0 % or 100 %.',
  'nps-adjusted-wald':
    'Adjusted Wald interval for NPS (Rocks 2016): promoters, passives and detractors as three categories; ¾ is added to promoters and to detractors and 3 to n before the variance (p + d − (p − d)²) / n is taken, so small or unanimous samples still get an honest width.',
  t: 'Student t interval for a mean (CES, emotional value): mean ± t(0.975, n − 1) × s / √n, held to the scale.',
  'bounded-wilson':
    'Used for a mean when t cannot be: one answer, or all answers the same (s = 0). The mean is rescaled to 0–1 and given the Wilson interval of a share with the same n: the interval the most spread-out answers with that mean would get. Conservative, never zero width.',
  'newcombe-hybrid-score': 'Difference of two shares with Newcombe’s hybrid score interval (Newcombe 1998, method 10), built from the two Wilson intervals.',
  'nps-adjusted-wald-difference': 'Difference of two NPS: the two adjusted-Wald estimates’ difference ± 1.96 × √(v₁/n₁′ + v₂/n₂′).',
  welch: 'Difference of two means with Welch’s t interval (unequal variances; Welch–Satterthwaite degrees of freedom).',
  mover: 'Difference of two means when a side has no spread: the two conservative intervals combined by MOVER (Zou & Donner 2008).',
  change:
    'Change = this period − the baseline, with the 95 % interval of the difference. It is marked as a real change only when that interval excludes 0; otherwise it is within the noise, however large it looks.',
  tone: `Good, fair or poor against the targets, judged on the interval: good when the value reaches the good line and the whole interval stays at or above the poor line; poor when the value is below the poor line and the whole interval stays below the good line; fair otherwise. No judgement with fewer than ${MIN_ANSWERS} answers.`,
  targets: 'Targets: CSAT and goal reached good ≥ 80 %, poor < 60 %; NPS good ≥ 30, poor < 0; CES good ≥ 5.5, poor < 4; emotional value good ≥ 30, poor < 0.',
  trend: `Trend points with fewer than ${MIN_ANSWERS} answers, or an interval wider than ±${100 * MAX_TREND_HALF_WIDTH} % of the scale (±20 points for CSAT, ±40 for NPS, ±1.2 for CES), are greyed and not drawn as points: too few answers to read a movement.`,
  precision:
    'Answers needed for ±10 points (CES: ±0.6): n = (1.96 × σ / 10)², with σ an upper 95 % bound of the spread seen so far (the worst case when there are no answers), minus the answers already in.',
  funnel: FUNNEL_DEFINITION,
  dropoff:
    'Drop-off: per question, responses that reached it against those that answered it. A question asked only under a condition is reached by the answers that meet the condition.',
  low: 'A low score: CSAT 1–2, NPS 0–6, CES 1–3, goal not reached, or a feeling with a negative weight.',
  rootCause:
    'Root cause: for each event in the journey trails, the share of low-scored responses that had it against the share of the others; the lift is the difference in percentage points with its Newcombe interval, real when the interval excludes 0. The owner is the owner of the touchpoint where the event happened.',
  nonResponse:
    'Non-response bias: for each event in the trails of shown prompts, the share of answered prompts that had it against the share of prompts not answered (dismissed or ignored), with the Newcombe interval of the difference. A real difference means those who answer are not like those who do not.',
  promptsPerPerson:
    'Prompts per person: how often the same pseudonymous id was prompted in the period; only when the config opts in to sending pseudonymous ids.',
  coverage:
    'Coverage: every journey stage and touchpoint, its surveys, and per metric the answers in the period and those still needed for ±10 points. No survey: nothing measures it. Too few answers: some metric is short of ±10 points. Covered: every metric is at ±10 points or better.',
}
