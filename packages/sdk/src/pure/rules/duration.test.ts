import { describe, expect, it } from 'vitest'
import { ms } from './duration'

describe('durations', () => {
  it.each([
    ['30s', 30_000],
    ['10m', 600_000],
    ['2h', 7_200_000],
    ['7d', 604_800_000],
    ['1.5m', 90_000],
    ['45', 45_000],
    [90, 90_000],
  ])('%j is %d ms', (d, expected) => expect(ms(d)).toBe(expected))

  it.each(['', 'soon', '10 m', '-5m', '5w'])('%j is not a duration', (d) => expect(ms(d)).toBeNaN())
})
