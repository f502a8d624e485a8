// The rules stage with an injected clock: every operator, window edges, sequences and negations,
// audience, sampling stability and spread, priority.
import { describe, expect, it } from 'vitest'
import type { Config, Survey } from '../config/types'
import { touchEvent } from '../journey/event'
import { remember, type History } from '../journey/history'
import type { Context } from './context'
import { decide, recheck } from './decide'
import { plan } from './plan'
import { bucket } from './sample'
import { worded } from './words'

const T0 = Date.parse('2026-11-23T12:00:00Z')
const MIN = 60_000
const q = [{ id: 'q1', type: 'rating' as const, text: 'How was it?' }]

const ctx = (over: Partial<Context> = {}): Context => ({
  now: T0,
  path: '/checkout',
  device: 'desktop',
  lang: 'en-GB',
  user: {},
  personId: 'person-1',
  ...over,
})

/** Runs a sequence of [event, props, minutes after T0]; returns the decisions for the last one. */
function run(surveys: Partial<Survey>[], events: [string, Record<string, unknown>?, number?][], c: Partial<Context> = {}) {
  const config: Config = { surveys: surveys.map((s, i) => ({ id: 's' + i, questions: q, ...s }) as Survey) }
  const p = plan(config)
  const history: History = {}
  let out: ReturnType<typeof decide> = []
  for (const [name, props, minutes = 0] of events) {
    const event = touchEvent(name, props, T0 + minutes * MIN)
    out = decide(p, event, history, ctx({ now: event.at, ...c }))
    remember(history, event, p.watched)
  }
  return out
}

const shows = (...args: Parameters<typeof run>) => run(...args).map((d) => d.show)

describe('trigger', () => {
  it('concerns only the surveys whose trigger names the event', () => {
    expect(run([{ trigger: { event: 'a' } }], [['b']])).toEqual([])
    const [d] = run([{ trigger: { event: 'a' } }], [['a']])
    expect(d).toMatchObject({ show: true, trace: [{ step: 'trigger', pass: true, why: { code: 'trigger', event: 'a' } }] })
    expect(worded(d!.trace[0]!)).toEqual({ step: 'trigger', pass: true, why: '"a" seen' })
  })

  it.each([
    [{ plan: 'gold' }, { plan: 'gold' }, true],
    [{ plan: 'gold' }, { plan: 'silver' }, false],
    [{ plan: { eq: 'gold' } }, { plan: 'gold' }, true],
    [{ plan: { ne: 'gold' } }, { plan: 'gold' }, false],
    [{ plan: { in: ['gold', 'silver'] } }, { plan: 'silver' }, true],
    [{ plan: { in: ['gold'] } }, { plan: 'bronze' }, false],
    [{ plan: { notIn: ['gold'] } }, { plan: 'bronze' }, true],
    [{ amount: { gt: 100 } }, { amount: 100 }, false],
    [{ amount: { gte: 100 } }, { amount: 100 }, true],
    [{ amount: { lt: 100 } }, { amount: 99.5 }, true],
    [{ amount: { lte: 100 } }, { amount: 101 }, false],
    [{ amount: { gt: 1 } }, { amount: '5' }, false], // comparisons take numbers only
    [{ amount: { gte: 10, lt: 20 } }, { amount: 15 }, true],
    [{ amount: { gte: 10, lt: 20 } }, { amount: 20 }, false],
    [{ path: { contains: 'help' } }, { path: '/fi/help/billing' }, true],
    [{ tags: { contains: 'vip' } }, { tags: ['new', 'vip'] }, true],
    [{ tags: { contains: 'vip' } }, { tags: 'nothing' }, false],
    [{ coupon: { exists: true } }, { coupon: 'X' }, true],
    [{ coupon: { exists: true } }, {}, false],
    [{ coupon: { exists: false } }, {}, true],
    [{ coupon: { exists: false } }, { coupon: null }, true],
    [{ plan: { unknownOp: 1 } }, { plan: 1 }, false],
    [{ constructor: { exists: true } }, {}, false], // never reads the prototype
  ])('where %j on %j → %s', (where, props, expected) => {
    expect(shows([{ trigger: { event: 'a', where } }], [['a', props]])).toEqual([expected])
  })

  it('says which property failed and what was wanted', () => {
    const [d] = run([{ trigger: { event: 'a', where: { amount: { gte: 100 } } } }], [['a', { amount: 50 }]])
    expect(d!.trace[1]).toEqual({ step: 'where', pass: false, why: { code: 'where', key: 'amount', value: 50, wanted: { gte: 100 } } })
    expect(worded(d!.trace[1]!)).toEqual({ step: 'where', pass: false, why: 'amount = 50, wanted {"gte":100}' })
  })
})

describe('counts within a window', () => {
  const ces = { trigger: { event: 'payment.failed', count: 2, within: '30m' } }

  it('fires on the second failure within 30 minutes, counting the window edge in', () => {
    expect(
      shows(
        [ces],
        [
          ['payment.failed', {}, 0],
          ['payment.failed', {}, 30],
        ],
      ),
    ).toEqual([true])
    expect(
      shows(
        [ces],
        [
          ['payment.failed', {}, 0],
          ['payment.failed', {}, 30.001],
        ],
      ),
    ).toEqual([false])
    expect(shows([ces], [['payment.failed', {}, 0]])).toEqual([false])
  })

  it('explains the count', () => {
    const [d] = run([ces], [['payment.failed', {}, 0]])
    expect(d!.trace.at(-1)).toEqual({ step: 'count', pass: false, why: { code: 'count', n: 1, of: 2, within: '30m' } })
    expect(worded(d!.trace.at(-1)!)).toEqual({ step: 'count', pass: false, why: '1 of 2 within 30m' })
  })

  it('counts only events that meet the conditions', () => {
    const s = { trigger: { event: 'pay', where: { method: 'card' }, count: 2, within: '1h' } }
    expect(
      shows(
        [s],
        [
          ['pay', { method: 'card' }, 0],
          ['pay', { method: 'bank' }, 1],
          ['pay', { method: 'card' }, 2],
        ],
      ),
    ).toEqual([true])
    expect(
      shows(
        [s],
        [
          ['pay', { method: 'bank' }, 0],
          ['pay', { method: 'card' }, 1],
        ],
      ),
    ).toEqual([false])
  })

  it('without a window counts over the whole remembered journey ("NPS after the third order")', () => {
    const nps = { trigger: { event: 'order.completed', count: 3 } }
    expect(
      shows(
        [nps],
        [
          ['order.completed', {}, 0],
          ['order.completed', {}, 60 * 24 * 20],
          ['order.completed', {}, 60 * 24 * 40],
        ],
      ),
    ).toEqual([true])
    expect(
      shows(
        [nps],
        [
          ['order.completed', {}, 0],
          ['order.completed', {}, 1],
        ],
      ),
    ).toEqual([false])
  })
})

describe('sequences and negations', () => {
  it('"A then B within T": B fires only when A came within T before', () => {
    const s = { trigger: { event: 'help.opened', after: { event: 'payment.failed', within: '10m' } } }
    expect(
      shows(
        [s],
        [
          ['payment.failed', {}, 0],
          ['help.opened', {}, 10],
        ],
      ),
    ).toEqual([true])
    expect(
      shows(
        [s],
        [
          ['payment.failed', {}, 0],
          ['help.opened', {}, 10.5],
        ],
      ),
    ).toEqual([false])
    expect(shows([s], [['help.opened', {}, 0]])).toEqual([false])
  })

  it('"A and not B within T": A fires only if B did not happen within T', () => {
    const s = { trigger: { event: 'checkout.left', unless: { event: 'order.completed', within: '15m' } } }
    expect(shows([s], [['checkout.left', {}, 0]])).toEqual([true])
    expect(
      shows(
        [s],
        [
          ['order.completed', {}, 0],
          ['checkout.left', {}, 15],
        ],
      ),
    ).toEqual([false])
    expect(
      shows(
        [s],
        [
          ['order.completed', {}, 0],
          ['checkout.left', {}, 16],
        ],
      ),
    ).toEqual([true])
  })

  it('checks the negation again when a delay ends', () => {
    const survey = { id: 's', questions: q, delay: '10m', trigger: { event: 'cart.left', unless: { event: 'order.completed', within: '10m' } } } as Survey
    const p = plan({ surveys: [survey] })
    const history: History = {}
    const left = touchEvent('cart.left', {}, T0)
    expect(decide(p, left, history, ctx())[0]!.show).toBe(true)
    remember(history, left, p.watched)
    remember(history, touchEvent('order.completed', {}, T0 + 5 * MIN), p.watched)
    const d = recheck(survey, history, ctx({ now: T0 + 10 * MIN }))
    expect(d.show).toBe(false)
    expect(d.trace.map(worded)).toEqual([
      { step: 'delay', pass: true, why: 'waited 10m' },
      { step: 'unless', pass: false, why: '"order.completed" seen within 10m' },
    ])
  })
})

describe('audience', () => {
  const a = (audience: Survey['audience']) => [{ trigger: { event: 'a' }, audience }]

  it('matches page paths with * patterns, and excludes paths', () => {
    expect(shows(a({ urls: ['/fi/*'] }), [['a']], { path: '/fi/apua' })).toEqual([true])
    expect(shows(a({ urls: ['/fi/*'] }), [['a']], { path: '/en/help' })).toEqual([false])
    expect(shows(a({ urls: ['/help'] }), [['a']], { path: '/help/more' })).toEqual([false])
    expect(shows(a({ notUrls: ['/checkout*'] }), [['a']], { path: '/checkout/pay' })).toEqual([false])
    expect(shows(a({ urls: ['/a.b'] }), [['a']], { path: '/aXb' })).toEqual([false]) // literal dot
  })

  it('matches device, language prefix and schedule dates (until is inclusive of its day)', () => {
    expect(shows(a({ device: 'mobile' }), [['a']])).toEqual([false])
    expect(shows(a({ device: ['desktop', 'tablet'] }), [['a']])).toEqual([true])
    expect(shows(a({ lang: ['fi'] }), [['a']], { lang: 'fi-FI' })).toEqual([true])
    expect(shows(a({ lang: ['fi'] }), [['a']], { lang: 'sv-FI' })).toEqual([false])
    expect(shows(a({ from: '2026-11-23' }), [['a']])).toEqual([true])
    expect(shows(a({ from: '2026-11-24' }), [['a']])).toEqual([false])
    expect(shows(a({ until: '2026-11-23' }), [['a']])).toEqual([true])
    expect(shows(a({ until: '2026-11-22' }), [['a']])).toEqual([false])
  })

  it('matches user attributes from identify(), and identified people only', () => {
    expect(shows(a({ user: { plan: 'premium' } }), [['a']], { user: { id: 'u1', plan: 'premium' } })).toEqual([true])
    expect(shows(a({ user: { plan: 'premium' } }), [['a']], { user: { plan: 'basic' } })).toEqual([false])
    expect(shows(a({ user: { id: { exists: true } } }), [['a']], { user: {} })).toEqual([false])
  })
})

describe('sampling per person', () => {
  it('gives the same verdict for the same person every time, and differs between surveys', () => {
    expect(bucket('abc', 's1')).toBe(bucket('abc', 's1'))
    expect(bucket('abc', 's1')).not.toBe(bucket('abc', 's2'))
  })

  it('samples about the configured share of people', () => {
    let asked = 0
    const N = 20_000
    for (let i = 0; i < N; i++) if (bucket('person-' + i, 'nps') < 0.25) asked++
    expect(asked / N).toBeGreaterThan(0.23)
    expect(asked / N).toBeLessThan(0.27)
  })

  it('spreads evenly across the whole range', () => {
    const bins = Array(10).fill(0)
    for (let i = 0; i < 10_000; i++) bins[Math.floor(bucket(String(i), 'x') * 10)]++
    for (const n of bins) expect(Math.abs(n - 1000)).toBeLessThan(150)
  })

  it('is part of the decision and its trace', () => {
    const [d] = run([{ trigger: { event: 'a' }, audience: { sample: 0 } }], [['a']])
    expect(d).toMatchObject({ show: false, trace: [{}, { step: 'sample', pass: false }] })
    expect(shows([{ trigger: { event: 'a' }, audience: { sample: 1 } }], [['a']])).toEqual([true])
  })
})

describe('priority', () => {
  it('orders candidates by priority, then by their order in the config', () => {
    const out = run(
      [
        { id: 'low', trigger: { event: 'a' } },
        { id: 'high', trigger: { event: 'a' }, priority: 5 },
        { id: 'low2', trigger: { event: 'a' } },
      ],
      [['a']],
    )
    expect(out.map((d) => d.survey.id)).toEqual(['high', 'low', 'low2'])
  })
})
