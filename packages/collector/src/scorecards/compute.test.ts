import { describe, expect, it } from 'vitest'
import type { Config } from '../../../sdk/src/pure/config/types'
import { computeScorecards } from './compute'
import type { Metric, PromptCount, ScorecardInput, SliceId, ValueCount } from './contract'

const config: Config = {
  surveys: [
    {
      id: 'pay',
      touchpoint: 'checkout',
      questions: [
        { id: 'csat', template: 'csat' },
        { id: 'why', type: 'text', when: { question: 'csat', atMost: 2 } },
        { id: 'nps', template: 'nps' },
      ],
    },
    {
      id: 'ship',
      touchpoint: 'delivery',
      questions: [
        { id: 'effort', template: 'effort' },
        { id: 'goal', template: 'goal' },
      ],
    },
    { id: 'help', touchpoint: 'support', questions: [{ id: 'feeling', template: 'feeling' }] },
  ],
  touchpoints: [
    { id: 'checkout', name: 'Checkout', owner: 'Payments team', stage: 'buy', channel: 'web', events: ['payment.failed'] },
    { id: 'delivery', name: 'Delivery', owner: 'Logistics', stage: 'receive' },
    { id: 'support', name: 'Help centre', owner: 'Payments team', stage: 'get help' },
    { id: 'returns', name: 'Returns', owner: 'Logistics', stage: 'receive' },
  ],
}

const period = { from: '2026-11-01T00:00:00Z', to: '2026-11-29T00:00:00Z' }
const baseline = { from: '2026-10-04T00:00:00Z', to: '2026-11-01T00:00:00Z' }
const trend = [0, 1, 2, 3].map((w) => ({ from: `2026-11-0${1 + w}T00:00:00Z`, to: `2026-11-0${2 + w}T00:00:00Z` }))

function input(over: Partial<ScorecardInput> = {}): ScorecardInput {
  return {
    request: { period, baseline, trend, filters: {} },
    config,
    labels: { 'payment.failed': 'Payment failed', 'order.completed': 'Order completed' },
    values: [],
    questions: [],
    prompts: [],
    trails: [],
    scored: [],
    promptTrails: [],
    people: [],
    peopleAvailable: false,
    generatedAt: '2026-11-28T12:00:00Z',
    ...over,
  }
}

/** `count` answers of `value` to a question. */
const v = (
  slice: SliceId,
  touchpoint: string | null,
  survey: string,
  question: string,
  metric: ValueCount['metric'],
  value: number,
  count: number,
): ValueCount => ({ slice, touchpoint, survey, question, metric, value, count })

/** CSAT answers at checkout: `satisfied` 5s and the rest 2s. */
const csat = (slice: SliceId, satisfied: number, n: number, touchpoint = 'checkout'): ValueCount[] => [
  v(slice, touchpoint, 'pay', 'csat', 'csat', 5, satisfied),
  v(slice, touchpoint, 'pay', 'csat', 'csat', 2, n - satisfied),
]

const card = (s: ReturnType<typeof computeScorecards>, id: string | null) => s.touchpoints.find((t) => t.id === id)!
const metric = (metrics: Metric[], name: Metric['name']) => metrics.find((m) => m.name === name)!

describe('computeScorecards', () => {
  it('answers the pinned core: touchpoints with id, owner, shown, answered, dismissed and metrics on their own scale', () => {
    const prompts: PromptCount[] = [
      { slice: 'current', touchpoint: 'checkout', survey: 'pay', outcome: 'completed', count: 30 },
      { slice: 'current', touchpoint: 'checkout', survey: 'pay', outcome: 'partial', count: 10 },
      { slice: 'current', touchpoint: 'checkout', survey: 'pay', outcome: 'dismissed', count: 20 },
      { slice: 'current', touchpoint: 'checkout', survey: 'pay', outcome: 'ignored', count: 40 },
    ]
    const s = computeScorecards(input({ values: csat('current', 30, 40), prompts }))
    const json = JSON.parse(JSON.stringify(s))
    const checkout = json.touchpoints[0]
    expect(checkout).toMatchObject({ id: 'checkout', owner: 'Payments team', shown: 100, answered: 40, dismissed: 20 })
    const c = checkout.metrics.find((m: Metric) => m.name === 'csat')
    expect(Object.keys(c)).toEqual(expect.arrayContaining(['name', 'value', 'n', 'low', 'high', 'method']))
    // 30 of 40 satisfied: 75 %, Wilson 59.81…85.81 % (by hand: centre 0.72810, half 0.13003).
    expect(c).toMatchObject({ name: 'csat', value: 75, n: 40, method: 'wilson' })
    expect(c.low).toBeCloseTo(59.81, 1)
    expect(c.high).toBeCloseTo(85.81, 1)
    // NPS is measured by the survey but has no answers: nulls, never zeros.
    expect(checkout.metrics.find((m: Metric) => m.name === 'nps')).toMatchObject({ value: null, n: 0, low: null, high: null, tone: null, change: null })
  })

  it('shows the response-rate funnel with its interval and definition', () => {
    const prompts: PromptCount[] = [
      { slice: 'current', touchpoint: 'delivery', survey: 'ship', outcome: 'completed', count: 18 },
      { slice: 'current', touchpoint: 'delivery', survey: 'ship', outcome: 'partial', count: 2 },
      { slice: 'current', touchpoint: 'delivery', survey: 'ship', outcome: 'dismissed', count: 30 },
      { slice: 'current', touchpoint: 'delivery', survey: 'ship', outcome: 'ignored', count: 30 },
      { slice: 'baseline', touchpoint: 'delivery', survey: 'ship', outcome: 'completed', count: 500 },
    ]
    const s = computeScorecards(input({ prompts }))
    const f = card(s, 'delivery').funnel
    // The owner's funnel is the same counts pooled over their touchpoints (here only delivery has prompts).
    expect(s.owners.find((o) => o.owner === 'Logistics')).toMatchObject({
      shown: 80,
      answered: 20,
      dismissed: 30,
      funnel: { ignored: 30, rate: { value: 25 } },
    })
    expect(f).toMatchObject({ shown: 80, answered: 20, completed: 18, partial: 2, dismissed: 30, ignored: 30 })
    expect(f.rate.value).toBe(25)
    expect(f.rate.low).toBeCloseTo(16.8, 1)
    expect(f.rate.high).toBeCloseTo(35.5, 1)
    expect(f.definition).toMatch(/answered ÷ shown/)
    expect(card(computeScorecards(input()), 'delivery').funnel.rate).toMatchObject({ value: null, n: 0 })
  })

  it('shows an owner only their touchpoints, and pools the owner’s answers over them', () => {
    const values = [
      ...csat('current', 10, 10),
      ...csat('current', 0, 10, 'support').map((x) => ({ ...x, survey: 'help' })),
      ...csat('current', 5, 5, 'delivery'),
    ]
    const s = computeScorecards(input({ values, visible: ['checkout', 'support'] }))
    expect(s.touchpoints.map((t) => t.id)).toEqual(['checkout', 'support'])
    expect(s.owners.map((o) => o.owner)).toEqual(['Payments team'])
    // 10 of 10 and 0 of 10 pool to 10 of 20 = 50 %, not an average of two averages weighted otherwise.
    expect(metric(s.owners[0]!.metrics, 'csat')).toMatchObject({ value: 50, n: 20 })
    expect(s.coverage.map((c) => c.stage)).toEqual(['buy', 'get help'])
    expect(JSON.stringify(s)).not.toContain('Logistics')
    // Without `visible` (admin), everyone, including the responses that name no touchpoint.
    const all = computeScorecards(input({ values: [...values, ...csat('current', 1, 2, null as unknown as string)] }))
    expect(all.touchpoints.map((t) => t.id)).toEqual(['checkout', 'delivery', 'support', 'returns', null])
    expect(all.touchpoints.at(-1)!.name).toBe('No touchpoint')
    expect(all.owners.map((o) => o.owner)).toEqual(['Payments team', 'Logistics'])
  })

  it('lists a touchpoint only the data names (not in the config) by its code name, outside the journey coverage', () => {
    const s = computeScorecards(input({ values: csat('current', 5, 10, 'kiosk') }))
    expect(card(s, 'kiosk')).toMatchObject({ name: 'kiosk', owner: null, stage: null })
    expect(metric(card(s, 'kiosk').metrics, 'csat')).toMatchObject({ value: 50, n: 10 })
    expect(s.coverage.flatMap((c) => c.touchpoints.map((t) => t.id))).not.toContain('kiosk')
    // An owner's token never sees it, nor the responses without a touchpoint.
    expect(computeScorecards(input({ values: csat('current', 5, 10, 'kiosk'), visible: ['checkout'] })).touchpoints.map((t) => t.id)).toEqual(['checkout'])
  })

  it('applies the owner and touchpoint filters to the list', () => {
    expect(computeScorecards(input({ request: { period, baseline, trend, filters: { owner: 'Logistics' } } })).touchpoints.map((t) => t.id)).toEqual([
      'delivery',
      'returns',
    ])
    expect(computeScorecards(input({ request: { period, baseline, trend, filters: { touchpoint: 'support' } } })).touchpoints.map((t) => t.id)).toEqual([
      'support',
    ])
  })

  it('marks 60 % → 90 % on 200 answers each as a real change for the better', () => {
    const s = computeScorecards(input({ values: [...csat('baseline', 120, 200), ...csat('current', 180, 200)] }))
    const c = metric(card(s, 'checkout').metrics, 'csat').change!
    expect(c.difference).toBeCloseTo(30, 10)
    expect(c).toMatchObject({ real: true, better: true, method: 'newcombe-hybrid-score', baseline })
    expect(c.before).toMatchObject({ value: 60, n: 200 })
    expect(c.low!).toBeGreaterThan(0)
  })

  it('does not mark 60 % → 70 % on 10 answers each: that is noise', () => {
    const s = computeScorecards(input({ values: [...csat('baseline', 6, 10), ...csat('current', 7, 10)] }))
    const c = metric(card(s, 'checkout').metrics, 'csat').change!
    expect(c.difference).toBeCloseTo(10, 10)
    expect(c).toMatchObject({ real: false, better: null })
    expect(c.low!).toBeLessThan(0)
  })

  it('marks a real drop as worse, for means too (CES, Welch)', () => {
    const ces = (slice: SliceId, hi: number, lo: number) => [
      v(slice, 'delivery', 'ship', 'effort', 'ces', 6, hi),
      v(slice, 'delivery', 'ship', 'effort', 'ces', 3, lo),
    ]
    const s = computeScorecards(input({ values: [...ces('baseline', 90, 10), ...ces('current', 40, 60)] }))
    const c = metric(card(s, 'delivery').metrics, 'ces').change!
    expect(c).toMatchObject({ real: true, better: false, method: 'welch' })
    expect(c.difference).toBeCloseTo(4.2 - 5.7, 10)
  })

  it('greys trend points with too few answers or too wide an interval', () => {
    const values = [
      ...csat('trend:0', 3, 5), // n < 10
      ...csat('trend:1', 6, 12), // 50 % on 12: ±26 points
      ...csat('trend:2', 80, 100), // ±8 points
    ]
    const t = metric(card(computeScorecards(input({ values })), 'checkout').metrics, 'csat').trend
    expect(t.map((p) => [p.n, p.enough])).toEqual([
      [5, false],
      [12, false],
      [100, true],
      [0, false],
    ])
    expect(t[0]).toMatchObject({ value: 60, from: trend[0]!.from, to: trend[0]!.to })
    expect(t[3]).toMatchObject({ value: null, low: null, high: null })
  })

  it('judges tone on the interval: CSAT 0 % is never good, and too few answers get no tone', () => {
    const toneOf = (satisfied: number, n: number) =>
      metric(card(computeScorecards(input({ values: csat('current', satisfied, n) })), 'checkout').metrics, 'csat').tone
    expect(toneOf(0, 3)).toBeNull()
    expect(toneOf(0, 10)).toBe('poor')
    expect(toneOf(180, 200)).toBe('good')
    // 9 of 10 = 90 %, but its interval (59.6…98.2 %) reaches below the poor line: not "good" yet.
    expect(toneOf(9, 10)).toBe('fair')
    // 5 of 10 = 50 %, interval 23.7…76.3 %: below the good line throughout, so poor.
    expect(toneOf(5, 10)).toBe('poor')
    expect(toneOf(140, 200)).toBe('fair')
    const emotion = metric(
      card(computeScorecards(input({ values: [v('current', 'support', 'help', 'feeling', 'emotion', -50, 20)] })), 'support').metrics,
      'emotion',
    )
    expect(emotion).toMatchObject({ value: -50, tone: 'poor', method: 'bounded-wilson' })
  })

  it('states the answers still needed for ±10 points, and the current half-width', () => {
    const s = computeScorecards(input({ values: csat('current', 30, 40) }))
    const p = metric(card(s, 'checkout').metrics, 'csat').precision
    // 75 % on 40: Wilson 59.8…85.8, which holds ½? No: σ planned at p = 0.598, ⌈3.8415 · 0.2404 / 0.01⌉ = 93 → 53 more.
    expect(p.target).toBe(10)
    expect(p.halfWidth!).toBeCloseTo(13, 0)
    expect(p.needed).toBe(53)
    expect(metric(card(s, 'checkout').metrics, 'nps').precision).toEqual({ halfWidth: null, target: 10, needed: 385 })
  })

  it('ranks root causes by lift with Newcombe intervals, human labels and the owner where the event happened', () => {
    const trails = [
      { touchpoint: 'delivery', event: 'payment.failed', eventTouchpoint: 'checkout', low: true, count: 30 },
      { touchpoint: 'delivery', event: 'payment.failed', eventTouchpoint: 'checkout', low: false, count: 10 },
      { touchpoint: 'delivery', event: 'order.completed', eventTouchpoint: 'checkout', low: true, count: 40 },
      { touchpoint: 'delivery', event: 'order.completed', eventTouchpoint: 'checkout', low: false, count: 160 },
      { touchpoint: 'delivery', event: 'help.article_read', eventTouchpoint: 'support', low: true, count: 4 },
      { touchpoint: 'delivery', event: 'help.article_read', eventTouchpoint: 'support', low: false, count: 40 },
    ]
    const scored = [
      { touchpoint: 'delivery', low: true, count: 40 },
      { touchpoint: 'delivery', low: false, count: 160 },
    ]
    const drivers = card(computeScorecards(input({ trails, scored })), 'delivery').rootCause
    // Every response's trail had the order: it cannot tell low scores from the others, so no row.
    expect(drivers.map((d) => d.event)).toEqual(['payment.failed', 'help.article_read'])
    const [top, help] = drivers
    // 30/40 = 75 % of low scores against 10/160 = 6.25 % of the others: +68.75 points, real.
    expect(top).toMatchObject({ label: 'Payment failed', touchpoint: 'checkout', touchpointName: 'Checkout', owner: 'Payments team', real: true })
    expect(top!.withLow.value).toBe(75)
    expect(top!.withOthers.value).toBeCloseTo(6.25, 10)
    expect(top!.lift.value).toBeCloseTo(68.75, 10)
    expect(top!.lift.method).toBe('newcombe-hybrid-score')
    // No label configured: the code name; a negative lift, real (reading help precedes good scores).
    expect(help).toMatchObject({ label: 'help.article_read', touchpointName: 'Help centre', owner: 'Payments team', real: true })
    expect(help!.lift.value).toBeCloseTo(10 - 25, 10)
    // No low scores: no root cause to show.
    expect(card(computeScorecards(input({ trails, scored: [{ touchpoint: 'delivery', low: false, count: 160 }] })), 'delivery').rootCause).toEqual([])
  })

  it('compares the trails of those who answered with those shown but not answering (non-response bias)', () => {
    const prompts: PromptCount[] = [
      { slice: 'current', touchpoint: 'checkout', survey: 'pay', outcome: 'completed', count: 100 },
      { slice: 'current', touchpoint: 'checkout', survey: 'pay', outcome: 'dismissed', count: 50 },
      { slice: 'current', touchpoint: 'checkout', survey: 'pay', outcome: 'ignored', count: 50 },
    ]
    const promptTrails = [
      { touchpoint: 'checkout', event: 'payment.failed', eventTouchpoint: 'checkout', answered: true, count: 5 },
      { touchpoint: 'checkout', event: 'payment.failed', eventTouchpoint: 'checkout', answered: false, count: 40 },
      { touchpoint: 'checkout', event: 'page.viewed', eventTouchpoint: null, answered: true, count: 50 },
      { touchpoint: 'checkout', event: 'page.viewed', eventTouchpoint: null, answered: false, count: 48 },
    ]
    const bias = card(computeScorecards(input({ prompts, promptTrails })), 'checkout').nonResponse
    expect(bias.map((b) => [b.event, b.real])).toEqual([
      ['payment.failed', true],
      ['page.viewed', false],
    ])
    expect(bias[0]!.answered.value).toBe(5)
    expect(bias[0]!.unanswered.value).toBe(40)
    expect(bias[0]!.difference.value).toBeCloseTo(-35, 10)
    expect(bias[0]).toMatchObject({ label: 'Payment failed', owner: 'Payments team' })
  })

  it('counts drop-off per question, a conditional question reached only when its condition held', () => {
    const prompts: PromptCount[] = [
      { slice: 'current', touchpoint: 'checkout', survey: 'pay', outcome: 'completed', count: 50 },
      { slice: 'current', touchpoint: 'checkout', survey: 'pay', outcome: 'partial', count: 10 },
    ]
    const questions = [
      { slice: 'current' as const, touchpoint: 'checkout', survey: 'pay', question: 'csat', answered: 60 },
      { slice: 'current' as const, touchpoint: 'checkout', survey: 'pay', question: 'why', answered: 8 },
      { slice: 'current' as const, touchpoint: 'checkout', survey: 'pay', question: 'nps', answered: 52 },
    ]
    // 15 answered CSAT 1–2, so 15 were asked "why".
    const values = [
      v('current', 'checkout', 'pay', 'csat', 'csat', 1, 5),
      v('current', 'checkout', 'pay', 'csat', 'csat', 2, 10),
      v('current', 'checkout', 'pay', 'csat', 'csat', 4, 45),
    ]
    const d = card(computeScorecards(input({ prompts, questions, values })), 'checkout').dropoff
    expect(d.map((q) => [q.question, q.reached, q.answered])).toEqual([
      ['csat', 60, 60],
      ['why', 15, 8],
      ['nps', 52, 52],
    ])
    expect(d[0]!.text).toBe('(csat)')
  })

  it('reports prompts per person only when pseudonymous ids are sent', () => {
    const people = [
      { touchpoint: 'checkout', prompts: 1, people: 90 },
      { touchpoint: 'checkout', prompts: 2, people: 8 },
      { touchpoint: 'checkout', prompts: 5, people: 2 },
    ]
    expect(card(computeScorecards(input({ people })), 'checkout').promptsPerPerson).toMatchObject({
      available: false,
      reason: expect.stringMatching(/pseudonymous/),
    })
    const p = card(computeScorecards(input({ people, peopleAvailable: true })), 'checkout').promptsPerPerson
    // 100 people, 116 prompts: mean 1.16; median 1; 95th percentile the 95th person: 2; max 5.
    expect(p).toEqual({ available: true, people: 100, mean: 1.16, median: 1, p95: 2, max: 5 })
    expect(card(computeScorecards(input({ people, peopleAvailable: true })), 'delivery').promptsPerPerson.available).toBe(false)
  })

  it('lists coverage per journey stage: no survey, too few answers, covered, with the answers still needed', () => {
    const values = [
      ...csat('current', 380, 400),
      v('current', 'checkout', 'pay', 'nps', 'nps', 10, 400),
      v('current', 'delivery', 'ship', 'effort', 'ces', 6, 12),
    ]
    const s = computeScorecards(input({ values }))
    expect(s.coverage.map((c) => [c.stage, c.touchpoints.map((t) => [t.id, t.status])])).toEqual([
      ['buy', [['checkout', 'covered']]],
      [
        'receive',
        [
          ['delivery', 'too few answers'],
          ['returns', 'no survey'],
        ],
      ],
      ['get help', [['support', 'too few answers']]],
    ])
    const delivery = s.coverage[1]!.touchpoints[0]!
    expect(delivery.surveys).toEqual(['ship'])
    expect(delivery.metrics.map((m) => m.name)).toEqual(['ces', 'goal'])
    expect(delivery.metrics[0]!.n).toBe(12)
    expect(delivery.metrics[0]!.needed).toBeGreaterThan(0)
    expect(delivery.metrics[1]).toEqual({ name: 'goal', n: 0, needed: 97 })
  })

  it('defines every method a metric or difference names', () => {
    const values = [
      ...csat('current', 30, 40),
      ...csat('baseline', 20, 40),
      v('current', 'checkout', 'pay', 'nps', 'nps', 9, 5),
      v('baseline', 'checkout', 'pay', 'nps', 'nps', 3, 5),
      v('current', 'delivery', 'ship', 'effort', 'ces', 7, 3),
      v('baseline', 'delivery', 'ship', 'effort', 'ces', 5, 3),
    ]
    const s = computeScorecards(input({ values }))
    const methods = new Set(s.touchpoints.flatMap((t) => t.metrics.flatMap((m) => [m.method, m.change?.method].filter(Boolean))))
    // 't' comes from the feeling question without answers: the method it would use.
    expect([...methods].sort()).toEqual(
      ['bounded-wilson', 'mover', 'nps-adjusted-wald', 'nps-adjusted-wald-difference', 'newcombe-hybrid-score', 't', 'wilson'].sort(),
    )
    for (const m of methods) expect(s.definitions[m as string]).toBeTruthy()
    for (const k of ['csat', 'nps', 'ces', 'goal', 'emotion', 'change', 'tone', 'trend', 'funnel', 'rootCause', 'nonResponse', 'coverage'])
      expect(s.definitions[k]).toBeTruthy()
  })

  it('holds values outside the scale to it (a tampered record cannot push CES past 7)', () => {
    const values = [v('current', 'delivery', 'ship', 'effort', 'ces', 70, 5), v('current', 'delivery', 'ship', 'effort', 'ces', 7, 5)]
    const ces = metric(card(computeScorecards(input({ values })), 'delivery').metrics, 'ces')
    expect(ces.value).toBe(7)
    expect(ces.high).toBe(7)
  })
})
