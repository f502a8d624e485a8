// Shares (CSAT, goal reached, response rate, trail shares): the Wilson score interval.
// Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference.
// JASA 22(158), 209–212. Chosen over the Wald interval p ± z√(p(1−p)/n) because Wald collapses to
// zero width at 0 % and 100 % ("CSAT 100 % ± 0" on three answers) and undercovers at small n;
// Wilson stays inside [0, 1], is never zero-width, and is what Newcombe's difference builds on
// (Newcombe 1998, Stat Med 17:857–872, recommends it for the single proportion).
import { clamp, type Interval } from './interval'
import { CONFIDENCE, zCritical } from './quantiles'

/** The Wilson 95 % interval of successes / n, as proportions 0…1; null when n = 0. */
export function wilson(successes: number, n: number, confidence = CONFIDENCE): Interval | null {
  if (!(n > 0)) return null
  const x = clamp(successes, 0, n)
  const p = x / n
  const z = zCritical(confidence)
  const z2 = z * z
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n)
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  // At 0 and n the bound is exactly 0 (1) in theory; floating point leaves 1e-17 residues.
  const low = x === 0 ? 0 : clamp(centre - half, 0, 1)
  const high = x === n ? 1 : clamp(centre + half, 0, 1)
  return { value: p, low, high, method: 'wilson' }
}
