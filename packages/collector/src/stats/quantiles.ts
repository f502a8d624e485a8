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

/** The confidence level of every interval on the scorecards. */
export const CONFIDENCE = 0.95

/** The two-sided critical value of the standard normal: 1.959964… for 95 %. */
export function zCritical(confidence = CONFIDENCE): number {
  return jStat.normal.inv(1 - (1 - confidence) / 2, 0, 1)
}

/** The two-sided critical value of Student's t with `dof` degrees of freedom (dof > 0, may be fractional). */
export function tCritical(dof: number, confidence = CONFIDENCE): number {
  return jStat.studentt.inv(1 - (1 - confidence) / 2, dof)
}

/** The p-quantile of the chi-square distribution with `dof` degrees of freedom. */
export function chiSquareQuantile(p: number, dof: number): number {
  return jStat.chisquare.inv(p, dof)
}
