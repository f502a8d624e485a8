// How many answers a ±h interval needs: the planning formula n = (z · σ / h)² (e.g. Cochran 1977,
// Sampling Techniques, §4.4), with σ not the observed spread itself but an upper 95 % bound of it,
// so that a lucky, uniform first few answers do not promise precision ("all 5s: 0 more needed").
// With no answers σ is the worst case of the scale. The normal z rather than t: above 30 answers
// they differ by < 2 %, and below that the worst-case spread already dominates.
import { moments, type Histogram, type Scale } from './histogram'
import { clamp } from './interval'
import { npsAdjusted, type NpsCounts } from './nps'
import { chiSquareQuantile, CONFIDENCE, zCritical } from './quantiles'
import { wilson } from './wilson'

/** Answers that give the planning spread σ an interval half-width of h: ⌈(z σ / h)²⌉. */
export function answersFor(sigma: number, halfWidth: number, confidence = CONFIDENCE): number {
  if (!(sigma > 0)) return 0
  return Math.ceil(((zCritical(confidence) * sigma) / halfWidth) ** 2 - 1e-9)
}

/**
 * A share: σ = √(p(1 − p)) at the end of the observed Wilson interval nearest ½ (½ itself when
 * the interval contains it, and when n = 0: the worst case). Total answers for ±h (h as a fraction, 0.1 = ±10 points).
 */
export function answersForShare(successes: number, n: number, halfWidth: number, confidence = CONFIDENCE): number {
  const p = planningShare(n > 0 ? successes / n : 0.5, n, confidence)
  return answersFor(Math.sqrt(p * (1 - p)), halfWidth, confidence)
}

/** Upper 95 % bound of a standard deviation from s² with `dof` degrees of freedom: s √(dof / χ²(0.025, dof)). */
export function sdUpperBound(variance: number, dof: number, confidence = CONFIDENCE): number {
  return Math.sqrt((variance * dof) / chiSquareQuantile((1 - confidence) / 2, dof))
}

/**
 * A mean on a bounded scale: σ = the chi-square upper bound of the observed s, held to the
 * scale's largest possible spread (range / 2). With fewer than 2 answers or no spread at all, the
 * spread of the conservative interval instead: range · √(q(1 − q)), q the rescaled mean at the end
 * of its Wilson interval nearest ½ (n = 0: range / 2, the worst case).
 */
export function answersForMean(histogram: Histogram, scale: Scale, halfWidth: number, confidence = CONFIDENCE): number {
  const m = moments(histogram, scale)
  const range = scale.max - scale.min
  let sigma: number
  if (m.n >= 2 && m.variance > 0) sigma = Math.min(range / 2, sdUpperBound(m.variance, m.n - 1, confidence))
  else {
    const q = m.n === 0 ? 0.5 : clamp((m.mean - scale.min) / range, 0, 1)
    sigma = range * Math.sqrt(0.25 - (planningShare(q, m.n, confidence) - 0.5) ** 2)
  }
  return answersFor(sigma, halfWidth, confidence)
}

/** The end of a share's Wilson interval nearest ½ (½ when inside it or n = 0). */
function planningShare(share: number, n: number, confidence: number): number {
  const w = wilson(share * n, n, confidence)
  return !w || (w.low <= 0.5 && w.high >= 0.5) ? 0.5 : w.high < 0.5 ? w.high : w.low
}

/**
 * NPS (a fraction −1…1, so h = 0.1 for ±10 points): the NPS is the mean of per-answer scores
 * +1 / 0 / −1, so σ is the chi-square upper bound of the adjusted trinomial spread (Rocks'
 * pseudo-counts keep it above 0), held to 1, its largest possible value. n = 0 gives the worst case, 1.
 */
export function answersForNps(c: NpsCounts, halfWidth: number, confidence = CONFIDENCE): number {
  const a = npsAdjusted(c)
  const sigma = Math.min(1, sdUpperBound(a.variance, a.n - 1, confidence))
  return answersFor(sigma, halfWidth, confidence)
}
