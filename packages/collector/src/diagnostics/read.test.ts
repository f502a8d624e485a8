import { describe, expect, it } from 'vitest'
import { diagnostics } from '../../test/fixtures'
import { readRecord } from '../ingest/record'

const read = (raw: unknown) => readRecord(raw)

describe('reading a diagnostics record', () => {
  it('keeps the counts, the day, and the previous reporting day worked out from the gap', () => {
    const result = read(
      diagnostics(
        'd1',
        { csat: { outcomes: { shown: 1, cooldown: 4, audience: 0 }, first: true, gap: 3 }, 'goal-help': { outcomes: { sample: 2 } } },
        { at: '2026-11-20T13:00:00+02:00', sample: 0.25 },
      ),
    )
    expect(result).toEqual({
      record: {
        id: 'd1' + '_'.repeat(19),
        kind: 'diagnostics',
        day: '2026-11-20',
        sample: 0.25,
        surveys: [
          // A zero count is no row.
          {
            surveyId: 'csat',
            outcomes: [
              ['shown', 1],
              ['cooldown', 4],
            ],
            first: true,
            previousDay: '2026-11-17',
          },
          { surveyId: 'goal-help', outcomes: [['sample', 2]], first: false, previousDay: null },
        ],
      },
    })
  })

  it('refuses what is not counts: a page, a user id, a trail; and malformed counts, each with why', () => {
    const reason = (raw: unknown) => {
      const r = read(raw)
      return 'reason' in r ? r.reason : 'read'
    }
    const ok = { csat: { outcomes: { shown: 1 } } }
    expect(reason(diagnostics('a', ok, { path: '/order' }))).toBe('a diagnostics record carries counts only, not "path"')
    expect(reason(diagnostics('a', ok, { userId: 'u1' }))).toBe('a diagnostics record carries counts only, not "userId"')
    expect(reason(diagnostics('a', { csat: { outcomes: { shown: 1 }, trail: [] } }))).toBe('surveys["csat"] carries counts only, not "trail"')
    expect(reason(diagnostics('a', ok, { at: 'today' }))).toBe('at must be an ISO time')
    expect(reason(diagnostics('a', ok, { sample: 0 }))).toBe('sample must be a number above 0 and at most 1')
    expect(reason(diagnostics('a', ok, { sample: 1.5 }))).toBe('sample must be a number above 0 and at most 1')
    expect(reason(diagnostics('a', {}))).toBe('surveys is empty')
    expect(reason(diagnostics('a', { csat: { outcomes: { shown: -1 } } }))).toBe('surveys["csat"].outcomes.shown must be a whole number from 0 to 1000000')
    expect(reason(diagnostics('a', { csat: { outcomes: { shown: 1.5 } } }))).toBe('surveys["csat"].outcomes.shown must be a whole number from 0 to 1000000')
    expect(reason(diagnostics('a', { csat: { outcomes: { 'not a code': 1 } } }))).toBe('surveys["csat"].outcomes: "not a code" is not an outcome code')
    expect(reason(diagnostics('a', { csat: { outcomes: { shown: 1 }, gap: 2 } }))).toBe(
      'surveys["csat"].gap must be a whole number of days from 1 to 36600, and only with first',
    )
    expect(reason(diagnostics('a', { csat: { outcomes: { shown: 1 }, first: false } }))).toBe('surveys["csat"].first must be true when present')
    expect(reason(diagnostics('a', { csat: [] }))).toBe('surveys["csat"] must be { outcomes, first?, gap? }')
    expect(reason({ ...diagnostics('a', ok), id: 'no way' })).toBe('id must be 1–64 characters of A–Z, a–z, 0–9, _ and -')
    expect(reason(diagnostics('a', ok))).toBe('read')
  })
})
