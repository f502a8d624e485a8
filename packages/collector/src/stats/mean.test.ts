import { describe, expect, it } from 'vitest'
import { moments } from './histogram'
import { meanInterval } from './mean'

const CES = { min: 1, max: 7 }
const EMOTION = { min: -100, max: 100 }

describe('moments', () => {
  it('reads n, mean and the sample variance off a histogram, values held to the scale', () => {
    expect(
      moments(
        [
          { value: 3, count: 1 },
          { value: 4, count: 1 },
          { value: 5, count: 1 },
          { value: 6, count: 1 },
          { value: 7, count: 1 },
        ],
        CES,
      ),
    ).toEqual({ n: 5, mean: 5, variance: 2.5 })
    expect(
      moments(
        [
          { value: 9, count: 2 },
          { value: -4, count: 2 },
        ],
        CES,
      ),
    ).toEqual({ n: 4, mean: 4, variance: 12 })
    expect(moments([], CES).n).toBe(0)
    expect(moments([{ value: 5, count: 1e6 }], CES).variance).toBe(0)
  })
})

describe('meanInterval', () => {
  it('is the t interval: 3, 4, 5, 6, 7 → 5 ± 2.776445 · 1.581139 / √5', () => {
    const i = meanInterval(
      [3, 4, 5, 6, 7].map((value) => ({ value, count: 1 })),
      CES,
    )!
    expect(i.method).toBe('t')
    expect(i.value).toBe(5)
    expect(i.low).toBeCloseTo(3.036757, 5)
    expect(i.high).toBeCloseTo(6.963243, 5)
  })

  it('matches scipy.stats.t for a histogram (n = 20)', () => {
    // 1×2, 4×3, 6×10, 7×5: mean 5.45, s 1.791060; scipy: 4.611758…6.288242.
    const i = meanInterval(
      [
        { value: 1, count: 2 },
        { value: 4, count: 3 },
        { value: 6, count: 10 },
        { value: 7, count: 5 },
      ],
      CES,
    )!
    expect(i.sd).toBeCloseTo(1.79106, 5)
    expect(i.low).toBeCloseTo(4.611758, 5)
    expect(i.high).toBeCloseTo(6.288242, 5)
  })

  it('has no value at n = 0', () => {
    expect(meanInterval([], CES)).toBeNull()
  })

  it('falls back to the conservative bounded interval for one answer, and says so (n = 1)', () => {
    // Rescaled 4 → 0.5; Wilson(0.5, 1) = 0.5 ± (1.959964 / 4.841459) · √(0.25 + 0.960380) = 0.5 ± 0.445380.
    const i = meanInterval([{ value: 4, count: 1 }], CES)!
    expect(i.method).toBe('bounded-wilson')
    expect(i.value).toBe(4)
    expect(i.low).toBeCloseTo(1 + 6 * (0.5 - 0.44538), 4)
    expect(i.high).toBeCloseTo(1 + 6 * (0.5 + 0.44538), 4)
  })

  it('never claims zero width when every answer is the same, and narrows as they accumulate', () => {
    const ten = meanInterval([{ value: 7, count: 10 }], CES)!
    const hundred = meanInterval([{ value: 7, count: 100 }], CES)!
    expect(ten.method).toBe('bounded-wilson')
    expect(ten.high).toBe(7)
    // Wilson(10/10).low = 10 / 13.841459 = 0.722467 → 1 + 6 · 0.722467 = 5.3348.
    expect(ten.low).toBeCloseTo(5.3348, 3)
    expect(hundred.low).toBeGreaterThan(ten.low)
    expect(hundred.low).toBeLessThan(7)
    const neutral = meanInterval([{ value: 0, count: 30 }], EMOTION)!
    expect(neutral.low).toBeLessThan(-20)
    expect(neutral.high).toBeGreaterThan(20)
  })

  it('keeps the interval on the scale', () => {
    const i = meanInterval(
      [
        { value: 7, count: 2 },
        { value: 6, count: 1 },
      ],
      CES,
    )!
    expect(i.high).toBe(7)
    expect(i.low).toBeGreaterThanOrEqual(1)
    const wild = meanInterval(
      [
        { value: 250, count: 1 },
        { value: -250, count: 1 },
      ],
      EMOTION,
    )!
    expect(wild.value).toBe(0)
    expect(wild).toMatchObject({ low: -100, high: 100 })
  })
})
