import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openStore } from '../shared/store'
import { allowed } from '../pure/pacing/allowed'
import { BATCH_MS, createBook } from './book'
import { mark, PACING_KEY, type PacingState } from '../pure/pacing/state'

let n = 0
const database = () => 'book-test-' + n++
const T0 = Date.UTC(2026, 11, 1, 9)
const survey = { id: 'nps', questions: [] }
const readwrites = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.filter((c) => c[1] === 'readwrite').length

// Each test is its own site: the real BroadcastChannel, under a name of its own, so that the
// tabs of one test never hear those of another (browsers keep sites apart by origin).
const RealChannel = BroadcastChannel
let site = 0
beforeEach(() => {
  site++
  vi.stubGlobal(
    'BroadcastChannel',
    class extends RealChannel {
      constructor(name: string) {
        super(name + '#' + site)
      }
    },
  )
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

/** The book of a tab: modules of its own, so a channel of its own (the parts of a page share one). */
const aTab = async (): Promise<typeof createBook> => {
  vi.resetModules()
  return (await import('./book')).createBook
}

/** Lets IndexedDB work through its queued steps (fake-indexeddb runs them on setImmediate). */
const settleStorage = async () => {
  for (let i = 0; i < 30; i++) await new Promise((r) => setImmediate(r))
}

describe('the pacing book of a tab', () => {
  it('loads the stored state, migrating version 1, and mints a sampling id that survives a reload', async () => {
    const name = database()
    await openStore(name).set(PACING_KEY, { v: 1, surveys: { nps: { shown: T0 } } })
    const page = createBook(openStore(name), {}, () => true)
    await page.write()
    expect(page.state()).toMatchObject({ v: 2, surveys: { nps: { shown: T0, responses: 0 } }, shows: [T0] })
    const stored = await openStore(name).get<PacingState>(PACING_KEY)
    expect(stored).toMatchObject({ v: 2, samplingId: page.state().samplingId })

    const reloaded = createBook(openStore(name), {}, () => true)
    await reloaded.write()
    expect(reloaded.state().samplingId).toBe(page.state().samplingId)
    expect(allowed(survey, reloaded.state(), T0 + 1).pass).toBe(false)
  })

  it('starts a page with one read: a readwrite transaction only on the first visit or to migrate version 1', async () => {
    const name = database()
    const modes = vi.spyOn(IDBDatabase.prototype, 'transaction')
    const seen = () => modes.mock.calls.map((c) => c[1] || 'readonly').filter((m) => m !== 'versionchange')
    const first = createBook(openStore(name), {}, () => true)
    await first.load()
    expect(seen()).toEqual(['readonly', 'readwrite'])
    modes.mockClear()
    const next = createBook(openStore(name), {}, () => true)
    await next.load()
    expect(seen()).toEqual(['readonly'])
    expect(next.state().samplingId).toBe(first.state().samplingId)

    const old = database()
    await openStore(old).set(PACING_KEY, { v: 1, surveys: { nps: { shown: T0 } } })
    modes.mockClear()
    const migrated = createBook(openStore(old), {}, () => true)
    await migrated.load()
    expect(seen()).toEqual(['readonly', 'readwrite'])
    expect(await openStore(old).get(PACING_KEY)).toMatchObject({ v: 2, shows: [T0], samplingId: migrated.state().samplingId })
  })

  it('writes a burst of 1,000 events in one transaction, not one per event', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const name = database()
    const book = createBook(openStore(name), {}, () => true)
    await book.write()
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction')
    for (let i = 0; i < 1000; i++) book.touch(T0 + i * 100)
    expect(transactions).not.toHaveBeenCalled()
    vi.advanceTimersByTime(BATCH_MS)
    await expect.poll(() => readwrites(transactions)).toBe(1)
    const stored = await openStore(name).get<PacingState>(PACING_KEY)
    expect(stored).toMatchObject({ start: T0, last: T0 + 999 * 100 })
    expect(transactions).toHaveBeenCalledTimes(2) // the write, and the read just above
  })

  it('writes session activity alone at most every few minutes while the session goes on', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: T0 })
    const book = createBook(openStore(database()), {}, () => true)
    await book.write()
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction')
    // One event every 10 seconds for an hour: 360 events.
    for (let i = 0; i < 360; i++) {
      book.touch(Date.now())
      vi.advanceTimersByTime(10_000)
      await settleStorage()
    }
    // The first event starts a session (one write), then one write per 10 minutes of activity.
    expect(readwrites(transactions)).toBe(1 + 5)
  })

  it('does not write again for events that arrive while a write is on its way', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const book = createBook(openStore(database()), {}, () => true)
    await book.write()
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction')
    book.touch(T0)
    book.touch(T0 + 10 * 6e4)
    vi.advanceTimersByTime(BATCH_MS) // the write starts, and is not done yet
    book.touch(T0 + 10 * 6e4 + 1000)
    book.touch(T0 + 10 * 6e4 + 2000)
    await settleStorage()
    vi.advanceTimersByTime(BATCH_MS)
    await settleStorage()
    expect(readwrites(transactions)).toBe(1)
  })

  it('writes unsaved activity with the next flush of its store, as when the page hides', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const name = database()
    const store = openStore(name)
    const book = createBook(store, {}, () => true)
    book.touch(T0)
    await book.write() // the new session is stored
    book.touch(T0 + 60_000) // activity alone: it waits for a batch
    expect((await openStore(name).get<PacingState>(PACING_KEY))?.last).toBe(T0)
    // What the runtime does when the page is hidden (journey.save flushes the store).
    await store.flush()
    expect((await openStore(name).get<PacingState>(PACING_KEY))?.last).toBe(T0 + 60_000)
  })

  it('hears another tab at once: what one tab writes, the other knows without reading storage', async () => {
    const name = database()
    const a = (await aTab())(openStore(name), {}, () => true)
    const b = (await aTab())(openStore(name), {}, () => true)
    await a.write()
    await b.write()
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction')
    await a.write((s) => mark(s, 'nps', 'answered', T0))
    await expect.poll(() => b.state().surveys.nps?.answered).toBe(T0)
    expect(transactions).toHaveBeenCalledTimes(1)
  })

  it('ignores messages that are not pacing states of this version', async () => {
    const a = (await aTab())(openStore(database()), {}, () => true)
    await a.write((s) => mark(s, 'nps', 'shown', T0))
    const channel = new BroadcastChannel('hetki-pacing') // the stub adds this test's site
    channel.postMessage({ v: 3, surveys: {} })
    channel.postMessage('hello')
    channel.postMessage(null)
    await new Promise((r) => setTimeout(r, 50))
    channel.close()
    expect(a.state().surveys.nps?.shown).toBe(T0)
  })

  it('forgets everything on reset(), the sampling id too, in every tab', async () => {
    const name = database()
    const a = (await aTab())(openStore(name), {}, () => true)
    const b = (await aTab())(openStore(name), {}, () => true)
    await a.write((s) => mark(s, 'nps', 'shown', T0))
    await b.write()
    const before = b.state().samplingId
    expect(b.state().shows).toEqual([T0])
    await a.reset()
    expect(a.state().samplingId).not.toBe(before)
    await expect.poll(() => b.state().samplingId).toBe(a.state().samplingId)
    expect(b.state()).toMatchObject({ surveys: {}, shows: [] })
    expect(await openStore(name).get<PacingState>(PACING_KEY)).toMatchObject({ samplingId: a.state().samplingId, shows: [] })
  })

  it('a reset made while session activity rides in another transaction: the reset holds in memory too', async () => {
    const name = database()
    const store = openStore(name)
    const book = createBook(store, {}, () => true)
    await book.write((s) => mark(s, 'nps', 'shown', T0))
    book.touch(T0 + 60_000) // activity alone: it waits for a transaction
    // Another write of the store (the journey cleared by the reset, say) takes it along, then the reset.
    const other = store.update('other', () => 1)
    const reset = book.reset()
    await other
    expect(book.state().surveys).toEqual({})
    await reset
    expect(book.state().surveys).toEqual({})
    expect((await openStore(name).get<PacingState>(PACING_KEY))?.surveys).toEqual({})
  })

  it('stores nothing without consent, and still paces within the page', async () => {
    const name = database()
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction')
    const book = createBook(openStore(name), {}, () => false)
    await book.write((s) => mark(s, 'nps', 'shown', T0))
    book.touch(T0 + 1)
    expect(allowed(survey, book.state(), T0 + 2).pass).toBe(false)
    expect(transactions).not.toHaveBeenCalled()
  })

  it('with IndexedDB blocked, keeps working in memory and caps hold within the page', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError')
    })
    const book = createBook(openStore(database()), { maxPerSession: 1 }, () => true)
    await book.write()
    await book.write((s) => mark(s, 'csat', 'shown', T0))
    expect(allowed(survey, book.state(), T0 + 1000, { maxPerSession: 1 })).toMatchObject({ pass: false, why: { code: 'maxPerSession' } })
    expect(book.state().samplingId).toMatch(/^[\w-]{21}$/)
  })
})
