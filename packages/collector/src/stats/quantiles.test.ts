import { describe, expect, it } from 'vitest'
import { chiSquareQuantile, tCritical, zCritical } from './quantiles'

// Reference values: the standard tables (and scipy.stats 1.17: norm.ppf, t.ppf, chi2.ppf).
describe('quantiles (jstat)', () => {
  it('gives the textbook critical values', () => {
    expect(zCritical()).toBeCloseTo(1.959964, 6)
    expect(zCritical(0.9)).toBeCloseTo(1.644854, 6)
    expect(tCritical(4)).toBeCloseTo(2.776445, 5)
    expect(tCritical(10)).toBeCloseTo(2.228139, 5)
    expect(tCritical(1)).toBeCloseTo(12.7062, 3)
    expect(chiSquareQuantile(0.025, 19)).toBeCloseTo(8.906516, 5)
    expect(chiSquareQuantile(0.975, 3)).toBeCloseTo(9.348404, 5)
  })
})
