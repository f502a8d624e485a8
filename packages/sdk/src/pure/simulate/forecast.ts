import type { Config } from '../config/types'
import { metricOf, NEEDED, type Metric } from './precision'
import { DAY, type Tally } from './replay'

/** A spread over person-weeks. */
export interface Spread {
  median: number
  p95: number
  max: number
}

/** The forecast for one survey (`--json`: `surveys[]`). */
export interface SurveyForecast {
  id: string
  touchpoint: string | null
  /** Times its trigger event was seen. */
  triggered: number
  /** Times its rules held (audience, schedule, sample, sequence), before priority and pacing. */
  qualified: number
  /** Prompts shown. */
  prompts: number
  /** Distinct people prompted. */
  people: number
  /** Expected answers: prompts × the response rate. */
  answers: number
  answersPerWeek: number
  /** Its prompts per person per week, over the weeks in which the person visited. */
  perPersonWeek: Spread
  /** Why it did not show when its rules held: reason code (`priority`, a pacing code, `left`) → times. */
  refused: Record<string, number>
  /** Starved by other surveys: which survey, by what (`priority`, `cooldown`, `group`…), how often; most first. */
  blockedBy: { survey: string; code: string; times: number }[]
}

/** The forecast for one touchpoint (`touchpoints[]`). */
export interface TouchpointForecast {
  id: string
  surveys: string[]
  /** Expected answers per week at the response rate. */
  answersPerWeek: number
  /** The metric of its surveys that needs the most answers for a ±10-point interval, and how many. */
  metric: Metric | null
  needed: number | null
  /** Weeks until `needed` answers; null when no answers come (or nothing is measured). */
  weeks: number | null
}

/** A pacing rule that refused a survey whose rules held: how often, over all surveys (`overall.caps`). */
export interface Cap {
  code: string
  /** For `group`: which. */
  group?: string
  times: number
}

/** What `hetki simulate --json` prints: the shape is documented in docs/simulate.md and kept. */
export interface Forecast {
  version: 1
  responseRate: number
  journeys: { people: number; events: number; from: string | null; to: string | null; days: number; weeks: number }
  overall: { prompts: number; people: number; share: number; answers: number; perPersonWeek: Spread; caps: Cap[] }
  surveys: SurveyForecast[]
  touchpoints: TouchpointForecast[]
}

/** The value at quantile q of a histogram (count of person-weeks with 0, 1, 2… prompts). */
function quantile(histogram: number[], q: number): number {
  const total = histogram.reduce((a, b) => a + b, 0)
  if (!total) return 0
  const rank = Math.ceil(q * total)
  let seen = 0
  for (let k = 0; k < histogram.length; k++) if ((seen += histogram[k]!) >= rank) return k
  return histogram.length - 1
}

const spread = (h: number[]): Spread => ({ median: quantile(h, 0.5), p95: quantile(h, 0.95), max: Math.max(0, h.length - 1) })

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits

/** The pacing rules, shared (cooldown, caps, groups, spacing) and the survey's own (frequency, snooze, max responses). */
const PACING = new Set(['cooldown', 'maxPerSession', 'maxPer', 'group', 'spacing', 'once', 'answered', 'snoozed', 'everyDays', 'maxResponses'])

/**
 * The forecast from a replay: per survey and overall, prompts per person per week (median, p95,
 * max over the weeks each person visited), people asked at least once, expected answers per
 * touchpoint per week at `responseRate`, the weeks until each touchpoint has the answers for a
 * ±10-point interval, who blocked whom, and the pacing rules that bind.
 */
export function forecast(config: Config, tally: Tally, responseRate: number, days?: number): Forecast {
  const span = tally.to >= tally.from ? tally.to - tally.from : 0
  const length = days ?? Math.max(1, Math.ceil(span / DAY))
  const weeks = length / 7
  const surveys: SurveyForecast[] = config.surveys.map((s) => {
    const t = tally.surveys[s.id]!
    const answers = t.prompts * responseRate
    return {
      id: s.id,
      touchpoint: s.touchpoint ?? null,
      triggered: t.triggered,
      qualified: t.qualified,
      prompts: t.prompts,
      people: t.people,
      answers: round(answers),
      answersPerWeek: round(answers / weeks),
      perPersonWeek: spread(t.weeks),
      refused: t.refused,
      blockedBy: Object.entries(t.blockedBy)
        .flatMap(([code, by]) => Object.entries(by).map(([survey, times]) => ({ survey, code, times })))
        .sort((a, b) => b.times - a.times),
    }
  })
  const caps: Cap[] = []
  const count = (code: string, times: number, group?: string) => {
    const cap = caps.find((c) => c.code === code && c.group === group)
    cap ? (cap.times += times) : caps.push({ code, ...(group === undefined ? {} : { group }), times })
  }
  for (const s of config.surveys) {
    const t = tally.surveys[s.id]!
    for (const [code, times] of Object.entries(t.refused)) if (PACING.has(code) && code !== 'group') count(code, times)
    for (const [group, times] of Object.entries(t.groups)) count('group', times, group)
  }
  caps.sort((a, b) => b.times - a.times)

  const tpIds = [...new Set([...(config.touchpoints || []).map((t) => t.id), ...config.surveys.flatMap((s) => (s.touchpoint ? [s.touchpoint] : []))])]
  const touchpoints: TouchpointForecast[] = tpIds.map((id) => {
    const own = config.surveys.filter((s) => s.touchpoint === id)
    const perWeek = surveys.filter((s) => s.touchpoint === id).reduce((a, s) => a + s.prompts * responseRate, 0) / weeks
    const metrics = own.flatMap((s) => (Array.isArray(s.questions) ? s.questions : []).map(metricOf)).filter((m): m is Metric => !!m)
    const metric = metrics.sort((a, b) => NEEDED[b] - NEEDED[a])[0] ?? null
    const needed = metric && NEEDED[metric]
    return {
      id,
      surveys: own.map((s) => s.id),
      answersPerWeek: round(perWeek),
      metric,
      needed,
      weeks: needed && perWeek > 0 ? round(needed / perWeek, 1) : null,
    }
  })

  const prompts = surveys.reduce((a, s) => a + s.prompts, 0)
  return {
    version: 1,
    responseRate,
    journeys: {
      people: tally.people,
      events: tally.events,
      from: tally.events ? new Date(tally.from).toISOString() : null,
      to: tally.events ? new Date(tally.to).toISOString() : null,
      days: length,
      weeks: round(weeks),
    },
    overall: {
      prompts,
      people: tally.prompted,
      share: tally.people ? round(tally.prompted / tally.people, 4) : 0,
      answers: round(prompts * responseRate),
      perPersonWeek: spread(tally.weeks),
      caps,
    },
    surveys,
    touchpoints,
  }
}
