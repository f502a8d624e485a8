import type { Forecast } from './forecast'

/** One figure that differs between two forecasts (`--against`): `before` null when it is new, `after` null when gone. */
export interface Change {
  /** `overall`, a survey's id under `survey`, a touchpoint's under `touchpoint`. */
  scope: 'overall' | 'survey' | 'touchpoint'
  id?: string
  /** e.g. `prompts`, `perPersonWeek.p95`, `caps.cooldown`, `weeks`. */
  field: string
  before: number | null
  after: number | null
}

type Figures = Record<string, number | null>

const spread = (prefix: string, s: { median: number; p95: number; max: number }): Figures => ({
  [prefix + '.median']: s.median,
  [prefix + '.p95']: s.p95,
  [prefix + '.max']: s.max,
})

function overall(f: Forecast): Figures {
  const o = f.overall
  const caps: Figures = {}
  for (const c of o.caps) caps['caps.' + c.code + (c.group === undefined ? '' : '.' + c.group)] = c.times
  return { prompts: o.prompts, people: o.people, share: o.share, answers: o.answers, ...spread('perPersonWeek', o.perPersonWeek), ...caps }
}

const survey = (s: Forecast['surveys'][number]): Figures => ({
  prompts: s.prompts,
  people: s.people,
  answersPerWeek: s.answersPerWeek,
  ...spread('perPersonWeek', s.perPersonWeek),
})

const touchpoint = (t: Forecast['touchpoints'][number]): Figures => ({ answersPerWeek: t.answersPerWeek, weeks: t.weeks })

function diff(scope: Change['scope'], id: string | undefined, a: Figures | undefined, b: Figures | undefined, out: Change[]) {
  for (const field of new Set([...Object.keys(a || {}), ...Object.keys(b || {})])) {
    const before = a?.[field] ?? null
    const after = b?.[field] ?? null
    if (before !== after) out.push({ scope, ...(id === undefined ? {} : { id }), field, before, after })
  }
}

/** The figures that differ from `before` to `after`, overall, then per survey and per touchpoint, in `after`'s order. */
export function compare(before: Forecast, after: Forecast): Change[] {
  const out: Change[] = []
  diff('overall', undefined, overall(before), overall(after), out)
  const ids = (list: { id: string }[]) => list.map((x) => x.id)
  for (const id of new Set([...ids(after.surveys), ...ids(before.surveys)])) {
    const a = before.surveys.find((s) => s.id === id)
    const b = after.surveys.find((s) => s.id === id)
    diff('survey', id, a && survey(a), b && survey(b), out)
  }
  for (const id of new Set([...ids(after.touchpoints), ...ids(before.touchpoints)])) {
    const a = before.touchpoints.find((t) => t.id === id)
    const b = after.touchpoints.find((t) => t.id === id)
    diff('touchpoint', id, a && touchpoint(a), b && touchpoint(b), out)
  }
  return out
}
