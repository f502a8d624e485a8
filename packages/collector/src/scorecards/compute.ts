// The scorecards from their aggregates: ScorecardInput (counts, from query.ts) → Scorecards (what
// GET /api/scorecards answers). Pure: no I/O, no clock, so the same input always gives the same
// page, and every number can be checked by hand (compute.test.ts).
import type { Survey } from '../../../sdk/src/pure/config/types'
import { measureOf, type MetricName } from '../config/metrics'
import { excludesZero } from '../stats/interval'
import { type Bin, type Histogram } from '../stats/histogram'
import { wilson } from '../stats/wilson'
import type {
  Change,
  CoverageStage,
  Funnel,
  Metric,
  OwnerScorecard,
  PromptCount,
  PromptsPerPerson,
  ScorecardInput,
  Scorecards,
  SliceId,
  TouchpointScorecard,
  TrendPoint,
} from './contract'
import { DEFINITIONS, FUNNEL_DEFINITION } from './definitions'
import { nonResponse, rootCause } from './drivers'
import { dropoff } from './dropoff'
import { names as makeNames, type Names } from './labels'
import { enoughForTrend, METRIC_ORDER, METRICS, tone } from './metricStats'

type Id = string | null

/** Answer-value histograms, merged per (slice, touchpoint, metric) and per (touchpoint, survey, question), current slice. */
class Histograms {
  private byMetric = new Map<string, Map<number, number>>()
  private byQuestion = new Map<string, Map<number, number>>()
  private metrics = new Map<Id, Set<MetricName>>()

  constructor(values: ScorecardInput['values']) {
    for (const v of values) {
      if (!(v.count > 0) || !Number.isFinite(v.value)) continue
      const at = this.metrics.get(v.touchpoint) ?? new Set()
      this.metrics.set(v.touchpoint, at.add(v.metric))
      add(this.byMetric, key(v.slice, v.touchpoint, v.metric), v.value, v.count)
      if (v.slice === 'current') add(this.byQuestion, key(v.touchpoint, v.survey, v.question), v.value, v.count)
    }
  }

  /** The pooled answers of a metric over some touchpoints, in one slice (several questions of one metric pool). */
  metric(slice: SliceId, touchpoints: readonly Id[], metric: MetricName): Histogram {
    if (touchpoints.length === 1) return toBins(this.byMetric.get(key(slice, touchpoints[0]!, metric)) ?? new Map())
    const merged = new Map<number, number>()
    for (const t of touchpoints)
      for (const [value, count] of this.byMetric.get(key(slice, t, metric)) ?? []) merged.set(value, (merged.get(value) ?? 0) + count)
    return toBins(merged)
  }

  /** The metrics a touchpoint has answers for, in any slice. */
  metricsAt(touchpoint: Id): ReadonlySet<MetricName> {
    return this.metrics.get(touchpoint) ?? new Set()
  }

  question(touchpoint: Id, survey: string, question: string): Histogram {
    return toBins(this.byQuestion.get(key(touchpoint, survey, question)) ?? new Map())
  }
}

/** A map key of a few ids; null is told from the string "null" (a touchpoint may be named anything). */
const part = (p: string | null): string => (p === null ? '\u0000' : '"' + p)
const key = (a: string | null, b: string | null, c: string | null): string => part(a) + '\u0001' + part(b) + '\u0001' + part(c)

function add(map: Map<string, Map<number, number>>, key: string, value: number, count: number) {
  const bins = map.get(key) ?? new Map<number, number>()
  bins.set(value, (bins.get(value) ?? 0) + count)
  map.set(key, bins)
}

const toBins = (m: Map<number, number>): Bin[] => [...m].map(([value, count]) => ({ value, count }))

/** The metrics the config's surveys measure (all of them, or one when filtered). */
function measured(surveys: readonly Survey[]): Set<MetricName> {
  const out = new Set<MetricName>()
  for (const s of surveys)
    for (const q of s.questions) {
      const m = measureOf(q)
      if (m) out.add(m.metric)
    }
  return out
}

/** One metric over a set of touchpoints: estimate, tone, precision, change against the baseline, trend. */
function metricOf(name: MetricName, touchpoints: readonly Id[], h: Histograms, input: ScorecardInput): Metric {
  const spec = METRICS[name]
  const now = h.metric('current', touchpoints, name)
  const before = h.metric('baseline', touchpoints, name)
  const e = spec.estimate(now)
  const b = spec.estimate(before)
  let change: Change | null = null
  const d = spec.difference(now, before)
  if (d && e.n > 0 && b.n > 0) {
    const real = excludesZero(d)
    // Higher is better for every metric here (CES: 7 = it was easy).
    change = {
      baseline: input.request.baseline,
      before: b,
      difference: d.value,
      low: d.low,
      high: d.high,
      method: d.method,
      real,
      better: real ? d.value > 0 : null,
    }
  }
  const trend: TrendPoint[] = input.request.trend.map((period, i) => {
    const p = spec.estimate(h.metric(`trend:${i}`, touchpoints, name))
    return { ...p, from: period.from, to: period.to, enough: enoughForTrend(spec, p) }
  })
  return {
    name,
    label: spec.label,
    formula: spec.formula,
    scale: spec.scale,
    ...e,
    tone: tone(spec, e),
    targets: spec.targets,
    precision: {
      halfWidth: e.low === null || e.high === null ? null : (e.high - e.low) / 2,
      target: spec.precision,
      needed: Math.max(0, spec.answersFor(now) - e.n),
    },
    change,
    trend,
  }
}

/** The metrics to show for some touchpoints: those their surveys measure, and any that has answers. */
function metricsOf(touchpoints: readonly Id[], surveys: readonly Survey[], h: Histograms, input: ScorecardInput): Metric[] {
  const wanted = measured(surveys)
  for (const t of touchpoints) for (const m of h.metricsAt(t)) wanted.add(m)
  return METRIC_ORDER.filter((m) => wanted.has(m)).map((m) => metricOf(m, touchpoints, h, input))
}

function funnelOf(prompts: readonly PromptCount[]): Funnel {
  const sum = (o: PromptCount['outcome']) => prompts.filter((p) => p.outcome === o).reduce((a, p) => a + Math.max(0, p.count), 0)
  const completed = sum('completed')
  const partial = sum('partial')
  const dismissed = sum('dismissed')
  const ignored = sum('ignored')
  const answered = completed + partial
  const shown = answered + dismissed + ignored
  const w = wilson(answered, shown)
  const rate = w
    ? { value: 100 * w.value, n: shown, low: 100 * w.low, high: 100 * w.high, method: 'wilson' }
    : { value: null, n: 0, low: null, high: null, method: 'wilson' }
  return { shown, answered, completed, partial, dismissed, ignored, rate, definition: FUNNEL_DEFINITION }
}

/** Prompts per person, from the PersonCount histogram (nearest-rank median and 95th percentile). */
function promptsPerPerson(touchpoint: Id, input: ScorecardInput): PromptsPerPerson {
  if (!input.peopleAvailable)
    return { available: false, reason: 'Not counted: the config does not send pseudonymous ids (delivery userId), so one person cannot be told from another.' }
  const rows = input.people.filter((p) => p.touchpoint === touchpoint && p.people > 0 && p.prompts > 0).sort((a, b) => a.prompts - b.prompts)
  const people = rows.reduce((a, r) => a + r.people, 0)
  if (people === 0) return { available: false, reason: 'No prompts with a pseudonymous id in this period.' }
  const rank = (q: number) => {
    const target = Math.max(1, Math.ceil(q * people))
    let seen = 0
    for (const r of rows) if ((seen += r.people) >= target) return r.prompts
    return rows[rows.length - 1]!.prompts
  }
  const mean = rows.reduce((a, r) => a + r.prompts * r.people, 0) / people
  return { available: true, people, mean, median: rank(0.5), p95: rank(0.95), max: rows[rows.length - 1]!.prompts }
}

/** The touchpoints to show, in config order, then any the data names that the config does not; filtered. */
function listTouchpoints(input: ScorecardInput, surveysOf: (id: Id) => Survey[], names: Names): Id[] {
  const ids: Id[] = (input.config.touchpoints ?? []).map((t) => t.id)
  const seen = new Set<Id>(ids)
  const inData = [...input.values, ...input.prompts, ...input.questions].map((r) => r.touchpoint)
  if (surveysOf(null).length) inData.unshift(null)
  for (const id of inData) if (!seen.has(id)) seen.add(id), ids.push(id)
  const { filters } = input.request
  return ids.filter((id) => {
    if (input.visible && (id === null || !input.visible.includes(id))) return false
    if (filters.touchpoint !== undefined && id !== filters.touchpoint) return false
    if (filters.owner !== undefined && names.owner(id) !== filters.owner) return false
    if (filters.survey !== undefined && !surveysOf(id).some((s) => s.id === filters.survey) && !inData.includes(id)) return false
    return true
  })
}

/** The scorecards: per touchpoint, per owner, coverage and definitions. */
export function computeScorecards(input: ScorecardInput): Scorecards {
  const names = makeNames(input.config, input.labels)
  const h = new Histograms(input.values)
  const { filters } = input.request
  const surveysOf = (id: Id): Survey[] =>
    input.config.surveys.filter((s) => (s.touchpoint ?? null) === id && (filters.survey === undefined || s.id === filters.survey))
  const ids = listTouchpoints(input, surveysOf, names)
  const current = input.prompts.filter((p) => p.slice === 'current')

  const touchpoints: TouchpointScorecard[] = ids.map((id) => {
    const tp = names.find(id)
    const surveys = surveysOf(id)
    const mine = current.filter((p) => p.touchpoint === id)
    const funnel = funnelOf(mine)
    const dropoffs = surveys.flatMap((s) => {
      const own = mine.filter((p) => p.survey === s.id)
      const count = (o: PromptCount['outcome']) => own.filter((p) => p.outcome === o).reduce((a, p) => a + p.count, 0)
      const answered = (q: string) =>
        input.questions.filter((c) => c.slice === 'current' && c.touchpoint === id && c.survey === s.id && c.question === q).reduce((a, c) => a + c.answered, 0)
      return dropoff(s, { responses: count('completed') + count('partial'), completed: count('completed'), answered, values: (q) => h.question(id, s.id, q) })
    })
    return {
      id,
      name: names.touchpoint(id),
      owner: tp?.owner ?? null,
      stage: tp?.stage ?? null,
      channel: tp?.channel ?? null,
      shown: funnel.shown,
      answered: funnel.answered,
      dismissed: funnel.dismissed,
      funnel,
      metrics: metricsOf([id], surveys, h, input),
      dropoff: dropoffs,
      rootCause: rootCause(id, input.trails, input.scored, names),
      nonResponse: nonResponse(id, input.promptTrails, input.prompts, names),
      promptsPerPerson: promptsPerPerson(id, input),
    }
  })

  // Owners: every owner of a listed touchpoint, their metrics from the same histograms pooled
  // over their touchpoints (not an average of averages), in order of first appearance.
  const owners: OwnerScorecard[] = []
  for (const owner of [...new Set(touchpoints.map((t) => t.owner).filter((o): o is string => o !== null))]) {
    const theirs = touchpoints.filter((t) => t.owner === owner)
    const tIds = theirs.map((t) => t.id)
    const funnel = funnelOf(current.filter((p) => tIds.includes(p.touchpoint)))
    owners.push({
      owner,
      touchpoints: tIds.filter((t): t is string => t !== null),
      shown: funnel.shown,
      answered: funnel.answered,
      dismissed: funnel.dismissed,
      funnel,
      metrics: metricsOf(tIds, tIds.flatMap(surveysOf), h, input),
    })
  }

  return {
    period: input.request.period,
    baseline: input.request.baseline,
    filters,
    touchpoints,
    owners,
    coverage: coverageOf(touchpoints, surveysOf, (id) => names.find(id) !== undefined),
    definitions: { ...DEFINITIONS },
    generatedAt: input.generatedAt,
  }
}

/** Journey stages in config order, each touchpoint with its surveys and what its metrics still need. */
function coverageOf(touchpoints: readonly TouchpointScorecard[], surveysOf: (id: Id) => Survey[], known: (id: string) => boolean): CoverageStage[] {
  const stages = new Map<string, CoverageStage>()
  for (const t of touchpoints) {
    // The journey is the config's: a touchpoint only the data names has no stage to sit in.
    if (t.id === null || !known(t.id)) continue
    const stage = t.stage ?? 'no stage'
    const entry = stages.get(stage) ?? { stage, touchpoints: [] }
    const surveys = surveysOf(t.id).map((s) => s.id)
    const metrics = t.metrics.map((m) => ({ name: m.name, n: m.n, needed: m.precision.needed }))
    const status =
      surveys.length === 0 ? 'no survey' : metrics.some((m) => m.needed > 0) || (metrics.length === 0 && t.answered === 0) ? 'too few answers' : 'covered'
    entry.touchpoints.push({ id: t.id, name: t.name, owner: t.owner, surveys, metrics, status })
    stages.set(stage, entry)
  }
  return [...stages.values()]
}
