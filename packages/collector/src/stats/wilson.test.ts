import { describe, expect, it } from 'vitest'
import { wilson } from './wilson'

describe('wilson', () => {
  it('matches the worked examples of Newcombe (1998a, Table I, method 3)', () => {
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ]
    for (const [x, n, low, high] of cases) {
      const w = wilson(x, n)!
      expect(w.value).toBeCloseTo(x / n, 10)
      expect(w.low).toBeCloseTo(low, 4)
      expect(w.high).toBeCloseTo(high, 4)
      expect(w.method).toBe('wilson')
    }
  })

  it('has no value and no interval at n = 0', () => {
    expect(wilson(0, 0)).toBeNull()
  })

  it('gives one answer a wide interval, not a point (n = 1)', () => {
    // By hand: p = 1, z² = 3.8415: low = n / (n + z²) = 1 / 4.8415 = 0.2065.
    expect(wilson(1, 1)).toMatchObject({ value: 1, high: 1 })
    expect(wilson(1, 1)!.low).toBeCloseTo(0.2065, 4)
    expect(wilson(0, 1)!.high).toBeCloseTo(0.7935, 4)
  })

  it('keeps a proper width when every answer is the same, narrowing as they accumulate', () => {
    const ten = wilson(10, 10)!
    const hundred = wilson(100, 100)!
    expect(ten.low).toBeCloseTo(10 / (10 + 1.959964 ** 2), 6)
    expect(ten.high).toBe(1)
    expect(hundred.low).toBeGreaterThan(ten.low)
    expect(hundred.low).toBeLessThan(1)
    expect(wilson(0, 10)).toMatchObject({ value: 0, low: 0 })
  })

  it('holds counts outside 0…n to the range', () => {
    expect(wilson(12, 10)!.value).toBe(1)
    expect(wilson(-3, 10)!.value).toBe(0)
  })
})
