// The difference of two independent estimates (this period − the baseline; low scores − the others)
// with its 95 % interval. A change is real when that interval excludes 0 (interval.excludesZero).
import { moments, type Histogram, type Scale } from './histogram'
import { type Interval } from './interval'
import { meanInterval } from './mean'
import { npsAdjusted, type NpsCounts } from './nps'
import { CONFIDENCE, tCritical, zCritical } from './quantiles'
import { wilson } from './wilson'

/**
 * p1 − p2 with Newcombe's hybrid score interval (method 10 of Newcombe 1998): the two Wilson
 * intervals (l1, u1), (l2, u2) combine as
 *   low  = d − √((p1 − l1)² + (u2 − p2)²),   high = d + √((u1 − p1)² + (p2 − l2)²).
 * Newcombe, R. G. (1998). Interval estimation for the difference between independent
 * proportions: comparison of eleven methods. Statistics in Medicine 17, 873–890. Good coverage at
 * small n and at 0 % / 100 %, where the Wald difference fails. Null when either n is 0.
 */
export function newcombe(x1: number, n1: number, x2: number, n2: number, confidence = CONFIDENCE): Interval | null {
  const a = wilson(x1, n1, confidence)
  const b = wilson(x2, n2, confidence)
  if (!a || !b) return null
  return mover(a, b, 'newcombe-hybrid-score')
}

/**
 * The method of variance estimates recovery (MOVER) for a − b from two intervals: Zou, G. Y. &
 * Donner, A. (2008). Construction of confidence limits about effect measures: a general approach.
 * Statistics in Medicine 27, 1693–1702. Newcombe's interval is its special case with Wilson
 * intervals; it is also the fallback for means when Welch has no variance to work with.
 */
export function mover(a: Interval, b: Interval, method = 'mover'): Interval {
  const value = a.value - b.value
  return {
    value,
    low: value - Math.sqrt((a.value - a.low) ** 2 + (b.high - b.value) ** 2),
    high: value + Math.sqrt((a.high - a.value) ** 2 + (b.value - b.low) ** 2),
    method,
  }
}

/**
 * NPS(a) − NPS(b) as fractions −2…2: the Wald interval of the difference of two independent
 * adjusted trinomial estimates (Rocks 2016's pseudo-counts in each), centred on the adjusted
 * difference with variance v1/n1′ + v2/n2′; the value is the plain difference, and the interval is
 * widened to include it when the pseudo-counts pull the centre away at tiny n. Null when either n is 0.
 */
export function npsDifference(a: NpsCounts, b: NpsCounts, confidence = CONFIDENCE): Interval | null {
  const na = a.promoters + a.passives + a.detractors
  const nb = b.promoters + b.passives + b.detractors
  if (!(na > 0) || !(nb > 0)) return null
  const value = (a.promoters - a.detractors) / na - (b.promoters - b.detractors) / nb
  const aa = npsAdjusted(a)
  const ab = npsAdjusted(b)
  const centre = aa.centre - ab.centre
  const half = zCritical(confidence) * Math.sqrt(aa.variance / aa.n + ab.variance / ab.n)
  return { value, low: Math.min(value, centre - half), high: Math.max(value, centre + half), method: 'nps-adjusted-wald-difference' }
}

/**
 * mean(a) − mean(b) with Welch's t interval: standard error √(s1²/n1 + s2²/n2), degrees of freedom
 * by Welch–Satterthwaite (Welch 1947, Biometrika 34, 28–35). When that standard error is 0 (one
 * answer each, or identical answers on both sides) Welch would claim certainty; the MOVER
 * combination of the two conservative intervals of meanInterval is used instead. Null when either n is 0.
 */
export function meanDifference(a: Histogram, b: Histogram, scale: Scale, confidence = CONFIDENCE): Interval | null {
  const ma = moments(a, scale)
  const mb = moments(b, scale)
  if (ma.n === 0 || mb.n === 0) return null
  const va = ma.variance / ma.n
  const vb = mb.variance / mb.n
  const value = ma.mean - mb.mean
  if (ma.n >= 2 && mb.n >= 2 && va > 0 && vb > 0) {
    const dof = (va + vb) ** 2 / (va ** 2 / (ma.n - 1) + vb ** 2 / (mb.n - 1))
    const half = tCritical(dof, confidence) * Math.sqrt(va + vb)
    return { value, low: value - half, high: value + half, method: 'welch' }
  }
  // One side without spread: its t interval would be zero-width, so both sides use meanInterval's
  // (t where it holds, bounded-wilson where it does not) and MOVER combines them.
  return mover(meanInterval(a, scale, confidence)!, meanInterval(b, scale, confidence)!, 'mover')
}
