// Means on a bounded scale (CES 1–7, the emotion index −100…100): the t interval, and a
// conservative fallback where t says nothing.
import { moments, type Histogram, type Scale } from './histogram'
import { clamp, type Interval } from './interval'
import { CONFIDENCE, tCritical } from './quantiles'
import { wilson } from './wilson'

export interface MeanInterval extends Interval {
  n: number
  /** The sample standard deviation (0 when n < 2). */
  sd: number
}

/**
 * The mean with its 95 % interval, held to the scale; null when n = 0.
 *  - method "t": mean ± t(0.975, n − 1) · s / √n (Student 1908), when n ≥ 2 and the answers vary.
 *  - method "bounded-wilson": with one answer, or all answers the same, s = 0 and t would claim a
 *    zero-width interval ("CES 7.0 ± 0" on two answers). Instead the mean is rescaled to 0…1 and
 *    given the Wilson interval of a share with the same n: of all distributions on the scale with
 *    that mean, the two-point one at the ends has the largest variance, so this is the interval
 *    the most spread-out data consistent with the mean would get: conservative, never zero-width,
 *    and it narrows as identical answers accumulate (all 7 on n = 10: 5.3…7; on n = 100: 6.8…7).
 */
export function meanInterval(histogram: Histogram, scale: Scale, confidence = CONFIDENCE): MeanInterval | null {
  const m = moments(histogram, scale)
  if (m.n === 0) return null
  const sd = Math.sqrt(m.variance)
  if (m.n >= 2 && sd > 0) {
    const half = (tCritical(m.n - 1, confidence) * sd) / Math.sqrt(m.n)
    return { value: m.mean, n: m.n, sd, low: clamp(m.mean - half, scale.min, scale.max), high: clamp(m.mean + half, scale.min, scale.max), method: 't' }
  }
  const bounded = boundedInterval(m.mean, m.n, scale, confidence)
  return { value: m.mean, n: m.n, sd, low: bounded.low, high: bounded.high, method: 'bounded-wilson' }
}

/** The Wilson interval of the mean rescaled to 0…1, back on the scale (see meanInterval). */
export function boundedInterval(mean: number, n: number, scale: Scale, confidence = CONFIDENCE): { low: number; high: number } {
  const range = scale.max - scale.min
  const share = clamp((mean - scale.min) / range, 0, 1)
  // wilson() takes counts; a fractional count is fine for the formula (only p and n enter it).
  const w = wilson(share * n, n, confidence)!
  return { low: scale.min + w.low * range, high: scale.min + w.high * range }
}
