import { describe, expect, it } from 'vitest'
import { excludesZero } from './interval'
import { meanDifference, newcombe, npsDifference } from './difference'

const CES = { min: 1, max: 7 }

describe('newcombe', () => {
  it('matches the worked examples of Newcombe (1998b, Table II, method 10)', () => {
    const cases: [number, number, number, number, number, number][] = [
      [56, 70, 48, 80, 0.0524, 0.3339],
      [9, 10, 3, 10, 0.1705, 0.809],
      [0, 10, 0, 20, -0.1611, 0.2775],
      [0, 10, 0, 10, -0.2775, 0.2775],
    ]
    for (const [x1, n1, x2, n2, low, high] of cases) {
      const d = newcombe(x1, n1, x2, n2)!
      expect(d.value).toBeCloseTo(x1 / n1 - x2 / n2, 10)
      expect(d.low).toBeCloseTo(low, 4)
      expect(d.high).toBeCloseTo(high, 4)
    }
  })

  it('has no difference when either side has no answers', () => {
    expect(newcombe(3, 10, 0, 0)).toBeNull()
    expect(newcombe(0, 0, 3, 10)).toBeNull()
  })

  it('calls 60 % → 90 % on 200 answers each real, and 60 % → 70 % on 10 each noise', () => {
    expect(excludesZero(newcombe(180, 200, 120, 200)!)).toBe(true)
    expect(excludesZero(newcombe(7, 10, 6, 10)!)).toBe(false)
  })
})

describe('npsDifference', () => {
  it('is the Wald difference of two adjusted trinomials, by hand', () => {
    // 50/30/20 (NPS 30) − 30/30/40 (NPS −10): centres 0.291262 − (−0.097087), variances 0.609341 and
    // 0.677679 over 103 each: half = 1.959964 · √(0.012495) = 0.219…; interval 0.168659…0.608040.
    const d = npsDifference({ promoters: 50, passives: 30, detractors: 20 }, { promoters: 30, passives: 30, detractors: 40 })!
    expect(d.value).toBeCloseTo(0.4, 10)
    expect(d.low).toBeCloseTo(0.168659, 5)
    expect(d.high).toBeCloseTo(0.60804, 5)
    expect(excludesZero(d)).toBe(true)
  })

  it('has no difference at n = 0, and calls a small shift on few answers noise', () => {
    expect(npsDifference({ promoters: 0, passives: 0, detractors: 0 }, { promoters: 1, passives: 0, detractors: 0 })).toBeNull()
    expect(excludesZero(npsDifference({ promoters: 4, passives: 3, detractors: 3 }, { promoters: 3, passives: 3, detractors: 4 })!)).toBe(false)
  })

  it('still has an interval when both sides are unanimous (n = 1 each)', () => {
    const d = npsDifference({ promoters: 1, passives: 0, detractors: 0 }, { promoters: 0, passives: 0, detractors: 1 })!
    expect(d.value).toBe(2)
    expect(d.low).toBeLessThan(0)
  })
})

describe('meanDifference', () => {
  const a = [
    { value: 1, count: 2 },
    { value: 4, count: 3 },
    { value: 6, count: 10 },
    { value: 7, count: 5 },
  ]
  const b = [
    { value: 2, count: 5 },
    { value: 3, count: 5 },
    { value: 4, count: 5 },
    { value: 5, count: 3 },
    { value: 6, count: 2 },
  ]

  it('is Welch’s interval (scipy.stats.ttest_ind(equal_var=False).confidence_interval)', () => {
    const d = meanDifference(a, b, CES)!
    expect(d.method).toBe('welch')
    expect(d.value).toBeCloseTo(1.85, 10)
    expect(d.low).toBeCloseTo(0.841499, 5)
    expect(d.high).toBeCloseTo(2.858501, 5)
  })

  it('falls back to MOVER on the conservative intervals when a side has no spread', () => {
    const d = meanDifference([{ value: 7, count: 10 }], [{ value: 6, count: 10 }], CES)!
    expect(d.method).toBe('mover')
    expect(d.value).toBe(1)
    // Each side is ±(about 1.6) wide by the bounded interval: a 1-point shift on 10 each is not certain.
    expect(excludesZero(d)).toBe(false)
    expect(meanDifference([{ value: 7, count: 1 }], [{ value: 1, count: 1 }], CES)!.method).toBe('mover')
  })

  it('has no difference at n = 0', () => {
    expect(meanDifference([], b, CES)).toBeNull()
  })
})
