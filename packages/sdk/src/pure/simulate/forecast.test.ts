// The forecast a PM reads, the journeys it reads, the synthetic traffic, and the comparison.
import { describe, expect, it } from 'vitest'
import { measureOf } from '../../../../collector/src/config/metrics'
import { METRICS } from '../../../../collector/src/scorecards/metricStats'
import type { Config, Question, Survey } from '../config/types'
import { compare } from './compare'
import { forecast } from './forecast'
import { byPerson, eventsOf } from './journeys'
import { metricOf, NEEDED } from './precision'
import { checkProfile, synthesize } from './profile'
import { replay } from './replay'
import { changesText, forecastText } from './text'

const T0 = Date.UTC(2026, 0, 5, 9, 0)
const DAY = 864e5
const q = [{ id: 'q', template: 'csat' as const }]
const survey = (id: string, event: string, extra: Partial<Survey> = {}): Survey => ({ id, trigger: { event }, questions: q, ...extra })

const config: Config = {
  touchpoints: [
    { id: 'checkout', events: ['order'] },
    { id: 'support', events: ['chat.closed'] },
  ],
  pacing: { cooldownDays: 7 },
  surveys: [
    survey('csat', 'order', { touchpoint: 'checkout' }),
    survey('ces', 'chat.closed', { touchpoint: 'support', questions: [{ id: 'e', template: 'effort' }] }),
  ],
}

/** 100 people over 14 days: each orders on day 0 and closes a chat on day 3; the first 10 come back on day 10. */
const people = () =>
  byPerson(
    Array.from({ length: 100 }, (_, i) => [
      { person: 'p' + i, at: T0 + i * 1000, event: 'order' },
      { person: 'p' + i, at: T0 + 3 * DAY, event: 'chat.closed' },
      ...(i < 10 ? [{ person: 'p' + i, at: T0 + 10 * DAY, event: 'chat.closed' }] : []),
      { person: 'p' + i, at: T0 + 13 * DAY, event: 'page.viewed' },
    ]).flat(),
  )

describe('the forecast', () => {
  const f = forecast(config, replay(config, people(), { responseRate: 0.5, start: T0 }), 0.5, 14)

  it('counts prompts and people per survey and overall', () => {
    expect(f.surveys.map((s) => [s.id, s.triggered, s.qualified, s.prompts, s.people])).toEqual([
      ['csat', 100, 100, 100, 100],
      // The cooldown holds every CES of day 3; the answered ones are not asked again on day 10
      // ("once"), so the 10 who come back are asked then.
      ['ces', 110, 110, 10, 10],
    ])
    expect(f.overall).toMatchObject({ prompts: 110, people: 100, share: 1, answers: 55 })
    expect(f.journeys).toMatchObject({ people: 100, events: 310, days: 14, weeks: 2 })
  })

  it('says who starved whom, and which pacing rules bind', () => {
    expect(f.surveys[1]!.refused).toEqual({ cooldown: 100 })
    expect(f.surveys[1]!.blockedBy).toEqual([{ survey: 'csat', code: 'cooldown', times: 100 }])
    expect(f.overall.caps).toEqual([{ code: 'cooldown', times: 100 }])
  })

  it('spreads prompts per person-week: median, p95, max over the weeks each person visited', () => {
    // 200 active person-weeks: week 0 has the CSAT (1 prompt), week 1 has the CES for 10 of them.
    expect(f.overall.perPersonWeek).toEqual({ median: 1, p95: 1, max: 1 })
    expect(f.surveys[1]!.perPersonWeek).toEqual({ median: 0, p95: 0, max: 1 })
  })

  it('expects answers per touchpoint per week at the response rate, and the weeks until ±10 points', () => {
    expect(f.touchpoints).toEqual([
      { id: 'checkout', surveys: ['csat'], answersPerWeek: 25, metric: 'csat', needed: 97, weeks: 3.9 },
      { id: 'support', surveys: ['ces'], answersPerWeek: 2.5, metric: 'ces', needed: 97, weeks: 38.8 },
    ])
  })

  it('reads as text', () => {
    const text = forecastText(f, 'hetki.json')
    expect(text).toContain('Forecast for hetki.json: 100 people, 310 events over 14 days (2.0 weeks); response rate 50 %.')
    expect(text).toContain('Asked at least once: 100 people (100 %), 110 prompts, about 55 answers.')
    expect(text).toMatch(/ces +support +110 +110 +10 +10 +0 \/ 0 \/ 1 +2\.5/)
    expect(text).toMatch(/checkout +25\.0 a week +CSAT needs 97 +3\.9 weeks/)
    expect(text).toContain('  ces: 100× by csat (the shared cooldownDays)')
  })

  it('compares with an earlier config: what a shorter cooldown changes', () => {
    const shorter = { ...config, pacing: { cooldownDays: 2 } }
    const after = forecast(shorter, replay(shorter, people(), { responseRate: 0.5, start: T0 }), 0.5, 14)
    const changes = compare(f, after)
    expect(changes).toContainEqual({ scope: 'survey', id: 'ces', field: 'prompts', before: 10, after: 100 })
    expect(changes).toContainEqual({ scope: 'overall', field: 'caps.cooldown', before: 100, after: null })
    expect(changes.find((c) => c.scope === 'survey' && c.id === 'csat')).toBeUndefined()
    expect(changesText(changes, 'old.json')).toMatch(/survey ces +prompts +10 +100 +\+90/)
    expect(compare(f, f)).toEqual([])
  })
})

describe('answers needed for ±10 points', () => {
  it('are what the collector plans with no answers yet, for every metric', () => {
    for (const [metric, spec] of Object.entries(METRICS)) expect([metric, NEEDED[metric as keyof typeof NEEDED]]).toEqual([metric, spec.answersFor([])])
  })
  it('name the metric of a question as the collector reads it', () => {
    const questions: Question[] = [
      { id: 'a', template: 'csat' },
      { id: 'b', template: 'nps' },
      { id: 'c', template: 'effort' },
      { id: 'd', template: 'goal' },
      { id: 'e', template: 'feeling' },
      { id: 'f', type: 'rating', text: 'x' },
      { id: 'g', type: 'rating', scale: 10, from: 0, text: 'x' },
      { id: 'h', type: 'rating', scale: 7, text: 'x' },
      { id: 'i', type: 'rating', scale: 3, text: 'x' },
      { id: 'j', type: 'yesno', text: 'x' },
      { id: 'k', type: 'text', text: 'x' },
      { id: 'l', type: 'emotion', text: 'x' },
    ]
    for (const question of questions) expect([question.id, metricOf(question)]).toEqual([question.id, measureOf(question)?.metric])
  })
})

describe('journeys', () => {
  it('reads a journey line: at as epoch ms or ISO, person as text', () => {
    expect(eventsOf({ person: 7, at: '2026-01-05T09:00:00Z', event: 'go', path: '/x' })).toEqual([{ person: '7', at: T0, event: 'go', path: '/x' }])
    expect(eventsOf({ person: 'a', at: T0, event: 'go', props: { n: 1 } })).toEqual([{ person: 'a', at: T0, event: 'go', props: { n: 1 } }])
  })
  it('says what is missing', () => {
    expect(() => eventsOf({ at: T0, event: 'go' })).toThrow('"person" is missing')
    expect(() => eventsOf({ person: 'a', at: 'soon', event: 'go' })).toThrow('"at" is not a time')
    expect(() => eventsOf([1])).toThrow('"person" is missing')
    expect(() => eventsOf(null)).toThrow('not a JSON object')
  })
  it("reads the collector's export: the trail of each record, one person per user or response, each step once", () => {
    const trail = [
      { event: 'page.viewed', at: '2026-01-05T08:59:00.000Z', touchpoint: 'checkout' },
      { event: 'order', at: '2026-01-05T09:00:00.000Z', props: { plan: 'pro' } },
    ]
    const response = { kind: 'response', surveyId: 'csat', responseId: 'r1', path: '/shop', trail }
    const shown = { kind: 'shown', surveyId: 'csat', responseId: 'r1', path: '/shop', trail }
    const people = byPerson([...eventsOf(response), ...eventsOf(shown)], true)
    expect([...people.keys()]).toEqual(['r1'])
    expect(people.get('r1')).toEqual([
      { person: 'r1', at: T0 - 6e4, event: 'page.viewed', path: '/shop' },
      { person: 'r1', at: T0, event: 'order', props: { plan: 'pro' }, path: '/shop' },
    ])
    expect(eventsOf({ ...response, userId: 'u9' })[0]!.person).toBe('u9')
  })
})

describe('synthetic traffic', () => {
  const profile = { days: 7, visitorsPerDay: 500, returning: 0.4, pageViews: 2, rates: { checkout: 0.1, 'chat.closed': 0.05 }, seed: 3 }

  it('is the same for the same seed, and another for another', () => {
    const a = synthesize(profile, config)
    expect([...synthesize(profile, config)]).toEqual([...a])
    expect([...synthesize({ ...profile, seed: 4 }, config)]).not.toEqual([...a])
  })

  it('has the visits, returning people and event rates of the profile', () => {
    const people = synthesize(profile, config)
    const events = [...people.values()].flat()
    const count = (name: string) => events.filter((e) => e.event === name).length
    expect(count('page.viewed')).toBe(7 * 500 * 2)
    // 3,500 visits, 40 % of them returning: about 2,100 people.
    expect(people.size).toBeGreaterThan(1900)
    expect(people.size).toBeLessThan(2300)
    expect(count('order') / 3500).toBeCloseTo(0.1, 1)
    expect(count('chat.closed') / 3500).toBeCloseTo(0.05, 1)
    for (const list of people.values()) for (let i = 1; i < list.length; i++) expect(list[i]!.at).toBeGreaterThanOrEqual(list[i - 1]!.at)
    expect(Math.min(...events.map((e) => e.at))).toBeGreaterThanOrEqual(Date.parse('2026-01-05'))
    expect(Math.max(...events.map((e) => e.at))).toBeLessThan(Date.parse('2026-01-12T00:10:00Z'))
  })

  it('checks the profile', () => {
    expect(checkProfile(profile)).toBeUndefined()
    expect(checkProfile({ ...profile, days: 0 })).toMatch(/"days"/)
    expect(checkProfile({ ...profile, rates: { x: -1 } })).toMatch(/"rates.x"/)
    expect(checkProfile({ ...profile, returning: 2 })).toMatch(/"returning"/)
  })
})
