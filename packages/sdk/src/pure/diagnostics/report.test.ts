import { describe, expect, it } from 'vitest'
import { freshPacing } from '../pacing/state'
import { dayOf, report, type Counts } from './report'

describe('a diagnostics report', () => {
  it('says first on the day’s first report of a survey, with the days since the previous one, and marks the day', () => {
    const state = freshPacing()
    const day = dayOf(Date.UTC(2026, 10, 20, 15))
    expect(day).toBe(Date.UTC(2026, 10, 20) / 864e5)
    state.surveys.a = { shown: 1, reported: day - 3 }
    state.surveys.b = { reported: day }
    const counts: Counts = new Map<string, Record<string, number>>([
      ['a', { shown: 1 }],
      ['b', { cooldown: 2 }],
      ['c', { audience: 1 }],
    ])
    expect(report(counts, state, day)).toEqual({
      a: { outcomes: { shown: 1 }, first: true, gap: 3 },
      b: { outcomes: { cooldown: 2 } },
      c: { outcomes: { audience: 1 }, first: true },
    })
    expect([state.surveys.a, state.surveys.b, state.surveys.c]).toEqual([{ shown: 1, reported: day }, { reported: day }, { reported: day }])
    // A second report the same day: no longer the first.
    expect(report(new Map([['a', { once: 1 }]]), state, day)).toEqual({ a: { outcomes: { once: 1 } } })
  })

  it('a clock that went back is a first report without a gap, never a negative one', () => {
    const state = freshPacing()
    state.surveys.a = { reported: 100 }
    expect(report(new Map([['a', { shown: 1 }]]), state, 90)).toEqual({ a: { outcomes: { shown: 1 }, first: true } })
  })
})
