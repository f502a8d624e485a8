// NPS: an interval that respects its three categories. The adjusted-Wald interval of Rocks (2016):
// the NPS is p − d of a trinomial (promoters, passives, detractors), whose variance is
// (p + d − (p − d)²) / n; adding ¾ to promoters and to detractors (so 3/2 to passives) and 3 to n
// keeps it from collapsing at small n or when every answer is in one category, and gave the best
// coverage of six methods in Rocks' simulations.
// Rocks, B. (2016). Interval estimation for the "Net Promoter Score". The American Statistician
// 70(4), 365–372. Also: Sauro & Lewis, "Confidence Intervals for Net Promoter Scores" (MeasuringU, 2021).
import { clamp, type Interval } from './interval'
import { CONFIDENCE, zCritical } from './quantiles'

/** Answers per NPS category: promoters 9–10, passives 7–8, detractors 0–6. */
export interface NpsCounts {
  promoters: number
  passives: number
  detractors: number
}

/** The categories of a 0–10 answer (held to the scale). */
export function npsCategory(value: number): keyof NpsCounts {
  const v = clamp(value, 0, 10)
  return v >= 9 ? 'promoters' : v >= 7 ? 'passives' : 'detractors'
}

/** The pseudo-counts of the adjusted Wald interval (Rocks 2016): ¾ each to promoters and detractors, 3 to n. */
export const NPS_PSEUDO = { promoters: 0.75, detractors: 0.75, n: 3 } as const

/** The adjusted estimate: its centre p′ − d′, the per-answer variance p′ + d′ − (p′ − d′)², and n′ = n + 3. */
export function npsAdjusted(c: NpsCounts): { centre: number; variance: number; n: number } {
  const n = c.promoters + c.passives + c.detractors + NPS_PSEUDO.n
  const p = (c.promoters + NPS_PSEUDO.promoters) / n
  const d = (c.detractors + NPS_PSEUDO.detractors) / n
  return { centre: p - d, variance: p + d - (p - d) ** 2, n }
}

/**
 * The NPS as a fraction −1…1 with its adjusted-Wald 95 % interval; null when n = 0. The value is
 * the plain (p − d) everyone quotes; the interval is centred on the adjusted estimate and, at very
 * small n where the pseudo-counts pull it away (1 promoter: NPS 100, centre 25), widened to
 * include the plain value, so that no page shows a score outside its own interval.
 */
export function npsInterval(c: NpsCounts, confidence = CONFIDENCE): Interval | null {
  const n = c.promoters + c.passives + c.detractors
  if (!(n > 0)) return null
  const value = (c.promoters - c.detractors) / n
  const a = npsAdjusted(c)
  const half = zCritical(confidence) * Math.sqrt(a.variance / a.n)
  return {
    value,
    low: Math.min(value, clamp(a.centre - half, -1, 1)),
    high: Math.max(value, clamp(a.centre + half, -1, 1)),
    method: 'nps-adjusted-wald',
  }
}
