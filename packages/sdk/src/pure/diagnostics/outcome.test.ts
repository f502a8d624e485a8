import { describe, expect, it } from 'vitest'
import { allowed } from '../pacing/allowed'
import { freshPacing } from '../pacing/state'
import { atTrigger } from '../rules/decide'
import type { Step } from '../rules/trace'
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
  it('names the rule that refused: the trigger’s conditions, each audience rule, the sample; nothing while they pass', () => {
    expect(rules(survey({ trigger: { event: 'buy', where: { plan: 'fixed' } } }), { plan: 'spot' })).toBe('where')
    expect(rules(survey({ trigger: { event: 'buy', count: 3 } }))).toBe('count')
    expect(rules(survey({ trigger: { event: 'buy', after: { event: 'help' } } }))).toBe('after')
    expect(rules(survey({ audience: { urls: ['/help*'] } }))).toBe('urls')
    expect(rules(survey({ audience: { device: 'mobile' } }))).toBe('device')
    expect(rules(survey({ audience: { lang: ['fi'] } }))).toBe('lang')
    expect(rules(survey({ audience: { from: '2030-01-01' } }))).toBe('from')
    expect(rules(survey({ audience: { sample: 0 } }))).toBe('sample')
    expect(rules(survey({}))).toBeUndefined()
  })

  it('names each pacing reason by its code, the way the verdict gives it', () => {
    const s = survey({})
    const verdict = (state: ReturnType<typeof freshPacing>, more: Partial<Survey> = {}, config = {}) =>
      outcomeOf(allowed({ ...s, ...more }, state, ctx.now, config), false)
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
    const pacing = (why: unknown, pass = false) => ({ step: 'pacing', pass, why }) as unknown as Step
    expect(outcomeOf(pacing({ code: 'otherTab' }), true)).toBe('claim')
    expect(outcomeOf(pacing({ code: 'cooldown', until: 0 }), true)).toBe('claim')
    expect(outcomeOf(pacing({ code: 'error', message: 'TypeError: Failed to fetch' }), true)).toBe('error')
    expect(outcomeOf(pacing({ code: 'otherTab' }, true), true)).toBeUndefined()
    expect(outcomeOf(pacing({ code: 'group', group: 'relationship', until: 0 }), false)).toBe('group')
    expect(outcomeOf(pacing({ code: 'spacing', after: 'nps', until: 0 }), false)).toBe('spacing')
    expect(outcomeOf(pacing({ code: 'once', at: 0 }), false)).toBe('once')
  })

  it('names the engine’s own refusals, and the showing', () => {
    const at = (name: string, pass = false) => ({ step: name, pass, why: { code: name } }) as unknown as Step
    expect(outcomeOf(at('priority'), false)).toBe('priority')
    expect(outcomeOf(at('prompt'), false)).toBe('prompt')
    expect(outcomeOf(at('page'), false)).toBe('page')
    expect(outcomeOf(at('reset'), false)).toBe('reset')
    expect(outcomeOf(at('target'), false)).toBe('target')
    expect(outcomeOf(at('shown', true), true)).toBe('shown')
    expect(outcomeOf(at('delay', true), false)).toBeUndefined()
    expect(outcomeOf(at('forced', true), false)).toBeUndefined()
  })
})
