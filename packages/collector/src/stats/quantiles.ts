// The quantiles of the t, normal and chi-square distributions, from jstat. Why jstat: a kept,
// MIT-licensed library whose inverse CDFs are tested against R; hand-written approximations of
// these (Abramowitz–Stegun, Hill's t) are exactly the kind of home-made statistics issue 17 asks
// us to stop writing. It is CommonJS without type declarations, so the few functions used are
// typed here, at the one place that imports it.
// @ts-ignore: jstat ships no type declarations (and another module may declare them): typed below.
import jstatModule from 'jstat'

interface JStat {
  normal: { inv(p: number, mean: number, sd: number): number }
  studentt: { inv(p: number, dof: number): number }
  chisquare: { inv(p: number, dof: number): number }
}

const jStat = jstatModule as unknown as JStat

// jstat inverts its CDFs iteratively (tens of µs each), and a scorecards page asks for the same few
// quantiles thousands of times (every share, every trend point): remember them. Bounded, so odd
// fractional Welch degrees of freedom cannot grow it without end.
const cache = new Map<string, number>()
function remembered(key: string, compute: () => number): number {
  let value = cache.get(key)
  if (value === undefined) {
    value = compute()
    if (cache.size >= 10_000) cache.clear()
    cache.set(key, value)
  }
  return value
}

/** The confidence level of every interval on the scorecards. */
export const CONFIDENCE = 0.95

/** The two-sided critical value of the standard normal: 1.959964… for 95 %. */
export function zCritical(confidence = CONFIDENCE): number {
  return remembered(`z${confidence}`, () => jStat.normal.inv(1 - (1 - confidence) / 2, 0, 1))
}

/** The two-sided critical value of Student's t with `dof` degrees of freedom (dof > 0, may be fractional). */
export function tCritical(dof: number, confidence = CONFIDENCE): number {
  return remembered(`t${confidence}:${dof}`, () => jStat.studentt.inv(1 - (1 - confidence) / 2, dof))
}

/** The p-quantile of the chi-square distribution with `dof` degrees of freedom. */
export function chiSquareQuantile(p: number, dof: number): number {
  return remembered(`c${p}:${dof}`, () => jStat.chisquare.inv(p, dof))
}
