/** An estimate with its two-sided interval, on the scale the function that made it states. */
export interface Interval {
  value: number
  low: number
  high: number
  /** How the interval was computed (a key of the scorecards' definitions). */
  method: string
}

/** Holds x to [min, max]. */
export const clamp = (x: number, min: number, max: number): number => Math.min(max, Math.max(min, x))

/** A difference is a real change when its interval excludes 0 (both ends on the same side). */
export const excludesZero = (d: Pick<Interval, 'low' | 'high'>): boolean => d.low > 0 || d.high < 0
