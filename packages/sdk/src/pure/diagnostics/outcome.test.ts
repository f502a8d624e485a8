import { describe, expect, it } from 'vitest'
import { allowed } from '../pacing/allowed'
import { freshPacing } from '../pacing/state'
import { atTrigger } from '../rules/decide'
import { step } from '../rules/trace'
import { touchEvent } from '../journey/event'
import type { Survey } from '../config/types'
import { outcomeOf } from './outcome'

const DAY = 864e5
const ctx = { now: 10 * DAY, path: '/order', device: 'desktop' as const, lang: 'en', user: {}, personId: 'p1' }
const survey = (more: Partial<Survey>): Survey => ({ id: 's', trigger: { event: 'buy' }, questions: [{ id: 'q', type: 'rating', text: 'Q' }], ...more })
/** How the rules end a decision on `s` at "buy" with `props`. */
const rules = (s: Survey, props?: Record<string, unknown>) => {
  const d = atTrigger(s, touchEvent('buy', props, ctx.now), {}, ctx)
  return outcomeOf(d.trace[d.trace.length - 1]!, false)
}

describe('the outcome of a decision, for fleet diagnostics', () => {
  it('names what the rules refused: the trigger’s conditions, the audience, the sample; nothing while they pass', () => {
    expect(rules(survey({ trigger: { event: 'buy', where: { plan: 'fixed' } } }), { plan: 'spot' })).toBe('trigger')
    expect(rules(survey({ trigger: { event: 'buy', count: 3 } }))).toBe('trigger')
    expect(rules(survey({ trigger: { event: 'buy', after: { event: 'help' } } }))).toBe('trigger')
    expect(rules(survey({ audience: { urls: ['/help*'] } }))).toBe('audience')
    expect(rules(survey({ audience: { device: 'mobile' } }))).toBe('audience')
    expect(rules(survey({ audience: { lang: ['fi'] } }))).toBe('audience')
    expect(rules(survey({ audience: { from: '2030-01-01' } }))).toBe('audience')
    expect(rules(survey({ audience: { sample: 0 } }))).toBe('sample')
    expect(rules(survey({}))).toBeUndefined()
  })

  it('names each pacing reason by its code, the way the verdict gives it', () => {
    const s = survey({})
    const verdict = (state: ReturnType<typeof freshPacing>, more: Partial<Survey> = {}, config = {}) => outcomeOf(allowed({ ...s, ...more }, state, ctx.now, config), false)
    const shown = () => {
      const st = freshPacing()
      st.surveys.s = { shown: ctx.now - DAY }
      st.shows = [ctx.now - DAY]
      return st
    }
    expect(verdict(shown())).toBe('once')
    expect(verdict(shown(), { pacing: { frequency: { everyDays: 30 } } })).toBe('everyDays')
    const other = freshPacing()
    other.shows = [ctx.now - DAY]
    expect(verdict(other, {}, { cooldownDays: 14 })).toBe('cooldown')
    expect(verdict(other, {}, { maxPer: { surveys: 1, days: 30 } })).toBe('maxPer')
    expect(verdict(freshPacing())).toBeUndefined()
  })

  it('in the claim, a refusal is another tab’s prompt, unless the widget failed to load', () => {
    expect(outcomeOf(step('pacing', false, 'a prompt is open in another tab'), true)).toBe('claim')
    expect(outcomeOf(step('pacing', false, 'cooldown until 2026-12-01T10:00'), true)).toBe('claim')
    expect(outcomeOf(step('pacing', false, 'TypeError: Failed to fetch dynamically imported module'), true)).toBe('error')
    expect(outcomeOf(step('pacing', true, 'a prompt is open in another tab'), true)).toBeUndefined()
  })

  it('names the engine’s own refusals, and the showing', () => {
    expect(outcomeOf(step('priority', false, '"nps" had priority'), false)).toBe('priority')
    expect(outcomeOf(step('prompt', false, 'another prompt is open'), false)).toBe('busy')
    expect(outcomeOf(step('page', false, 'the page is hidden'), false)).toBe('page')
    expect(outcomeOf(step('reset', false, 'reset or consent withdrawn meanwhile'), false)).toBe('page')
    expect(outcomeOf(step('target', false, 'no target'), false)).toBe('target')
    expect(outcomeOf(step('shown', true, 'shown at 10:00:00 UTC'), true)).toBe('shown')
    expect(outcomeOf(step('delay', true, 'waiting 5s'), false)).toBeUndefined()
    expect(outcomeOf(step('forced', true, 'show()'), false)).toBeUndefined()
  })
})
