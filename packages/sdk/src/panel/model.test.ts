import { describe, expect, it } from 'vitest'
import type { Config } from '../pure/config/types'
import { freshPacing, mark } from '../pure/pacing/state'
import type { Noted } from '../engine/present'
import { validate } from '../pure/validate/validate'
import { step } from '../pure/rules/trace'
import { model, type Input } from './model'
import { say } from './words'

const NOW = Date.UTC(2026, 11, 1, 9, 0)
const q = [{ id: 'q', type: 'rating' as const, text: 'How was it?' }]
const config: Config = {
  pacing: { cooldownDays: 3 },
  surveys: [
    { id: 'a', trigger: { event: 'order' }, questions: q },
    { id: 'b', trigger: { event: 'pay' }, questions: q },
    { id: 'c', trigger: { event: 'help' }, audience: { sample: 0.1 }, questions: q },
  ],
}

const input = (decisions: [string, Noted][] = [], pacing = freshPacing()): Input => ({
  config,
  decisions: new Map(decisions),
  history: {},
  trail: [{ event: 'order', at: NOW - 6e4, touchpoint: 'checkout' }],
  pacing,
  ctx: { now: NOW, path: '/', device: 'desktop', lang: 'en', user: {}, personId: 'x' },
  problems: [],
})

describe('the reasons in PM words', () => {
  it('says the usual refusals so that a PM knows what to do', () => {
    expect(say(step('pacing', false, 'cooldown until 2026-12-07T14:30'))).toBe('pacing: cooldown until 2026-12-07 14:30 UTC')
    expect(say(step('sample', false, 'person in the 10% sample'))).toBe('not in the 10 % sample')
    expect(say(step('priority', false, '"nps" had priority'))).toBe('another survey had priority: "nps"')
    expect(say(step('count', false, '1 of 2 within 30m'))).toBe('the trigger happened 1 of the 2 times needed within 30m')
    expect(say(step('page', false, 'the page is hidden'))).toBe('the page was hidden (another tab in front)')
    expect(say(step('unknown', false, 'why'))).toBe('unknown: why')
  })
})

describe('the overlay model', () => {
  it('tells a survey shown, one blocked and why, and one whose trigger was not seen with its dry run', () => {
    const pacing = freshPacing()
    mark(pacing, 'a', 'shown', NOW - 6e4)
    const v = model(
      input(
        [
          ['a', { at: NOW - 6e4, trace: [step('trigger', true, '"order" seen'), step('pacing', true, 'allowed'), step('shown', true, 'shown at 08:59:00 UTC')] }],
          ['b', { at: NOW, trace: [step('trigger', true, '"pay" seen'), step('pacing', false, 'cooldown until 2026-12-04T08:59')] }],
        ],
        pacing,
      ),
    )
    expect(v.surveys.map((s) => [s.id, s.state, s.headline])).toEqual([
      ['a', 'shown', 'shown at 08:59:00 UTC'],
      ['b', 'blocked', 'not shown: pacing: cooldown until 2026-12-04 08:59 UTC'],
      ['c', 'waiting', 'trigger not seen yet: waiting for event "help"; if it fired now, not shown: pacing: cooldown until 2026-12-04 08:59 UTC'],
    ])
    expect(v.surveys[1]!.last).toEqual({ at: '09:00:00 UTC', preview: undefined, lines: [{ pass: true, text: 'trigger: "pay" seen' }, { pass: false, text: 'pacing: cooldown until 2026-12-04 08:59 UTC' }] })
    expect(v.trail).toEqual(['08:59:00 UTC  order (checkout)'])
    expect(v.pacing).toContain('Cooldown until 2026-12-04 08:59 UTC')
    expect(v.pacing).toContain('a: shown 2026-12-01 08:59 UTC, 0 response(s)')
  })

  it('a survey waiting for its delay, and a preview', () => {
    const v = model(
      input([
        ['a', { at: NOW, trace: [step('trigger', true, '"order" seen'), step('delay', true, 'waiting 5s')] }],
        ['b', { at: NOW, preview: true, trace: [step('forced', true, 'a preview'), step('shown', true, 'shown at 09:00:00 UTC')] }],
      ]),
    )
    expect(v.surveys[0]).toMatchObject({ state: 'waiting', headline: 'qualified, delay: waiting 5s' })
    expect(v.surveys[1]).toMatchObject({ state: 'shown', headline: 'shown as a preview, shown at 09:00:00 UTC', last: { preview: true } })
    expect(v.surveys[1]!.last!.lines[0]).toEqual({ pass: true, text: 'forced by a preview, whatever the rules say' })
  })
})

describe('config problems', () => {
  it('are what the validator finds: every problem with its path and hint, none for a valid config', () => {
    expect(validate(config)).toEqual([])
    const broken = { surveys: [{ id: 'a', trigger: { event: 'go', withn: '5m' }, delay: 'soon', questions: q }] }
    expect(validate(broken)).toMatchObject([
      { path: 'surveys[0].trigger.withn', severity: 'error', hint: 'did you mean "within"?' },
      { path: 'surveys[0].delay', severity: 'error', message: 'must be a duration such as "30m" (got "soon")' },
    ])
    expect(validate(null)).toMatchObject([{ path: '', severity: 'error', message: 'must be an object (got null)' }])
  })
})
