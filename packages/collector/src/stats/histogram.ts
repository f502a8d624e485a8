import { clamp } from './interval'

/** How many answers had each value: what the query layer hands over instead of raw answers. */
export interface Bin {
  value: number
  count: number
}

export type Histogram = readonly Bin[]

/** The scale answers live on; values outside it are held to it (a tampered or legacy record). */
export interface Scale {
  min: number
  max: number
}

export interface Moments {
  n: number
  mean: number
  /** The sample variance (n − 1 in the denominator); 0 when n < 2. */
  variance: number
}

/**
 * n, mean and sample variance of a histogram, values clamped to the scale; counts that are not
 * positive finite numbers are skipped. Two passes (mean, then squared deviations) so that a
 * million identical answers give a variance of exactly 0, not a rounding residue.
 */
export function moments(histogram: Histogram, scale: Scale): Moments {
  const bins = histogram.filter((b) => Number.isFinite(b.count) && b.count > 0 && Number.isFinite(b.value))
  let n = 0
  let sum = 0
  for (const b of bins) {
    n += b.count
    sum += b.count * clamp(b.value, scale.min, scale.max)
  }
  if (n === 0) return { n: 0, mean: NaN, variance: 0 }
  const mean = sum / n
  let squares = 0
  for (const b of bins) squares += b.count * (clamp(b.value, scale.min, scale.max) - mean) ** 2
  return { n, mean: clamp(mean, scale.min, scale.max), variance: n > 1 ? squares / (n - 1) : 0 }
}

/** How many answers satisfy a test of their value. */
export function countWhere(histogram: Histogram, test: (value: number) => boolean): number {
  let total = 0
  for (const b of histogram) if (Number.isFinite(b.count) && b.count > 0 && test(b.value)) total += b.count
  return total
}

/** All answers. */
export const total = (histogram: Histogram): number => countWhere(histogram, () => true)
