// Each metric's statistics on its own scale: how its estimate, its change and the answers it still
// needs are computed from a histogram of answer values, and how it is judged (tone). Pure.
import { FORMULAS, type MetricName } from '../config/metrics'
import { meanDifference, newcombe, npsDifference } from '../stats/difference'
import { countWhere, total, type Histogram } from '../stats/histogram'
import { type Interval } from '../stats/interval'
import { meanInterval } from '../stats/mean'
import { npsCategory, npsInterval, type NpsCounts } from '../stats/nps'
import { answersForMean, answersForNps, answersForShare } from '../stats/sampleSize'
import { wilson } from '../stats/wilson'
import type { Estimate, Metric, Tone } from './contract'

/** The order metrics are listed in, everywhere. */
export const METRIC_ORDER: readonly MetricName[] = ['csat', 'nps', 'ces', 'goal', 'emotion']

/** Fewer answers than this: no tone (too few to judge), and a trend point is greyed. */
export const MIN_ANSWERS = 10

/** A trend point is greyed when its interval's half-width exceeds this share of the scale's range (CSAT: ±20 points). */
export const MAX_TREND_HALF_WIDTH = 0.2

export interface MetricSpec {
  name: MetricName
  label: string
  formula: string
  scale: Metric['scale']
  /** Good at or above `good`, poor below `poor`, on the metric's scale (see tone()). */
  targets: { good: number; poor: number }
  /** The half-width an owner can act on: ±10 points (CES: ±0.6, a tenth of its 1–7 range). */
  precision: number
  /** The estimate with its 95 % interval; value/low/high null when n = 0. */
  estimate(h: Histogram): Estimate
  /** this − before with its 95 % interval; null when either has no answers. */
  difference(now: Histogram, before: Histogram): Interval | null
  /** Total answers for an interval of ±precision (sampleSize.ts). */
  answersFor(h: Histogram): number
}

const scaled = (i: Interval | null, n: number, factor: number, method: string): Estimate =>
  i ? { value: i.value * factor, n, low: i.low * factor, high: i.high * factor, method: i.method } : { value: null, n, low: null, high: null, method }

const scaledDifference = (i: Interval | null, factor: number): Interval | null =>
  i && { value: i.value * factor, low: i.low * factor, high: i.high * factor, method: i.method }

/** A share metric: the answers that pass `success` over all, in %. */
function share(name: 'csat' | 'goal', label: string, success: (v: number) => boolean, targets: MetricSpec['targets']): MetricSpec {
  const counts = (h: Histogram) => ({ x: countWhere(h, success), n: total(h) })
  return {
    name,
    label,
    formula: FORMULAS[name],
    scale: { min: 0, max: 100, unit: '%' },
    targets,
    precision: 10,
    estimate(h) {
      const { x, n } = counts(h)
      return scaled(wilson(x, n), n, 100, 'wilson')
    },
    difference(now, before) {
      const a = counts(now)
      const b = counts(before)
      return scaledDifference(newcombe(a.x, a.n, b.x, b.n), 100)
    },
    answersFor(h) {
      const { x, n } = counts(h)
      return answersForShare(x, n, 0.1)
    },
  }
}

/** A mean metric on a bounded scale (CES 1–7, emotion −100…100). */
function mean(name: 'ces' | 'emotion', label: string, scale: Metric['scale'], targets: MetricSpec['targets'], precision: number): MetricSpec {
  return {
    name,
    label,
    formula: FORMULAS[name],
    scale,
    targets,
    precision,
    estimate(h) {
      const i = meanInterval(h, scale)
      return i ? { value: i.value, n: i.n, low: i.low, high: i.high, method: i.method } : { value: null, n: 0, low: null, high: null, method: 't' }
    },
    difference: (now, before) => meanDifference(now, before, scale),
    answersFor: (h) => answersForMean(h, scale, precision),
  }
}

/** Promoters, passives and detractors of a 0–10 histogram. */
export function npsCounts(h: Histogram): NpsCounts {
  const c: NpsCounts = { promoters: 0, passives: 0, detractors: 0 }
  for (const b of h) if (Number.isFinite(b.count) && b.count > 0) c[npsCategory(b.value)] += b.count
  return c
}

const nps: MetricSpec = {
  name: 'nps',
  label: 'NPS',
  formula: FORMULAS.nps,
  scale: { min: -100, max: 100, unit: 'points' },
  targets: { good: 30, poor: 0 },
  precision: 10,
  estimate(h) {
    const c = npsCounts(h)
    return scaled(npsInterval(c), c.promoters + c.passives + c.detractors, 100, 'nps-adjusted-wald')
  },
  difference: (now, before) => scaledDifference(npsDifference(npsCounts(now), npsCounts(before)), 100),
  answersFor: (h) => answersForNps(npsCounts(h), 0.1),
}

/** Every metric, by name. Default targets follow common CX practice (PRODUCT.md); docs/scorecards.md lists them. */
export const METRICS: Record<MetricName, MetricSpec> = {
  csat: share('csat', 'CSAT', (v) => v >= 4, { good: 80, poor: 60 }),
  nps,
  ces: mean('ces', 'Effort (CES)', { min: 1, max: 7, unit: 'mean' }, { good: 5.5, poor: 4 }, 0.6),
  goal: share('goal', 'Goal reached', (v) => v >= 1, { good: 80, poor: 60 }),
  emotion: mean('emotion', 'Emotional value', { min: -100, max: 100, unit: 'points' }, { good: 30, poor: 0 }, 10),
}

/**
 * Good, fair or poor, judged on the interval as well as the point, so that noise cannot paint a
 * number green or red:
 *  - good: the value reaches the good line AND the whole interval stays at or above the poor line;
 *  - poor: the value is below the poor line AND the whole interval stays below the good line;
 *  - fair: anything else (including a value that looks good or poor but whose interval reaches across);
 *  - null: fewer than MIN_ANSWERS answers: too few to judge, whatever the value (CSAT 0 % on 3 answers).
 */
export function tone(spec: MetricSpec, e: Estimate): Tone | null {
  if (e.n < MIN_ANSWERS || e.value === null || e.low === null || e.high === null) return null
  if (e.value >= spec.targets.good && e.low >= spec.targets.poor) return 'good'
  if (e.value < spec.targets.poor && e.high < spec.targets.good) return 'poor'
  return 'fair'
}

/** Whether a trend point has enough answers to be drawn: n ≥ MIN_ANSWERS and half-width ≤ 20 % of the range. */
export function enoughForTrend(spec: MetricSpec, e: Estimate): boolean {
  if (e.n < MIN_ANSWERS || e.low === null || e.high === null) return false
  return (e.high - e.low) / 2 <= MAX_TREND_HALF_WIDTH * (spec.scale.max - spec.scale.min)
}
