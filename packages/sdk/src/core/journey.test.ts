// The journey: what rules look back on and the trail sent with answers. Bounded, whitelisted,
// persisted with batched writes, merged across tabs.
import { describe, expect, it, vi } from 'vitest'
import type { Config } from '../pure/config/types'
import { plan } from '../pure/rules/plan'
import { openStore } from '../shared/store'
import { touchEvent } from '../pure/journey/event'
import { count, HISTORY_MAX, mergeHistory, remember, type History } from '../pure/journey/history'
import { createJourney, JOURNEY_KEY } from './journey'
import { extend, mergeTrail, type TrailEntry } from '../pure/journey/trail'

const T0 = Date.parse('2026-11-23T12:00:00Z')

describe('history', () => {
  const watched = new Map([['pay', ['method']]])

  it('keeps only watched events, and only the properties rules read', () => {
    const h: History = {}
    remember(h, touchEvent('pay', { method: 'card', email: 'a@b.c' }, T0), watched)
    remember(h, touchEvent('page.viewed', {}, T0), watched)
    expect(h).toEqual({ '#pay': [[T0, { method: 'card' }]] })
  })

  it('is bounded by count and by age', () => {
    const h: History = {}
    for (let i = 0; i < HISTORY_MAX + 10; i++) remember(h, touchEvent('pay', {}, T0 + i), watched)
    expect(h['#pay']).toHaveLength(HISTORY_MAX)
    remember(h, touchEvent('pay', {}, T0 + 91 * 864e5), watched)
    expect(h['#pay']).toHaveLength(1)
  })

  it('cannot be led to the prototype by an event name', () => {
    const h: History = {}
    remember(h, touchEvent('__proto__', {}, T0), new Map([['__proto__', []]]))
    expect(count(h, '__proto__', undefined, 0)).toBe(1)
    expect(Object.keys(h)).toEqual(['#__proto__'])
    expect(Object.getPrototypeOf(h)).toBe(Object.prototype)
  })

  it('merges two tabs without duplicates, oldest first', () => {
    const a: History = { '#pay': [[1], [3]] }
    const b: History = { '#pay': [[2], [3]], '#x': [[5]] }
    expect(mergeHistory(a, b)).toEqual({ '#pay': [[1], [2], [3]], '#x': [[5]] })
  })
})

describe('trail', () => {
  const config: Config = {
    surveys: [],
    touchpoints: [
      { id: 'payment', owner: 'Payments', events: ['payment.failed'] },
      { id: 'help', owner: 'Support', urls: ['/help*'] },
    ],
    journey: { keep: 3, props: ['plan'] },
  }

  it('labels events with their touchpoint, keeps allowed properties only, and the newest few', () => {
    const trail: TrailEntry[] = []
    extend(trail, touchEvent('payment.failed', { plan: 'fixed', card: '4111…' }, 1), config, '/checkout')
    extend(trail, touchEvent('page.viewed', {}, 2), config, '/help/billing')
    extend(trail, touchEvent('page.viewed', {}, 3), config, '/')
    extend(trail, touchEvent('chat.opened', {}, 4), config, '/')
    expect(trail).toEqual([
      { event: 'page.viewed', at: 2, touchpoint: 'help' },
      { event: 'page.viewed', at: 3 },
      { event: 'chat.opened', at: 4 },
    ])
    const first: TrailEntry[] = []
    extend(first, touchEvent('payment.failed', { plan: 'fixed', card: '4111…' }, 1), config, '/checkout')
    expect(first).toEqual([{ event: 'payment.failed', at: 1, touchpoint: 'payment', props: { plan: 'fixed' } }])
  })

  it('merges two tabs without duplicates, within the bound', () => {
    const e = (at: number): TrailEntry => ({ event: 'e', at })
    expect(mergeTrail([e(1), e(3)], [e(2), e(3), e(4)], 3)).toEqual([e(2), e(3), e(4)])
  })
})

describe('createJourney', () => {
  const config: Config = {
    surveys: [{ id: 's', trigger: { event: 'pay', count: 2 }, questions: [{ id: 'q', type: 'rating', text: 'Q' }] }],
  }

  it('persists across pages with one write per burst, and merges what another tab saved', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const store = openStore('journey-test-' + Math.random())
    const update = vi.spyOn(store, 'update')
    const page1 = createJourney(store, config, plan(config), () => true)
    await page1.load()
    for (let i = 0; i < 100; i++) page1.record(touchEvent('pay', {}, T0 + i), '/')
    await vi.runAllTimersAsync()
    expect(update).toHaveBeenCalledTimes(1)

    // A second tab loads what the first saved, then both record and save.
    const page2 = createJourney(store, config, plan(config), () => true)
    await page2.load()
    expect(page2.state().trail).toHaveLength(20)
    page1.record(touchEvent('tab1', {}, T0 + 1000), '/')
    page2.record(touchEvent('tab2', {}, T0 + 1001), '/')
    await page1.save()
    await page2.save()
    const stored = (await store.get<any>(JOURNEY_KEY))!
    expect(stored.trail.slice(-2).map((e: TrailEntry) => e.event)).toEqual(['tab1', 'tab2'])
    expect(stored.history['#pay']).toHaveLength(50)
    vi.useRealTimers()
  })

  it('stores nothing while it may not (consent), and forgets everything on clear', async () => {
    const store = openStore('journey-test-' + Math.random())
    let allowed = false
    const j = createJourney(store, config, plan(config), () => allowed)
    j.record(touchEvent('pay', {}, T0), '/')
    await j.save()
    expect(await store.get(JOURNEY_KEY)).toBeUndefined()
    allowed = true
    j.record(touchEvent('pay', {}, T0 + 1), '/')
    await j.save()
    expect(await store.get(JOURNEY_KEY)).toBeDefined()
    await j.clear()
    expect(await store.get(JOURNEY_KEY)).toBeUndefined()
    expect(j.state().trail).toEqual([])
  })

  it('writes what is unsaved on beforeunload, and listens to it only while something is unsaved', async () => {
    const store = openStore('journey-test-' + Math.random())
    const listening = () => added.mock.calls.filter((c) => c[0] == 'beforeunload').length - removed.mock.calls.filter((c) => c[0] == 'beforeunload').length > 0
    const added = vi.spyOn(window, 'addEventListener')
    const removed = vi.spyOn(window, 'removeEventListener')
    const j = createJourney(store, config, plan(config), () => true)
    expect(listening()).toBe(false)
    j.record(touchEvent('pay', {}, T0), '/')
    expect(listening()).toBe(true)
    // A navigation starts: the event tracked just before it is written while the page still runs.
    dispatchEvent(new Event('beforeunload'))
    await expect.poll(() => store.get<any>(JOURNEY_KEY)).toBeDefined()
    expect((await store.get<any>(JOURNEY_KEY)).trail.map((e: TrailEntry) => e.event)).toEqual(['pay'])
    // Saved, it lets go (a beforeunload listener keeps Firefox from caching the page).
    await j.save()
    expect(listening()).toBe(false)
    vi.restoreAllMocks()
  })
})
