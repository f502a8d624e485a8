import { describe, expect, it } from 'vitest'
import type { Config } from '../pure/config/types'
import { freshPacing, mark } from '../pure/pacing/state'
import type { Noted } from '../contracts/engine'
import { validate } from '../pure/validate/validate'
import { step } from '../pure/rules/trace'
import { model, type Input } from './model'
import { say } from '../pure/rules/words'

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
    expect(say(step('pacing', false, { code: 'cooldown', until: Date.UTC(2026, 11, 7, 14, 30) }))).toBe('pacing: cooldown until 2026-12-07 14:30 UTC')
    expect(say(step('sample', false, { code: 'sample', share: 0.1 }))).toBe('not in the 10 % sample')
    expect(say(step('priority', false, { code: 'priority', winner: 'nps' }))).toBe('another survey had priority: "nps"')
    expect(say(step('count', false, { code: 'count', n: 1, of: 2, within: '30m' }))).toBe('the trigger happened 1 of the 2 times needed within 30m')
    expect(say(step('page', false, { code: 'hidden' }))).toBe('the page was hidden (another tab in front)')
    expect(say(step('pacing', false, { code: 'group', group: 'relationship', until: Date.UTC(2027, 2, 1, 9, 0) }))).toBe(
      'pacing: group "relationship" until 2027-03-01 09:00 UTC',
    )
    expect(say(step('pacing', false, { code: 'spacing', after: 'nps', until: Date.UTC(2027, 0, 30, 9, 0) }))).toBe(
      'pacing: "nps" shown lately, spacing until 2027-01-30 09:00 UTC',
    )
    // A step without a sentence of its own: its name and the log's words.
    expect(say(step('reset', false, { code: 'reset' }))).toBe('reset: reset or consent withdrawn meanwhile')
  })
})

describe('the overlay model', () => {
  it('tells a survey shown, one blocked and why, and one whose trigger was not seen with its dry run', () => {
    const pacing = freshPacing()
    mark(pacing, 'a', 'shown', NOW - 6e4)
    const v = model(
      input(
        [
          [
            'a',
            {
              at: NOW - 6e4,
              trace: [
                step('trigger', true, { code: 'trigger', event: 'order' }),
                step('pacing', true, { code: 'allowed' }),
                step('shown', true, { code: 'shown', at: NOW - 6e4 }),
              ],
            },
          ],
          [
            'b',
            {
              at: NOW,
              trace: [step('trigger', true, { code: 'trigger', event: 'pay' }), step('pacing', false, { code: 'cooldown', until: NOW - 6e4 + 3 * 864e5 })],
            },
          ],
        ],
        pacing,
      ),
    )
    expect(v.surveys.map((s) => [s.id, s.state, s.headline])).toEqual([
      ['a', 'shown', 'shown at 08:59:00 UTC'],
      ['b', 'blocked', 'not shown: pacing: cooldown until 2026-12-04 08:59 UTC'],
      ['c', 'waiting', 'trigger not seen yet: waiting for event "help"; if it fired now, not shown: pacing: cooldown until 2026-12-04 08:59 UTC'],
    ])
    expect(v.surveys[1]!.last).toEqual({
      at: '09:00:00 UTC',
      preview: undefined,
      lines: [
        { pass: true, text: 'trigger: "pay" seen' },
        { pass: false, text: 'pacing: cooldown until 2026-12-04 08:59 UTC' },
      ],
    })
    expect(v.trail).toEqual(['08:59:00 UTC  order (checkout)'])
    expect(v.pacing).toContain('Cooldown until 2026-12-04 08:59 UTC')
    expect(v.pacing).toContain('a: shown 2026-12-01 08:59 UTC, 0 response(s)')
  })

  it('a survey waiting for its delay, and a preview', () => {
    const v = model(
      input([
        ['a', { at: NOW, trace: [step('trigger', true, { code: 'trigger', event: 'order' }), step('delay', true, { code: 'waiting', delay: '5s' })] }],
        ['b', { at: NOW, preview: true, trace: [step('forced', true, { code: 'forced', preview: true }), step('shown', true, { code: 'shown', at: NOW })] }],
      ]),
    )
    expect(v.surveys[0]).toMatchObject({ state: 'waiting', headline: 'qualified, delay: waiting 5s' })
    expect(v.surveys[1]).toMatchObject({ state: 'shown', headline: 'shown as a preview, shown at 09:00:00 UTC', last: { preview: true } })
    expect(v.surveys[1]!.last!.lines[0]).toEqual({ pass: true, text: 'forced by a preview, whatever the rules say' })
  })
})

describe('pacing on this device', () => {
  it("lists each group's cooldown, from the latest showing of any of its surveys", () => {
    const pacing = freshPacing()
    mark(pacing, 'b', 'shown', NOW - 864e5)
    const groups = { transactional: { surveys: ['a', 'b'], cooldownDays: 14 }, relationship: { surveys: ['c'], cooldownDays: 90 } }
    const v = model({ ...input([], pacing), config: { ...config, pacing: { groups } } })
    expect(v.pacing).toContain('Group "transactional" (a, b): cooldown until 2026-12-14 09:00 UTC')
    expect(v.pacing).toContain('Group "relationship" (c): no cooldown')
    // The dry run of a survey in the group says why it would not show now.
    expect(v.surveys[0]!.headline).toBe(
      'trigger not seen yet: waiting for event "order"; if it fired now, not shown: pacing: group "transactional" until 2026-12-14 09:00 UTC',
    )
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
