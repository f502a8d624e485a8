import { describe, expect, it } from 'vitest'
import { answersFor, answersForMean, answersForNps, answersForShare, sdUpperBound } from './sampleSize'

describe('answers needed for ±10 points', () => {
  it('uses the worst case with no answers: shares 97, NPS 385, CES 97 (±0.6), emotion 385', () => {
    // ⌈1.959964² · 0.25 / 0.01⌉ = ⌈96.04⌉; ⌈1.959964² · 1 / 0.01⌉ = ⌈384.15⌉; ⌈(1.959964 · 3 / 0.6)²⌉ = ⌈96.04⌉.
    expect(answersForShare(0, 0, 0.1)).toBe(97)
    expect(answersForNps({ promoters: 0, passives: 0, detractors: 0 }, 0.1)).toBe(385)
    expect(answersForMean([], { min: 1, max: 7 }, 0.6)).toBe(97)
    expect(answersForMean([], { min: -100, max: 100 }, 10)).toBe(385)
  })

  it('plans with the upper bound of the observed spread', () => {
    // CES 1×2, 4×3, 6×10, 7×5: s = 1.791060; chi-square upper bound 2.615971 (scipy); ⌈(1.959964 · 2.615971 / 0.6)²⌉ = 74.
    expect(sdUpperBound(1.79106 ** 2, 19)).toBeCloseTo(2.61597, 4)
    expect(
      answersForMean(
        [
          { value: 1, count: 2 },
          { value: 4, count: 3 },
          { value: 6, count: 10 },
          { value: 7, count: 5 },
        ],
        { min: 1, max: 7 },
        0.6,
      ),
    ).toBe(74)
    // A share whose interval holds ½ keeps the worst case; one clearly away from ½ needs fewer.
    expect(answersForShare(45, 100, 0.1)).toBe(97)
    // 95 % of 200: Wilson low 0.910422, σ² = 0.081554, ⌈1.959964² · 0.081554 / 0.01⌉ = ⌈31.33⌉.
    expect(answersForShare(190, 200, 0.1)).toBe(32)
  })

  it('never promises precision from a few identical answers', () => {
    expect(answersForShare(3, 3, 0.1)).toBeGreaterThan(60)
    expect(answersForShare(1, 1, 0.1)).toBe(97)
    expect(answersForMean([{ value: 7, count: 3 }], { min: 1, max: 7 }, 0.6)).toBeGreaterThan(50)
    expect(answersForNps({ promoters: 3, passives: 0, detractors: 0 }, 0.1)).toBe(385)
  })

  it('needs nothing when there is no spread to cover', () => {
    expect(answersFor(0, 0.1)).toBe(0)
  })
})
