// The journey: what rules look back on and the trail sent with answers. Bounded, whitelisted,
// persisted with batched writes, merged across tabs.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Config } from '../pure/config/types'
import { plan } from '../pure/rules/plan'
import { openStore } from '../shared/store'
import { touchEvent } from '../pure/journey/event'
import { count, HISTORY_MAX, mergeHistory, remember, type History } from '../pure/journey/history'
import { createJourney, JOURNEY_KEY, SAVE_EVERY_MS } from './journey'
import { createBook } from './book'
import { mark, PACING_KEY, type PacingState } from '../pure/pacing/state'
import { extend, mergeTrail, type TrailEntry } from '../pure/journey/trail'

const T0 = Date.parse('2026-11-23T12:00:00Z')
const readwrites = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.filter((c) => c[1] === 'readwrite').length
/** Lets IndexedDB work through its queued steps (fake-indexeddb runs them on setImmediate). */
const settleStorage = async () => {
  for (let i = 0; i < 30; i++) await new Promise((r) => setImmediate(r))
}

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

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
    const name = 'journey-test-' + Math.random()
    const store = openStore(name)
    const page1 = createJourney(store, config, plan(config), () => true)
    await page1.load()
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction')
    for (let i = 0; i < 100; i++) page1.record(touchEvent('pay', {}, T0 + i), '/')
    await vi.runAllTimersAsync()
    expect(readwrites(transactions)).toBe(1)
    transactions.mockRestore()

    // A second tab (a store of its own on the same database) loads what the first saved, then both record and save.
    const page2 = createJourney(openStore(name), config, plan(config), () => true)
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

  it('leaving writes what was recorded once, on beforeunload or pagehide, whichever comes first', async () => {
    const store = openStore('journey-test-' + Math.random())
    const j = createJourney(store, config, plan(config), () => true)
    await j.load()
    j.record(touchEvent('pay', {}, T0), '/')
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction')
    // A navigation starts: the event tracked just before it is written while the page still runs
    // (the runtime calls leave() on beforeunload), and pagehide then has nothing more to write.
    j.leave()
    j.leave()
    await expect.poll(() => store.get<any>(JOURNEY_KEY)).toBeDefined()
    expect((await store.get<any>(JOURNEY_KEY)).trail.map((e: TrailEntry) => e.event)).toEqual(['pay'])
    expect(readwrites(transactions)).toBe(1)
    vi.restoreAllMocks()
  })

  it('costs a handful of writes, not one per event, when events come one every 3 s for 50 minutes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: T0 })
    const store = openStore('journey-test-' + Math.random())
    const book = createBook(store, {}, () => true)
    const journey = createJourney(store, config, plan(config), () => true)
    await book.write()
    await journey.load()
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction')
    for (let i = 0; i < 1000; i++) {
      const event = touchEvent(i % 10 === 3 ? 'pay' : 'page.section', {}, Date.now())
      book.touch(event.at)
      journey.record(event, '/')
      vi.advanceTimersByTime(3000)
      await settleStorage()
    }
    // The new session at once (the journey joins it), then the journey and the session activity
    // together, 10 minutes after the first event left unsaved: 4 more in the 50 minutes.
    expect(readwrites(transactions)).toBe(1 + Math.floor((1000 * 3000 - 3000) / (SAVE_EVERY_MS + 3000)))
    const stored = (await store.get<any>(JOURNEY_KEY))!
    expect(stored.history['#pay']).toHaveLength(50)
    // What storage lacks is at most the last 10 minutes (hiding or leaving the page writes it too).
    expect((await store.get<PacingState>(PACING_KEY))!.last).toBeGreaterThanOrEqual(Date.now() - SAVE_EVERY_MS)
  })

  it('rides along with a pacing write rather than making a transaction of its own', async () => {
    const store = openStore('journey-test-' + Math.random())
    const book = createBook(store, {}, () => true)
    const journey = createJourney(store, config, plan(config), () => true)
    await book.write()
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction')
    journey.record(touchEvent('pay', {}, T0), '/')
    await book.write((s) => mark(s, 's', 'shown', T0))
    await journey.save() // nothing left to write
    expect(transactions.mock.calls.map((c) => c[1])).toEqual(['readwrite'])
    expect((await store.get<any>(JOURNEY_KEY))!.history['#pay']).toHaveLength(1)
    expect((await store.get<PacingState>(PACING_KEY))!.surveys.s?.shown).toBe(T0)
  })

  it('writes nothing once storage is no longer allowed, even with a batch waiting', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    let allowed = true
    const name = 'journey-test-' + Math.random()
    const store = openStore(name)
    const journey = createJourney(store, config, plan(config), () => allowed)
    journey.record(touchEvent('pay', {}, T0), '/')
    allowed = false // consent withdrawn in another tab, which deleted the database
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction')
    const opened = vi.spyOn(indexedDB, 'open')
    await vi.runAllTimersAsync()
    await journey.save()
    journey.leave()
    expect(transactions).not.toHaveBeenCalled()
    expect(opened).not.toHaveBeenCalled()
  })

  it('forgotten on clear() even while a batch with it is on its way (a reset just after an answer)', async () => {
    const name = 'journey-test-' + Math.random()
    const store = openStore(name)
    const journey = createJourney(store, config, plan(config), () => true)
    journey.record(touchEvent('pay', {}, T0), '/')
    await journey.save()
    journey.record(touchEvent('pay', {}, T0 + 1), '/')
    // Another write of the store (the answer's pacing mark, say) takes the journey along; then the reset.
    const other = store.update('other', () => 1)
    const cleared = journey.clear()
    await other
    await cleared
    expect(journey.state()).toEqual({ v: 1, history: {}, trail: [] })
    expect(await openStore(name).get(JOURNEY_KEY)).toBeUndefined()
  })

  it('on leaving the page, writes what it recorded at once, even while a batch is on its way', async () => {
    const name = 'journey-test-' + Math.random()
    const store = openStore(name)
    const journey = createJourney(store, config, plan(config), () => true)
    await journey.load()
    journey.record(touchEvent('pay', {}, T0), '/')
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction')
    const saving = journey.save() // its read-modify-write may be the one a closing page cuts off
    journey.leave()
    await saving
    await expect.poll(() => readwrites(transactions)).toBe(2)
    expect((await openStore(name).get<any>(JOURNEY_KEY))!.trail).toHaveLength(1)
  })
})
