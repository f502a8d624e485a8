import { describe, expect, it } from 'vitest'
import type { AlertsConfig } from './contract'
import { backoff, countFires, matchOne, periodOf, raisedBy, routesOf } from './match'
import { config, response } from './testing/fixtures'

const rules = [
  { id: 'csat-checkout', touchpoint: 'checkout', metric: 'csat' as const, atMost: 2 },
  { id: 'goal-missed', metric: 'goal' as const, atMost: 0 },
  { id: 'negative', metric: 'emotion' as const, below: 0 },
  { id: 'nps-detractor', survey: 'help-nps', metric: 'nps' as const, atMost: 6 },
]
const ids = (r: ReturnType<typeof raisedBy>) => r.map((x) => x.rule.id)

describe('which rules a response raises', () => {
  it('CSAT ≤ 2 at checkout: 1 and 2 raise it, 3 does not, and not at another touchpoint', () => {
    expect(ids(raisedBy(response({ answers: { csat: 1 } }), config, rules))).toEqual(['csat-checkout'])
    expect(ids(raisedBy(response({ answers: { csat: 2 } }), config, rules))).toEqual(['csat-checkout'])
    expect(ids(raisedBy(response({ answers: { csat: 3 } }), config, rules))).toEqual([])
    expect(ids(raisedBy(response({ answers: { csat: 1 }, touchpoint: 'elsewhere' }), config, rules))).toEqual([])
  })

  it('reports the answer that matched', () => {
    expect(matchOne(rules[0]!, response({ answers: { csat: 2, why: 'slow' } }), config)?.hit).toEqual({ question: 'csat', metric: 'csat', value: 2 })
  })

  it('goal not reached: false raises it, true does not', () => {
    expect(ids(raisedBy(response({ answers: { goal: false } }), config, rules))).toEqual(['goal-missed'])
    expect(ids(raisedBy(response({ answers: { goal: true } }), config, rules))).toEqual([])
  })

  it("a negative feeling is read from the config's weights, never from what the browser sent", () => {
    expect(ids(raisedBy(response({ answers: { feeling: { id: 'meh', weight: 90 } } }), config, rules))).toEqual(['negative'])
    expect(ids(raisedBy(response({ answers: { feeling: { id: 'fine', weight: -90 } } }), config, rules))).toEqual([])
    expect(ids(raisedBy(response({ answers: { feeling: { id: 'unknown' } } }), config, rules))).toEqual([])
  })

  it('a survey filter and the NPS scale', () => {
    const r = response({ surveyId: 'help-nps', touchpoint: 'help', answers: { nps: 6 } })
    expect(ids(raisedBy(r, config, rules))).toEqual(['nps-detractor'])
    expect(ids(raisedBy({ ...r, answers: { nps: 7 } }, config, rules))).toEqual([])
  })

  it('previews never raise anything', () => {
    expect(raisedBy(response({ preview: true, answers: { csat: 1, goal: false } }), config, rules)).toEqual([])
    expect(raisedBy(response({ preview: true }), config, [{ id: 'any' }])).toEqual([])
  })

  it('an answer outside its scale raises nothing', () => {
    expect(ids(raisedBy(response({ answers: { csat: 0 } }), config, rules))).toEqual([])
    expect(ids(raisedBy(response({ answers: { csat: '1' } }), config, rules))).toEqual([])
  })

  it('the touchpoint comes from the survey when the record names none', () => {
    expect(ids(raisedBy(response({ touchpoint: null }), config, rules))).toEqual(['csat-checkout'])
  })
})

describe('count rules', () => {
  const rule = { id: 'streak', metric: 'csat' as const, atMost: 2, count: 3, within: '1h' }
  it('fire on the third match in the window, once per burst', () => {
    expect(countFires(rule, 2, false)).toBe(false)
    expect(countFires(rule, 3, false)).toBe(true)
    expect(countFires(rule, 4, true)).toBe(false)
  })
})

describe('routes', () => {
  const alerts: AlertsConfig = {
    rules: [],
    channels: {},
    owners: { 'Payments team': ['mail', 'hook', 'mail'] },
    digest: { 'Payments team': { every: 'daily', to: ['mail'] } },
  }
  it("the owner's channels once each, plus the owner's digest channels", () => {
    expect(routesOf({ id: 'x' }, 'Payments team', alerts)).toEqual([
      { route: 'mail', channel: 'mail' },
      { route: 'hook', channel: 'hook' },
      { route: 'digest:mail', channel: 'mail', digest: 'daily' },
    ])
  })
  it("a rule's own `to` replaces the owner's channels; no owner, no owner routes", () => {
    expect(routesOf({ id: 'x', to: ['slack'] }, 'Support', alerts)).toEqual([{ route: 'slack', channel: 'slack' }])
    expect(routesOf({ id: 'x' }, null, alerts)).toEqual([])
  })
})

describe('periods and backoff', () => {
  it('cuts hours and days in UTC', () => {
    expect(periodOf('hourly', new Date('2026-11-28T10:59:59.999Z'))).toEqual({ from: '2026-11-28T10:00:00.000Z', to: '2026-11-28T11:00:00.000Z' })
    expect(periodOf('daily', new Date('2026-11-28T23:00:00Z'))).toEqual({ from: '2026-11-28T00:00:00.000Z', to: '2026-11-29T00:00:00.000Z' })
  })
  it('doubles, stays within [half, whole] of the step, and is capped', () => {
    const d = { baseMs: 1000, capMs: 60_000 }
    expect([1, 2, 3].map((a) => backoff(a, d, () => 0))).toEqual([500, 1000, 2000])
    expect([1, 2, 3].map((a) => backoff(a, d, () => 1))).toEqual([1000, 2000, 4000])
    expect(backoff(30, d, () => 1)).toBe(60_000)
  })
})
