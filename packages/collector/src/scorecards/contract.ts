// The scorecards' two boundaries, declared once:
//  1. ScorecardInput: what the query layer (query.ts, SQL aggregates over the answers, moments and
//     trail_events tables) hands to the pure computation (compute.ts). Counts only: histograms of
//     answer values, prompt outcomes, trail events. Never raw records, so 100,000 records cost a
//     few GROUP BYs, not 100,000 JSON parses.
//  2. Scorecards: what GET /api/scorecards answers and the results app draws. Its core is pinned by
//     the issue ({ touchpoints: [{ id, owner, shown, answered, dismissed, metrics: [{ name, value,
//     n, low, high, method }] }] }); everything else is added beside it, never renamed.
import type { Config } from '../../../sdk/src/pure/config/types'
import type { MetricName } from '../config/metrics'

export type { MetricName }

/** A half-open period [from, to) of ISO times (UTC). */
export interface Period {
  from: string
  to: string
}

/** Which period a count belongs to: the chosen one, the one it is compared with, or a trend step. */
export type SliceId = 'current' | 'baseline' | `trend:${number}`

/** How many answers to one question had one value, in one slice (answers table). */
export interface ValueCount {
  slice: SliceId
  /** The touchpoint of the response (null: the survey names none). */
  touchpoint: string | null
  survey: string
  question: string
  metric: MetricName
  /** The answer on its metric's scale (rating, 1/0 goal, the feeling's weight). */
  value: number
  count: number
}

/** How many responses answered a question at all (any type, open text included), per slice. */
export interface QuestionCount {
  slice: SliceId
  touchpoint: string | null
  survey: string
  question: string
  answered: number
}

/**
 * Prompts by what became of them, per slice. Each prompt (a `shown` record's response id, or a
 * response that arrived without its shown record) counts once, in the first outcome that holds:
 * completed (a response with completed = true), partial (a response, not completed), dismissed
 * (a dismissed record, no answer), ignored (shown only).
 */
export interface PromptCount {
  slice: SliceId
  touchpoint: string | null
  survey: string
  outcome: 'completed' | 'partial' | 'dismissed' | 'ignored'
  count: number
}

/**
 * Root cause: among the responses of `touchpoint` that carry a score, how many had `event` in
 * their trail, split by whether the response was low (csat ≤ 2, nps ≤ 6, ces ≤ 3, goal = no,
 * feeling weight < 0: any of its scored answers). Current slice only.
 */
export interface TrailCount {
  touchpoint: string | null
  event: string
  /** Where the event happened (the trail's label), so its owner can be named. */
  eventTouchpoint: string | null
  low: boolean
  count: number
}

/** Responses of a touchpoint that carry a score, low or not (the denominators of TrailCount). */
export interface ScoredCount {
  touchpoint: string | null
  low: boolean
  count: number
}

/**
 * Non-response bias: among the prompts of `touchpoint` (current slice), how many had `event` in
 * the trail of their `shown` record, split by whether the prompt was answered (completed or
 * partial). Denominators are the PromptCount outcomes.
 */
export interface PromptTrailCount {
  touchpoint: string | null
  event: string
  eventTouchpoint: string | null
  answered: boolean
  count: number
}

/**
 * Prompts per person, only from pseudonymous ids the config opted in to send (`userId`);
 * `people` persons were prompted `prompts` times each (current slice).
 */
export interface PersonCount {
  touchpoint: string | null
  prompts: number
  people: number
}

/** What to compute, and for whom. */
export interface ScorecardRequest {
  period: Period
  baseline: Period
  /** The trend's steps, oldest first, covering the period (days or weeks, by its length). */
  trend: Period[]
  filters: Filters
}

export interface Filters {
  survey?: string
  touchpoint?: string
  owner?: string
  lang?: string
  /** A page path; `*` matches anything. */
  path?: string
  channel?: string
}

export interface ScorecardInput {
  request: ScorecardRequest
  /** The Hetki config the site serves: touchpoints (name, owner, stage, channel), surveys, questions. */
  config: Config
  /** Human names of events and touchpoints from the server config (`labels`); code names otherwise. */
  labels: Record<string, string>
  /** Only these touchpoints may appear (an owner's token); undefined: all (admin). */
  visible?: string[]
  values: ValueCount[]
  questions: QuestionCount[]
  prompts: PromptCount[]
  trails: TrailCount[]
  scored: ScoredCount[]
  promptTrails: PromptTrailCount[]
  people: PersonCount[]
  /** Whether prompts per person can be counted (the config sends pseudonymous ids). */
  peopleAvailable: boolean
  generatedAt: string
}

// ---------------------------------------------------------------- the answer of /api/scorecards

/** A number with its 95 % interval, on the metric's own scale; value/low/high null when n = 0. */
export interface Estimate {
  value: number | null
  n: number
  low: number | null
  high: number | null
  /**
   * How the interval was computed, a key of Scorecards.definitions: "wilson", "nps-adjusted-wald",
   * "t", "bounded-wilson" (a mean with one answer or no spread); differences: "newcombe-hybrid-score",
   * "nps-adjusted-wald-difference", "welch", "mover".
   */
  method: string
}

export type Tone = 'good' | 'fair' | 'poor'

export interface Metric extends Estimate {
  name: MetricName
  /** "CSAT", "NPS", "Effort (CES)", "Goal reached", "Emotional value". */
  label: string
  formula: string
  /** The scale value, low and high are on: CSAT and goal 0–100 %, NPS and emotion −100…100, CES 1–7. */
  scale: { min: number; max: number; unit: '%' | 'points' | 'mean' }
  /** Judged against the metric's targets; null when n is too small to judge. Never colour alone. */
  tone: Tone | null
  /** The targets tone is judged against, on the metric's scale (good at or above `good`, poor below `poor`). */
  targets: { good: number; poor: number }
  /**
   * Answers for an interval of ±10 points (CES: ±0.6, a tenth of its range): the current half-width
   * (null when n = 0), the target half-width, and how many more answers are needed to reach it.
   */
  precision: { halfWidth: number | null; target: number; needed: number }
  /** Null when the period or the baseline has no answers (nothing to compare). */
  change: Change | null
  trend: TrendPoint[]
}

/** This period against the baseline: a real change only when the difference's interval excludes 0. */
export interface Change {
  baseline: Period
  before: Estimate
  difference: number | null
  low: number | null
  high: number | null
  method: string
  real: boolean
  /** Whether the change is for the better (higher is better for every metric here); null if not real. */
  better: boolean | null
}

export interface TrendPoint extends Estimate {
  from: string
  to: string
  /** False when too few answers to draw a point (greyed, not drawn). */
  enough: boolean
}

export interface Funnel {
  shown: number
  /** Answered at least one question (completed + partial). */
  answered: number
  completed: number
  partial: number
  dismissed: number
  ignored: number
  /** answered / shown, with its interval. */
  rate: Estimate
  definition: string
}

export interface QuestionDropoff {
  survey: string
  question: string
  text: string
  /** Responses that got this far (answered this or a later question, or this one's condition held). */
  reached: number
  answered: number
}

export interface Driver {
  event: string
  label: string
  /** Where the event happened and who owns it. */
  touchpoint: string | null
  touchpointName: string | null
  owner: string | null
  /** Share (%) of low responses with this event in their trail, and of the others. */
  withLow: Estimate
  withOthers: Estimate
  /** withLow − withOthers, percentage points, with its interval. */
  lift: Estimate
  real: boolean
}

export interface BiasRow {
  event: string
  label: string
  /** Where the event happened and who owns it. */
  touchpoint: string | null
  touchpointName: string | null
  owner: string | null
  /** Share (%) of answered prompts whose trail had the event, and of unanswered ones. */
  answered: Estimate
  unanswered: Estimate
  difference: Estimate
  real: boolean
}

export type PromptsPerPerson =
  | { available: true; people: number; mean: number; median: number; p95: number; max: number }
  | { available: false; reason: string }

export interface TouchpointScorecard {
  id: string | null
  name: string
  owner: string | null
  stage: string | null
  channel: string | null
  /** Pinned: prompts shown, answered (complete or partial), dismissed, in the period. */
  shown: number
  answered: number
  dismissed: number
  funnel: Funnel
  metrics: Metric[]
  dropoff: QuestionDropoff[]
  rootCause: Driver[]
  nonResponse: BiasRow[]
  promptsPerPerson: PromptsPerPerson
}

export interface OwnerScorecard {
  owner: string
  touchpoints: string[]
  shown: number
  answered: number
  dismissed: number
  /** The response-rate funnel over the owner's touchpoints. */
  funnel: Funnel
  metrics: Metric[]
}

export interface CoverageTouchpoint {
  id: string
  name: string
  owner: string | null
  surveys: string[]
  /** Per metric the touchpoint's surveys measure: answers in the period, and still needed for ±10 points. */
  metrics: { name: MetricName; n: number; needed: number }[]
  status: 'no survey' | 'too few answers' | 'covered'
}

export interface CoverageStage {
  stage: string
  touchpoints: CoverageTouchpoint[]
}

export interface Scorecards {
  period: Period
  baseline: Period
  filters: Filters
  touchpoints: TouchpointScorecard[]
  owners: OwnerScorecard[]
  coverage: CoverageStage[]
  /** Every formula and method shown on the page, in words. */
  definitions: Record<string, string>
  generatedAt: string
}

/** One open-text answer (GET /api/texts), newest first. */
export interface OpenText {
  responseId: string
  survey: string
  question: string
  touchpoint: string | null
  owner: string | null
  text: string
  at: string
  lang: string | null
  path: string | null
  /** The response's scores, for context ("CSAT 2"). */
  scores: { metric: MetricName; value: number }[]
}
