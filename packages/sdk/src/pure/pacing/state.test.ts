import { describe, expect, it } from 'vitest'
import { freshPacing, mark, merge, readPacing, samplingId, SHOWS_KEPT } from './state'
import { inSession, touch } from './session'

const MIN = 6e4

describe('reading stored pacing state', () => {
  it('migrates the version 1 state of the foundation builds, keeping what each survey saw', () => {
    const v1 = { v: 1, surveys: { csat: { shown: 2000, answered: 2500 }, nps: { shown: 1000, dismissed: 1100 } } }
    const state = readPacing(v1)
    expect(state).toMatchObject({
      v: 2,
      surveys: { csat: { shown: 2000, answered: 2500, responses: 1 }, nps: { shown: 1000, dismissed: 1100, responses: 0 } },
      shows: [1000, 2000],
    })
    expect(state.samplingId).toMatch(/^[\w-]{21}$/)
  })
  it('takes the current version as it is', () => {
    const v2 = { ...freshPacing(), shows: [5], surveys: { a: { shown: 5 } } }
    expect(readPacing(v2)).toBe(v2)
  })
  it('starts afresh from nothing, damaged data or an unknown version, with a new sampling id', () => {
    for (const junk of [undefined, null, 42, 'x', { v: 2 }, { v: 2, surveys: {}, shows: 'no' }, { v: 9, surveys: {} }]) {
      const state = readPacing(junk)
      expect(state).toMatchObject({ v: 2, surveys: {}, shows: [] })
    }
    expect(readPacing(undefined).samplingId).not.toBe(readPacing(undefined).samplingId)
  })
  it('mints sampling ids of 21 URL-safe characters, every one of the 64 used, none twice in 10,000', () => {
    const ids = Array.from({ length: 10_000 }, samplingId)
    for (const id of ids) expect(id).toMatch(/^[\w-]{21}$/)
    expect(new Set(ids).size).toBe(ids.length)
    // Each position is uniform over 64 characters: 10,000 ids use all of them in every position.
    for (let i = 0; i < 21; i++) expect(new Set(ids.map((id) => id[i])).size).toBe(64)
  })
})

describe('merging two views of the state', () => {
  it('takes the fresh view but keeps session activity that is newer here', () => {
    const fresh = { ...freshPacing(), surveys: { a: { shown: 10 } }, shows: [10], start: 10, last: 20 }
    const local = { ...freshPacing(), start: 10, last: 90 }
    expect(merge(fresh, local)).toMatchObject({ surveys: { a: { shown: 10 } }, shows: [10], start: 10, last: 90 })
    expect(merge(fresh, { ...local, start: 5, last: 15 })).toMatchObject({ start: 10, last: 20 })
  })
})

describe('marks', () => {
  it('count an answer once per moment, so a replayed write does not count twice', () => {
    const state = freshPacing()
    mark(state, 'a', 'answered', 100)
    mark(state, 'a', 'answered', 100)
    mark(state, 'a', 'answered', 200)
    expect(state.surveys.a).toEqual({ answered: 200, responses: 2 })
  })
  it('keep the last SHOWS_KEPT showings and count a showing as activity', () => {
    const state = freshPacing()
    for (let i = 1; i <= SHOWS_KEPT + 5; i++) mark(state, 's' + i, 'shown', i * MIN)
    mark(state, 'again', 'shown', (SHOWS_KEPT + 5) * MIN)
    expect(state.shows).toHaveLength(SHOWS_KEPT)
    expect(state.shows[0]).toBe(6 * MIN)
    expect(state.last).toBe((SHOWS_KEPT + 5) * MIN)
  })
})

describe('sessions', () => {
  const T0 = Date.UTC(2026, 11, 1)
  it('go on while there is activity less than 30 minutes apart, and end at 30 minutes', () => {
    const state = freshPacing()
    expect(touch(state, T0)).toBe(true)
    expect(touch(state, T0 + 29 * MIN)).toBe(false)
    expect(touch(state, T0 + 58 * MIN)).toBe(false)
    expect(state.start).toBe(T0)
    expect(inSession(state, T0 + 88 * MIN - 1)).toBe(true)
    expect(inSession(state, T0 + 88 * MIN)).toBe(false)
    expect(touch(state, T0 + 88 * MIN)).toBe(true)
    expect(state).toMatchObject({ start: T0 + 88 * MIN, last: T0 + 88 * MIN })
  })
  it('follow the configured length', () => {
    const state = freshPacing()
    touch(state, T0, 5)
    expect(touch(state, T0 + 5 * MIN - 1, 5)).toBe(false)
    expect(touch(state, T0 + 10 * MIN - 2, 5)).toBe(false)
    expect(touch(state, T0 + 15 * MIN - 2, 5)).toBe(true)
  })
  it('never move back when an older event arrives late', () => {
    const state = freshPacing()
    touch(state, T0 + 10 * MIN)
    touch(state, T0 + 9 * MIN)
    expect(state.last).toBe(T0 + 10 * MIN)
  })
})
