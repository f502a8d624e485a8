import { describe, expect, it } from 'vitest'
import type { Survey } from '../pure/config/types'
import { freshPacing, mark } from '../pure/pacing/state'
import type { Context } from '../pure/rules/context'
import { dryRun } from './dry-run'

const NOW = Date.UTC(2026, 11, 1, 9, 0)
const ctx = (extra: Partial<Context> = {}): Context => ({ now: NOW, path: '/checkout', device: 'desktop', lang: 'en', user: {}, personId: 'p1', ...extra })
const survey = (extra: Partial<Survey> = {}): Survey => ({
  id: 'csat',
  trigger: { event: 'order.completed' },
  questions: [{ id: 'q', type: 'rating', text: 'How was it?' }],
  ...extra,
})
const failed = (steps: { pass: boolean; step: string; why: string }[]) => steps.filter((s) => !s.pass)

describe('dry run: would it show if its trigger fired now?', () => {
  it('yes for a plain survey never shown', () => {
    const steps = dryRun(survey(), {}, ctx(), freshPacing())
    expect(steps[0]).toEqual({ step: 'trigger', pass: true, why: '"order.completed" assumed to fire now' })
    expect(failed(steps)).toEqual([])
    expect(steps[steps.length - 1]).toEqual({ step: 'pacing', pass: true, why: 'allowed' })
  })

  it('no when the audience or the sample leaves the person out, and says which', () => {
    expect(failed(dryRun(survey({ audience: { urls: ['/help*'] } }), {}, ctx(), freshPacing()))).toEqual([
      { step: 'urls', pass: false, why: '/checkout in ["/help*"]' },
    ])
    expect(failed(dryRun(survey({ audience: { sample: 0 } }), {}, ctx(), freshPacing()))).toEqual([
      { step: 'sample', pass: false, why: 'person in the 0% sample' },
    ])
  })

  it('counts the trigger as the next occurrence, and lists the properties it cannot check', () => {
    const steps = dryRun(survey({ trigger: { event: 'order.completed', count: 3, where: { plan: 'pro' } } }), {}, ctx(), freshPacing())
    expect(steps[1]).toEqual({ step: 'where', pass: true, why: 'its properties must be {"plan":"pro"}' })
    expect(failed(steps)).toEqual([{ step: 'count', pass: false, why: '1 of 3' }])
  })

  it('judges pacing on the state it is given, without changing it', () => {
    const state = freshPacing()
    mark(state, 'other', 'shown', NOW - 864e5)
    const before = JSON.stringify(state)
    const steps = dryRun(survey(), {}, ctx(), state, { cooldownDays: 3 })
    expect(failed(steps)).toEqual([{ step: 'pacing', pass: false, why: 'cooldown until 2026-12-03T09:00' }])
    expect(JSON.stringify(state)).toBe(before)
  })

  it('a survey without a trigger only shows by show() or a preview', () => {
    expect(dryRun(survey({ trigger: undefined }), {}, ctx(), freshPacing())).toEqual([
      { step: 'trigger', pass: false, why: 'no trigger: only show() or a preview shows it' },
    ])
  })
})
