// The results page: per touchpoint and owner the metric of each question with its formula and
// distribution, then the root-cause view (the trails before the lowest scores). All numbers come
// from metrics.js; this file only fetches and draws.
import { barChart, lineChart } from './chart.js'
import { FEW, FORMULAS, RANGES, customersOnly, eventsBeforeLowScores, lowestScores, scoresByWeek, summarise, worstPerSurvey } from './metrics.js'

const NAMES = { csat: 'CSAT', nps: 'NPS', ces: 'CES', emotion: 'Emotional value', goal: 'Goal reached' }
/** The English copy of the templates (packages/widget/src/strings.ts), for questions without text. */
const TEMPLATE_TEXT = {
  csat: 'How satisfied are you?',
  nps: 'How likely are you to recommend us to a friend or colleague?',
  effort: 'It was easy to do what I came here for.',
  feeling: 'How did it feel?',
  goal: 'Did you get done what you came for?',
}

function el(name, attributes = {}, ...children) {
  const element = document.createElement(name)
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value)
  element.append(...children)
  return element
}

const copy = (text) => (typeof text === 'string' ? text : text?.en ?? Object.values(text || {})[0])
const questionText = (question) => copy(question.text) || TEMPLATE_TEXT[question.template] || question.id
const signed = (n) => (n > 0 ? '+' + n : n < 0 ? '−' + -n : '0')

/** The headline number of a metric, in its own unit. */
function headline(metric, { score }) {
  if (score === null) return '–'
  if (metric === 'csat' || metric === 'goal') return score + ' %'
  if (metric === 'ces') return score.toFixed(1) + ' / 7'
  return signed(score)
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`

/** The counts behind the number, so a reader can redo the sum. */
function counts(metric, result) {
  if (!result.n) return 'no answers yet'
  if (metric === 'csat') return `${result.satisfied} of ${result.n} answered 4 or 5`
  if (metric === 'nps') return `${plural(result.promoters, 'promoter')} and ${plural(result.detractors, 'detractor')} among ${plural(result.n, 'answer')}`
  if (metric === 'goal') return `${result.yes} of ${result.n} said yes`
  return `mean of ${plural(result.n, 'answer')}`
}

/** A score as a point on the chart over time labels it: 64 %, +20, 5.2. */
function pointLabel(metric, score) {
  if (metric === 'csat' || metric === 'goal') return score + ' %'
  if (metric === 'ces') return Number.isInteger(score) ? String(score) : score.toFixed(1)
  return signed(score)
}

function metricBlock(survey, question, weekly) {
  const name = NAMES[question.metric]
  const chart = barChart(question.distribution, `${name} answers: ` + question.distribution.map((b) => `${b.label}: ${b.count}`).join(', '))
  const format = (score) => pointLabel(question.metric, score)
  const trend = lineChart(weekly, {
    range: RANGES[question.metric],
    format,
    few: FEW,
    title: `${name} by week: ` + weekly.map((p) => `week of ${p.week}: ${p.score === null ? 'no answers' : format(p.score) + ' (n=' + p.n + ')'}`).join(', '),
  })
  return el(
    'div',
    { class: 'metric', 'data-metric': question.metric },
    el('p', { class: 'question' }, '“' + questionText(survey.questions.find((q) => q.id === question.id)) + '”'),
    el('p', { class: 'score' }, el('span', { class: 'name' }, name + ' '), el('strong', {}, headline(question.metric, question.result))),
    el('p', { class: 'formula' }, FORMULAS[question.metric] + '; ' + counts(question.metric, question.result) + '.'),
    el(
      'div',
      { class: 'charts' },
      el('figure', { class: 'distribution' }, chart, el('figcaption', {}, 'Answers, all time')),
      el('figure', { class: 'over-time' }, trend, el('figcaption', {}, `${name} by week`)),
    ),
    el(
      'p',
      { class: 'over-time-formula' },
      `By week: the same formula over the answers started in each calendar week (Monday–Sunday, UTC); n = answers that week; a hollow point has fewer than ${FEW}.`,
    ),
  )
}

function touchpointCard(config, summary, byWeek) {
  const survey = config.surveys.find((s) => s.id === summary.id)
  const t = summary.touchpoint
  const card = el(
    'section',
    { class: 'card', 'aria-label': t?.name || summary.id },
    el('h2', {}, t?.name || summary.id),
    el('p', { class: 'muted' }, `Owner: ${t?.owner || 'nobody named'} · stage: ${t?.stage || '–'} · survey ${summary.id} · ${summary.responses} responses`),
  )
  for (const question of summary.questions) card.append(metricBlock(survey, question, byWeek.surveys[summary.id][question.id]))
  return card
}

const trailStep = (touchpoints, step) =>
  el('li', {}, el('code', {}, step.event), ' ', el('span', { class: 'muted' }, touchpoints.get(step.touchpoint)?.name || step.touchpoint || ''))

function lowAnswer(config, touchpoints, low) {
  const { response } = low
  const label = low.metric === 'emotion' ? `feeling: ${low.value.id}` : low.metric === 'goal' ? 'goal not reached' : `${NAMES[low.metric]} ${low.value}`
  const comment = Object.values(response.answers).find((v) => typeof v === 'string')
  const tp = response.touchpoint
  return el(
    'li',
    { class: 'low' },
    el('p', {}, el('strong', { class: 'badge' }, label), ` at ${touchpoints.get(tp?.id)?.name || tp?.id || response.survey_id} (owner: ${tp?.owner || '–'}), ${response.started_at.slice(0, 16).replace('T', ' ')}`),
    ...(comment ? [el('blockquote', {}, comment)] : []),
    el('ol', { class: 'trail', 'aria-label': 'Journey before this answer' }, ...(response.trail || []).map((step) => trailStep(touchpoints, step))),
  )
}

function rootCause(config, responses) {
  const touchpoints = new Map((config.touchpoints || []).map((t) => [t.id, t]))
  const { lowCount, otherCount, events } = eventsBeforeLowScores(config, responses)
  if (!lowCount) return [el('p', {}, 'No low scores yet.')]
  const share = (n, of) => (of ? Math.round((100 * n) / of) : 0)
  const percent = (n, of) => `${n} of ${of} (${share(n, of)} %)`
  const difference = (e) => signed(share(e.low, lowCount) - share(e.others, otherCount)) + ' pp'
  const table = el(
    'table',
    { class: 'events' },
    el('caption', {}, 'Events in the journey trails, by how much more often they precede a low score than the other answers'),
    el('thead', {}, el('tr', {}, el('th', {}, 'Event'), el('th', {}, 'Touchpoint (owner)'), el('th', {}, 'Before low scores'), el('th', {}, 'Before the other answers'), el('th', {}, 'Difference'))),
    el(
      'tbody',
      {},
      ...events.slice(0, 6).map((e) => {
        const t = touchpoints.get(e.touchpoint)
        return el(
          'tr',
          {},
          el('td', {}, el('code', {}, e.event)),
          el('td', {}, t ? `${t.name} (${t.owner})` : e.touchpoint || '–'),
          el('td', {}, percent(e.low, lowCount)),
          el('td', {}, percent(e.others, otherCount)),
          el('td', {}, difference(e)),
        )
      }),
    ),
  )
  const lowest = worstPerSurvey(lowestScores(config, responses, Infinity))
  return [
    table,
    el('h3', {}, 'The lowest answer at each touchpoint, and the journey before it'),
    el('ol', { class: 'lows' }, ...lowest.map((low) => lowAnswer(config, touchpoints, low))),
  ]
}

async function main() {
  const [config, stored] = await Promise.all([fetch('/hetki.json').then((r) => r.json()), fetch('/api/responses').then((r) => r.json())])
  const responses = customersOnly(stored)
  const previews = stored.length - responses.length
  const summaries = summarise(config, responses)
  const byWeek = scoresByWeek(config, responses)
  document.getElementById('touchpoints').append(...summaries.map((s) => touchpointCard(config, s, byWeek)))
  document.getElementById('root-cause').append(...rootCause(config, responses))
  document.getElementById('summary').textContent = responses.length
    ? `${responses.length} responses to ${summaries.length} surveys.` + (previews ? ` ${previews} preview answer(s) left out.` : '')
    : 'No answers yet: walk the journey on the demo pages, or run npm run demo:seed.'
}

main().catch((e) => {
  document.getElementById('summary').textContent = 'The results could not be loaded: ' + e.message
})
