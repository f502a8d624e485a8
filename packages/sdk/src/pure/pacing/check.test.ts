import { describe, expect, it } from 'vitest'
import { checkPacing } from './check'

describe('checking a pacing object', () => {
  it('accepts the documented examples', () => {
    expect(checkPacing({ cooldownDays: 3, maxPerSession: 1, maxPer: { surveys: 2, days: 30 }, sessionMinutes: 30 }, 'pacing')).toBeUndefined()
    expect(checkPacing({ frequency: { everyDays: 90 }, snoozeDays: 7, maxResponses: 3, ignoreCooldown: true }, 's')).toBeUndefined()
    expect(checkPacing({ frequency: 'untilAnswered' }, 's')).toBeUndefined()
    expect(checkPacing(undefined, 's')).toBeUndefined()
  })
  it('names the first problem with its path', () => {
    expect(checkPacing({ cooldownDays: '3' }, 'pacing')).toBe('pacing.cooldownDays must be a number ≥ 0')
    expect(checkPacing({ maxPerSession: -1 }, 'pacing')).toBe('pacing.maxPerSession must be a number ≥ 0')
    expect(checkPacing({ frequency: 'weekly' }, 'surveys[1].pacing')).toMatch(/^surveys\[1\]\.pacing\.frequency must be/)
    expect(checkPacing({ frequency: { everyDays: 0 } }, 's')).toMatch(/^s\.frequency/)
    expect(checkPacing({ maxPer: { surveys: 0, days: 30 } }, 'pacing')).toMatch(/^pacing\.maxPer must be/)
    expect(checkPacing({ ignoreCooldown: 'yes' }, 's')).toBe('s.ignoreCooldown must be true or false')
    expect(checkPacing([], 's')).toBe('s must be an object')
  })
  it('leaves fields it does not know alone, so a newer config runs on an older core', () => {
    expect(checkPacing({ quietHours: [22, 7] }, 'pacing')).toBeUndefined()
  })
})
