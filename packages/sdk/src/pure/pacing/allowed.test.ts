import { describe, expect, it } from 'vitest'
import type { PacingConfig, SurveyPacing } from '../config/pacing'
import type { Survey } from '../config/types'
import { worded } from '../rules/words'
import { allowed } from './allowed'
import { freshPacing, mark, type PacingState } from './state'

const MIN = 6e4
const DAY = 864e5
const T0 = Date.UTC(2026, 11, 1, 9, 0) // 2026-12-01T09:00

const survey = (pacing?: SurveyPacing, id = 'nps'): Survey => ({
  id,
  questions: [{ id: 'q', type: 'rating', text: 'How likely…?' }],
  ...(pacing && { pacing }),
})

/** A state where `events` happened, in order: [what, survey id, at]. */
function stateWith(...events: ['shown' | 'answered' | 'dismissed', string, number][]): PacingState {
  const state = freshPacing()
  for (const [what, id, at] of events) mark(state, id, what, at)
  return state
}

/** The verdict as the debug log says it: the reason's data worded by rules/words.ts. */
const verdict = (s: Survey, state: PacingState, now: number, config?: PacingConfig) => worded(allowed(s, state, now, config))

describe('per survey: once (the default)', () => {
  it('shows a survey never shown', () => {
    expect(verdict(survey(), freshPacing(), T0)).toEqual({ step: 'pacing', pass: true, why: 'allowed' })
  })
  it('never shows it again once shown, answered or not, and says when it was shown', () => {
    const state = stateWith(['shown', 'nps', T0])
    expect(verdict(survey(), state, T0 + 365 * DAY)).toEqual({ step: 'pacing', pass: false, why: 'shown once already, on 2026-12-01 09:00 UTC' })
  })
  it('treats a frequency it does not know as once, so a typo never nags', () => {
    const state = stateWith(['shown', 'nps', T0])
    expect(verdict(survey({ frequency: 'untilanswered' as never }), state, T0 + DAY).pass).toBe(false)
  })
  it('does not care about other surveys having been shown', () => {
    expect(verdict(survey(), stateWith(['shown', 'csat', T0]), T0 + 1).pass).toBe(true)
  })
})

describe('per survey: until answered', () => {
  const s = survey({ frequency: 'untilAnswered' })
  it('asks again on a later trigger while it was neither answered nor dismissed', () => {
    expect(verdict(s, stateWith(['shown', 'nps', T0]), T0 + MIN)).toMatchObject({ pass: true })
  })
  it('stops once answered', () => {
    const state = stateWith(['shown', 'nps', T0], ['answered', 'nps', T0 + MIN])
    expect(verdict(s, state, T0 + 100 * DAY)).toMatchObject({ pass: false, why: 'answered' })
  })
  it('snoozes 7 days after "not now" by default, to the millisecond', () => {
    const dismissed = T0 + MIN
    const state = stateWith(['shown', 'nps', T0], ['dismissed', 'nps', dismissed])
    expect(verdict(s, state, dismissed + 7 * DAY - 1)).toMatchObject({ pass: false, why: 'snoozed until 2026-12-08 09:01 UTC' })
    expect(verdict(s, state, dismissed + 7 * DAY).pass).toBe(true)
  })
  it("snoozes for the survey's own snoozeDays", () => {
    const state = stateWith(['shown', 'nps', T0], ['dismissed', 'nps', T0])
    const short = survey({ frequency: 'untilAnswered', snoozeDays: 0.5 })
    expect(verdict(short, state, T0 + DAY / 2 - 1).pass).toBe(false)
    expect(verdict(short, state, T0 + DAY / 2).pass).toBe(true)
  })
  it('counts a showing after the dismiss as a new chance: the snooze no longer applies', () => {
    const state = stateWith(['shown', 'nps', T0], ['dismissed', 'nps', T0 + 1], ['shown', 'nps', T0 + 8 * DAY])
    expect(verdict(s, state, T0 + 8 * DAY + MIN).pass).toBe(true)
  })
})

describe('per survey: every N days', () => {
  const s = survey({ frequency: { everyDays: 30 } })
  it('asks again exactly N days after it was last shown, answered or not', () => {
    const state = stateWith(['shown', 'nps', T0], ['answered', 'nps', T0 + MIN])
    expect(verdict(s, state, T0 + 30 * DAY - 1)).toMatchObject({ pass: false, why: 'everyDays until 2026-12-31 09:00 UTC' })
    expect(verdict(s, state, T0 + 30 * DAY).pass).toBe(true)
  })
  it('after "not now" waits the snooze instead, usually shorter', () => {
    const state = stateWith(['shown', 'nps', T0], ['dismissed', 'nps', T0])
    const snoozy = survey({ frequency: { everyDays: 30 }, snoozeDays: 3 })
    expect(verdict(snoozy, state, T0 + 3 * DAY - 1)).toMatchObject({ pass: false, why: 'snoozed until 2026-12-04 09:00 UTC' })
    expect(verdict(snoozy, state, T0 + 3 * DAY).pass).toBe(true)
  })
  it('stops at maxResponses answers on this device', () => {
    const capped = survey({ frequency: { everyDays: 1 }, maxResponses: 2 })
    const once = stateWith(['shown', 'nps', T0], ['answered', 'nps', T0 + 1])
    expect(verdict(capped, once, T0 + 2 * DAY).pass).toBe(true)
    const twice = stateWith(['shown', 'nps', T0], ['answered', 'nps', T0 + 1], ['shown', 'nps', T0 + 2 * DAY], ['answered', 'nps', T0 + 2 * DAY + 1])
    expect(verdict(capped, twice, T0 + 400 * DAY)).toMatchObject({ pass: false, why: 'maxResponses reached' })
  })
})

describe('shared by all surveys', () => {
  it('keeps a cooldown after any survey was shown, answered or not', () => {
    const state = stateWith(['shown', 'csat', T0])
    const config = { cooldownDays: 6 }
    expect(verdict(survey(), state, T0 + 6 * DAY - 1, config)).toMatchObject({ pass: false, why: 'cooldown until 2026-12-07 09:00 UTC' })
    expect(verdict(survey(), state, T0 + 6 * DAY, config).pass).toBe(true)
  })
  it('lets a critical survey ignore the cooldown, and its showing starts one for the others', () => {
    const config = { cooldownDays: 1 }
    const critical = survey({ ignoreCooldown: true }, 'outage')
    const state = stateWith(['shown', 'csat', T0])
    expect(verdict(critical, state, T0 + MIN, config).pass).toBe(true)
    mark(state, 'outage', 'shown', T0 + 2 * MIN)
    expect(verdict(survey(), state, T0 + DAY + MIN, config)).toMatchObject({ pass: false, why: 'cooldown until 2026-12-02 09:02 UTC' })
  })
  it('caps surveys per session; the session ends after 30 minutes without activity', () => {
    const config = { maxPerSession: 1 }
    const state = stateWith(['shown', 'csat', T0])
    expect(verdict(survey(), state, T0 + 30 * MIN - 1, config)).toMatchObject({ pass: false, why: 'maxPerSession reached' })
    expect(verdict(survey(), state, T0 + 30 * MIN, config).pass).toBe(true)
  })
  it('follows sessionMinutes from the config', () => {
    const state = stateWith(['shown', 'csat', T0])
    expect(verdict(survey(), state, T0 + 5 * MIN - 1, { maxPerSession: 1, sessionMinutes: 5 }).pass).toBe(false)
    expect(verdict(survey(), state, T0 + 5 * MIN, { maxPerSession: 1, sessionMinutes: 5 }).pass).toBe(true)
  })
  it('counts only the current session: a show in the previous one does not count', () => {
    const state = stateWith(['shown', 'a', T0], ['shown', 'b', T0 + 31 * MIN])
    expect(verdict(survey(), state, T0 + 32 * MIN, { maxPerSession: 2 }).pass).toBe(true)
    expect(verdict(survey(), state, T0 + 32 * MIN, { maxPerSession: 1 }).pass).toBe(false)
  })
  it('caps surveys per N days, and says when the next one may come', () => {
    const config = { maxPer: { surveys: 2, days: 30 } }
    const state = stateWith(['shown', 'a', T0], ['shown', 'b', T0 + 10 * DAY])
    expect(verdict(survey(), state, T0 + 30 * DAY - 1, config)).toMatchObject({ pass: false, why: 'maxPer until 2026-12-31 09:00 UTC' })
    expect(verdict(survey(), state, T0 + 30 * DAY, config).pass).toBe(true)
    expect(verdict(survey(), state, T0 + 30 * DAY, { maxPer: { surveys: 1, days: 30 } })).toMatchObject({
      pass: false,
      why: 'maxPer until 2027-01-10 09:00 UTC',
    })
  })
  it("gives the survey's own reason before the shared ones", () => {
    const state = stateWith(['shown', 'nps', T0])
    expect(verdict(survey(), state, T0 + MIN, { cooldownDays: 1 }).why).toMatch(/^shown once already/)
  })
})

describe('groups: a cooldown shared by the surveys of a group', () => {
  const groups = { relationship: { surveys: ['nps'], cooldownDays: 90 }, transactional: { surveys: ['csat', 'ces'], cooldownDays: 14 } }

  it('keeps every survey of a group waiting after any of them was shown, and says which group', () => {
    const state = stateWith(['shown', 'csat', T0])
    const ces = survey(undefined, 'ces')
    expect(allowed(ces, state, T0 + 14 * DAY - 1, { groups }).why).toEqual({ code: 'group', group: 'transactional', until: T0 + 14 * DAY })
    expect(verdict(ces, state, T0 + 14 * DAY - 1, { groups })).toEqual({ step: 'pacing', pass: false, why: 'group "transactional" until 2026-12-15 09:00 UTC' })
    expect(verdict(ces, state, T0 + 14 * DAY, { groups }).pass).toBe(true)
  })
  it('leaves the other groups alone: a transactional survey does not hold the relationship one', () => {
    const state = stateWith(['shown', 'csat', T0])
    expect(verdict(survey(undefined, 'nps'), state, T0 + DAY, { groups }).pass).toBe(true)
  })
  it('counts from the latest showing of any member', () => {
    const state = stateWith(['shown', 'csat', T0], ['shown', 'ces', T0 + 10 * DAY])
    expect(allowed(survey({ frequency: { everyDays: 1 } }, 'csat'), state, T0 + 20 * DAY, { groups }).why).toEqual({
      code: 'group',
      group: 'transactional',
      until: T0 + 24 * DAY,
    })
  })
  it('lets groups overlap: a survey in two groups waits for both', () => {
    const overlapping = { ...groups, all: { surveys: ['nps', 'csat', 'ces'], cooldownDays: 30 } }
    const state = stateWith(['shown', 'nps', T0])
    expect(allowed(survey(undefined, 'ces'), state, T0 + 29 * DAY, { groups: overlapping }).why).toEqual({ code: 'group', group: 'all', until: T0 + 30 * DAY })
    expect(allowed(survey(undefined, 'ces'), state, T0 + 30 * DAY, { groups: overlapping }).pass).toBe(true)
    // The relationship group holds the NPS itself even longer (were it not "once").
    expect(allowed(survey({ frequency: 'untilAnswered' }, 'nps'), state, T0 + 30 * DAY, { groups: overlapping }).why).toEqual({
      code: 'group',
      group: 'relationship',
      until: T0 + 90 * DAY,
    })
  })
  it('holds even a survey that ignores the shared cooldown, which is not its group', () => {
    const state = stateWith(['shown', 'csat', T0])
    const config = { cooldownDays: 3, groups }
    expect(allowed(survey({ ignoreCooldown: true }, 'ces'), state, T0 + DAY, config).why).toMatchObject({ code: 'group' })
    expect(allowed(survey({ ignoreCooldown: true }, 'other'), state, T0 + DAY, config).pass).toBe(true)
  })
  it('ignores a malformed group instead of breaking the page', () => {
    const state = stateWith(['shown', 'csat', T0])
    const broken = { a: null, b: { surveys: 'csat' }, c: { surveys: ['csat', 'ces'] }, d: 5 } as unknown as PacingConfig['groups']
    expect(allowed(survey(undefined, 'ces'), state, T0 + DAY, { groups: broken }).pass).toBe(true)
    expect(allowed(survey(undefined, 'ces'), state, T0 + DAY, { groups: null as unknown as PacingConfig['groups'] }).pass).toBe(true)
  })
})

describe('spacing after another survey', () => {
  it('waits the given days after the named survey was shown, and says after which', () => {
    const ces = survey({ spacingDays: { nps: 60 } }, 'ces')
    const state = stateWith(['shown', 'nps', T0])
    expect(allowed(ces, state, T0 + 60 * DAY - 1).why).toEqual({ code: 'spacing', after: 'nps', until: T0 + 60 * DAY })
    expect(verdict(ces, state, T0 + 60 * DAY - 1)).toEqual({ step: 'pacing', pass: false, why: '"nps" shown lately, spacing until 2027-01-30 09:00 UTC' })
    expect(verdict(ces, state, T0 + 60 * DAY).pass).toBe(true)
  })
  it('does not wait for a survey never shown', () => {
    expect(verdict(survey({ spacingDays: { nps: 60 } }, 'ces'), stateWith(['shown', 'csat', T0]), T0 + MIN).pass).toBe(true)
  })
  it('is one way: the named survey does not wait for the other', () => {
    const state = stateWith(['shown', 'ces', T0])
    expect(verdict(survey(undefined, 'nps'), state, T0 + MIN).pass).toBe(true)
  })
  it("comes after the survey's own frequency and before the shared cooldown", () => {
    const ces = survey({ spacingDays: { nps: 60 } }, 'ces')
    const state = stateWith(['shown', 'ces', T0], ['shown', 'nps', T0 + DAY])
    expect(allowed(ces, state, T0 + 2 * DAY, { cooldownDays: 5 }).why).toMatchObject({ code: 'once' })
    expect(allowed(survey({ frequency: 'untilAnswered', spacingDays: { nps: 60 } }, 'ces'), state, T0 + 2 * DAY, { cooldownDays: 5 }).why).toMatchObject({
      code: 'spacing',
    })
  })
})
