import { describe, expect, it } from 'vitest'
import { npsAdjusted, npsCategory, npsInterval } from './nps'

describe('nps', () => {
  it('sorts answers into detractors 0–6, passives 7–8, promoters 9–10 (held to 0–10)', () => {
    expect([0, 6, 7, 8, 9, 10, 12, -1].map(npsCategory)).toEqual([
      'detractors',
      'detractors',
      'passives',
      'passives',
      'promoters',
      'promoters',
      'promoters',
      'detractors',
    ])
  })

  it('computes the adjusted-Wald interval of Rocks (2016) by hand', () => {
    // 50 promoters, 30 passives, 20 detractors. n′ = 103, p′ = 50.75/103, d′ = 20.75/103,
    // centre 0.291262, variance p′ + d′ − (p′ − d′)² = 0.609341, half 1.959964·√(0.609341/103) = 0.150751.
    const c = { promoters: 50, passives: 30, detractors: 20 }
    const a = npsAdjusted(c)
    expect(a.n).toBe(103)
    expect(a.centre).toBeCloseTo(0.291262, 6)
    expect(a.variance).toBeCloseTo(0.609341, 6)
    const i = npsInterval(c)!
    expect(i.value).toBeCloseTo(0.3, 12)
    expect(i.low).toBeCloseTo(0.140511, 6)
    expect(i.high).toBeCloseTo(0.442013, 6)
    expect(i.method).toBe('nps-adjusted-wald')
  })

  it('has no value at n = 0', () => {
    expect(npsInterval({ promoters: 0, passives: 0, detractors: 0 })).toBeNull()
  })

  it('gives one promoter a wide interval that still contains its NPS of 100 (n = 1)', () => {
    // Adjusted: p′ = 1.75/4, d′ = 0.75/4, centre 0.25, variance 0.5625, half 1.959964·0.375 = 0.734987.
    const i = npsInterval({ promoters: 1, passives: 0, detractors: 0 })!
    expect(i.value).toBe(1)
    expect(i.low).toBeCloseTo(0.25 - 0.734987, 5)
    expect(i.high).toBe(1)
  })

  it('never gives a zero-width interval when every answer is a promoter', () => {
    const i = npsInterval({ promoters: 40, passives: 0, detractors: 0 })!
    expect(i.value).toBe(1)
    expect(i.high).toBe(1)
    expect(i.low).toBeLessThan(0.95)
    expect(i.low).toBeGreaterThan(0.7)
    const all = npsInterval({ promoters: 0, passives: 0, detractors: 40 })!
    expect(all).toMatchObject({ value: -1, low: -1 })
    expect(all.high).toBeGreaterThan(-0.95)
  })

  it('is wider for a split audience than for a unanimous one of the same size (it respects the categories)', () => {
    const split = npsInterval({ promoters: 50, passives: 0, detractors: 50 })!
    const passive = npsInterval({ promoters: 0, passives: 100, detractors: 0 })!
    expect(split.value).toBe(0)
    expect(passive.value).toBe(0)
    expect(split.high - split.low).toBeGreaterThan(3 * (passive.high - passive.low))
  })
})
