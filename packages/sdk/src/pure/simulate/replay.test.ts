// The simulator's replay with a simulated clock: the browser's rules and pacing per person across
// sessions and days, the contest on one event, delays, sampling, the simulated answers.
import { describe, expect, it } from 'vitest'
import type { Config, Survey } from '../config/types'
import { bucket } from '../rules/sample'
import { byPerson, type JourneyEvent } from './journeys'
import { answers, replay } from './replay'

const T0 = Date.UTC(2026, 0, 5, 9, 0)
const MIN = 6e4
const DAY = 864e5
const q = [{ id: 'q', type: 'rating' as const, text: 'How was it?' }]
const survey = (id: string, event: string, extra: Partial<Survey> = {}): Survey => ({ id, trigger: { event }, questions: q, ...extra })

/** Events as [person, minutes after T0, event, path?]. */
const journeys = (...list: [string, number, string, string?][]): Map<string, JourneyEvent[]> =>
  byPerson(list.map(([person, minutes, event, path]) => ({ person, at: T0 + minutes * MIN, event, ...(path ? { path } : {}) })))

/** The prompts of a replay as [person, survey, minutes after T0]. */
const prompts = (config: Config, people: Map<string, JourneyEvent[]>, responseRate = 0) =>
  replay(config, people, { responseRate, keepPrompts: true }).prompts!.map((p) => [p.person, p.survey, (p.at - T0) / MIN])

describe('the replay', () => {
  it('asks each person once per survey by default, across sessions and days', () => {
    const config = { surveys: [survey('csat', 'order')] }
    expect(prompts(config, journeys(['a', 0, 'order'], ['a', 5 * 1440, 'order'], ['b', 10, 'order']))).toEqual([
      ['a', 'csat', 0],
      ['b', 'csat', 10],
    ])
  })

  it('keeps the shared cooldown between surveys, per person, and says who blocked whom', () => {
    const config = { pacing: { cooldownDays: 2 }, surveys: [survey('csat', 'order'), survey('ces', 'pay')] }
    const people = journeys(['a', 0, 'order'], ['a', 60, 'pay'], ['a', 2 * 1440, 'pay'], ['b', 60, 'pay'])
    const tally = replay(config, people, { keepPrompts: true })
    expect(tally.prompts!.map((p) => [p.person, p.survey, (p.at - T0) / MIN])).toEqual([
      ['a', 'csat', 0],
      ['a', 'ces', 2 * 1440],
      ['b', 'ces', 60],
    ])
    expect(tally.surveys.ces).toMatchObject({
      triggered: 3,
      qualified: 3,
      prompts: 2,
      people: 2,
      refused: { cooldown: 1 },
      blockedBy: { cooldown: { csat: 1 } },
    })
  })

  it('gives one event to the highest priority; the others are outranked, and a refused winner lets the next one try', () => {
    const config = { surveys: [survey('low', 'go'), survey('high', 'go', { priority: 5 })] }
    const tally = replay(config, journeys(['a', 0, 'go'], ['a', 10, 'go']), { keepPrompts: true })
    // First "go": high wins, low is outranked. Second: high is refused (once), so low shows.
    expect(tally.prompts!.map((p) => p.survey)).toEqual(['high', 'low'])
    expect(tally.surveys.low).toMatchObject({ refused: { priority: 1 }, blockedBy: { priority: { high: 1 } } })
    expect(tally.surveys.high).toMatchObject({ refused: { once: 1 } })
  })

  it('holds groups and spacing', () => {
    const config: Config = {
      pacing: { groups: { transactional: { surveys: ['csat', 'ces'], cooldownDays: 14 } } },
      surveys: [survey('nps', 'login'), survey('csat', 'order'), survey('ces', 'pay', { pacing: { spacingDays: { nps: 60 } } })],
    }
    // CES: held by its group (the CSAT just shown), then by its spacing after the NPS.
    const people = journeys(['a', 0, 'order'], ['a', 1, 'pay'], ['a', 2, 'login'], ['a', 15 * 1440, 'pay'], ['a', 62 * 1440, 'pay'])
    const tally = replay(config, people, { keepPrompts: true })
    expect(tally.prompts!.map((p) => [p.survey, (p.at - T0) / MIN])).toEqual([
      ['csat', 0],
      ['nps', 2],
      ['ces', 62 * 1440],
    ])
    expect(tally.surveys.ces!.refused).toEqual({ group: 1, spacing: 1 })
    expect(tally.surveys.ces!.groups).toEqual({ transactional: 1 })
    expect(tally.surveys.ces!.blockedBy).toEqual({ group: { csat: 1 }, spacing: { nps: 1 } })
  })

  it('caps per session: a new session starts after 30 minutes without events', () => {
    const config = { pacing: { maxPerSession: 1 }, surveys: [survey('a', 'x'), survey('b', 'y')] }
    expect(prompts(config, journeys(['p', 0, 'x'], ['p', 20, 'y'], ['p', 45, 'y']))).toEqual([['p', 'a', 0]])
    expect(prompts(config, journeys(['p', 0, 'x'], ['p', 31, 'y']))).toEqual([
      ['p', 'a', 0],
      ['p', 'b', 31],
    ])
  })

  it('asks again after a dismiss once the snooze is over, and never after an answer, for "untilAnswered"', () => {
    const config = { surveys: [survey('s', 'go', { pacing: { frequency: 'untilAnswered', snoozeDays: 1 } })] }
    const events = journeys(['p', 0, 'go'], ['p', 60, 'go'], ['p', 1500, 'go'], ['p', 3000, 'go'])
    // Nobody answers: asked, snoozed a day, asked again, and again.
    expect(prompts(config, events, 0).map((p) => p[2])).toEqual([0, 1500, 3000])
    // Everybody answers: asked once.
    expect(prompts(config, events, 1).map((p) => p[2])).toEqual([0])
  })

  it('waits out a delay, cancels it when the person moves to another page first, and rechecks the rules', () => {
    const config = {
      surveys: [survey('help', 'help.opened', { delay: '5m', trigger: { event: 'help.opened', unless: { event: 'help.solved', within: '10m' } } })],
    }
    expect(prompts(config, journeys(['a', 0, 'help.opened', '/help'], ['a', 3, 'click', '/help']))).toEqual([['a', 'help', 5]])
    const left = replay(config, journeys(['a', 0, 'help.opened', '/help'], ['a', 3, 'page.viewed', '/home']), { keepPrompts: true })
    expect(left.prompts).toEqual([])
    expect(left.surveys.help!.refused).toEqual({ left: 1 })
    const solved = replay(config, journeys(['a', 0, 'help.opened', '/help'], ['a', 2, 'help.solved', '/help']), { keepPrompts: true })
    expect(solved.prompts).toEqual([])
    expect(solved.surveys.help!.refused).toEqual({ past: 1 })
  })

  it('samples by the person, as the browser does by its sampling id', () => {
    const config = { surveys: [survey('s', 'go', { audience: { sample: 0.5 } })] }
    const people = Array.from({ length: 200 }, (_, i) => 'person-' + i)
    const asked = prompts(config, journeys(...people.map((p): [string, number, string] => [p, 0, 'go']))).map((p) => p[0])
    expect(asked).toEqual(people.filter((p) => bucket(p, 's') < 0.5))
    expect(asked.length).toBeGreaterThan(70)
    expect(asked.length).toBeLessThan(130)
  })

  it('judges the audience on the path, device and language of the events', () => {
    const config = { surveys: [survey('s', 'go', { audience: { urls: ['/fi/*'], device: 'mobile' } })] }
    const people = byPerson([
      { person: 'a', at: T0, event: 'go', path: '/fi/shop', device: 'mobile' },
      { person: 'b', at: T0, event: 'go', path: '/en/shop', device: 'mobile' },
      { person: 'c', at: T0, event: 'go', path: '/fi/shop' },
    ])
    expect(prompts(config, people).map((p) => p[0])).toEqual(['a'])
  })

  it('counts a trigger that needs earlier events with the history, as the browser does', () => {
    const config = { surveys: [survey('s', 'pay', { trigger: { event: 'pay', count: 3, within: '1h' } })] }
    expect(prompts(config, journeys(['a', 0, 'pay'], ['a', 10, 'pay'], ['a', 20, 'pay'], ['b', 0, 'pay'], ['b', 70, 'pay'], ['b', 140, 'pay']))).toEqual([
      ['a', 's', 20],
    ])
  })

  it('draws each answer from the person, survey and moment, at the response rate', () => {
    const draws = Array.from({ length: 2000 }, (_, i) => answers('p' + i, 's', T0, 0.25))
    expect(draws.filter(Boolean).length / 2000).toBeCloseTo(0.25, 1)
    expect(answers('p1', 's', T0, 0.25)).toBe(answers('p1', 's', T0, 0.25))
    expect(answers('p1', 's', T0, 0)).toBe(false)
    expect(answers('p1', 's', T0, 1)).toBe(true)
  })

  it('counts prompts per active person-week', () => {
    const config = { surveys: [survey('a', 'x'), survey('b', 'y')] }
    // Person p: week 0 two prompts, week 1 a visit without a prompt. Person q: one prompt in week 0.
    const tally = replay(config, journeys(['p', 0, 'x'], ['p', 1, 'y'], ['p', 8 * 1440, 'page'], ['q', 0, 'x']), { start: T0 })
    expect(tally.weeks).toEqual([1, 1, 1])
    expect(tally.surveys.a!.weeks).toEqual([1, 2])
    expect(tally).toMatchObject({ people: 2, prompted: 2, events: 4, from: T0, to: T0 + 8 * DAY })
  })
})
