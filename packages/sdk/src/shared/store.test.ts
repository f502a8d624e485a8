import { afterEach, describe, expect, it, vi } from 'vitest'
import { setDebug } from './log'
import { openStore, type Rider } from './store'

let n = 0
const fresh = () => 'store-test-' + n++

afterEach(() => {
  vi.restoreAllMocks()
  setDebug(false)
})

/** Makes IndexedDB refuse to open, as private modes and blocked site data do. */
function blockIndexedDB() {
  vi.spyOn(indexedDB, 'open').mockImplementation(() => {
    throw new DOMException('The user denied permission to access the database.', 'SecurityError')
  })
}

describe('the key-value store', () => {
  it('keeps values in IndexedDB, where another store on the same database sees them', async () => {
    const name = fresh()
    await openStore(name).set('k', { a: 1 })
    expect(await openStore(name).get('k')).toEqual({ a: 1 })
    expect(await openStore(name).values()).toEqual([{ a: 1 }])
  })

  it('updates atomically: concurrent updates from two tabs lose nothing', async () => {
    const name = fresh()
    const tabs = [openStore(name), openStore(name)]
    await Promise.all(Array.from({ length: 40 }, (_, i) => tabs[i % 2]!.update<number>('count', (c) => (c || 0) + 1)))
    expect(await openStore(name).get('count')).toBe(40)
  })

  it('resolves an update to the value written', async () => {
    const store = openStore(fresh())
    await store.set('k', 1)
    expect(await store.update<number>('k', (c) => c! + 1)).toBe(2)
  })

  it('deletes a key an update turns to undefined, keeps the others, and clears only its own database', async () => {
    const name = fresh()
    const other = openStore(fresh())
    await other.set('x', 1)
    const store = openStore(name)
    await store.set('a', 1)
    await store.set('b', 2)
    await store.update<number | undefined>('a', (v) => (v === 1 ? v : undefined))
    await store.update<number | undefined>('b', (v) => (v === 1 ? v : undefined))
    expect(await store.values()).toEqual([1])
    expect(await openStore(name).get('b')).toBeUndefined()
    await store.clear()
    expect(await store.values()).toEqual([])
    expect(await other.get('x')).toBe(1)
  })

  it('carries on in memory when IndexedDB cannot be opened, and says so in debug output', async () => {
    setDebug(true)
    const said = vi.spyOn(console, 'debug').mockImplementation(() => {})
    blockIndexedDB()
    const store = openStore(fresh())
    await store.set('k', 1)
    expect(await store.update<number>('k', (c) => c! + 1)).toBe(2)
    expect(await store.get('k')).toBe(2)
    expect(await store.values()).toEqual([2])
    expect(said.mock.calls.some((args) => String(args[1]).startsWith('IndexedDB unavailable'))).toBe(true)
  })

  it('carries on in memory when a write fails, e.g. over quota', async () => {
    const store = openStore(fresh())
    await store.set('k', 1)
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('over quota', 'QuotaExceededError')
    })
    expect(await store.update<number>('k', (c) => (c || 0) + 10)).toBe(11)
    expect(await store.get('k')).toBe(11)
  })

  it('never throws nor rejects when IndexedDB is missing altogether', async () => {
    vi.stubGlobal('indexedDB', undefined)
    try {
      const store = openStore(fresh())
      await expect(store.set('k', 1)).resolves.toBeUndefined()
      await expect(store.get('k')).resolves.toBe(1)
      await expect(store.clear()).resolves.toBeUndefined()
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('leaving the page aborts what still waits for a callback, answers from memory, and uses IndexedDB again once back', async () => {
    const name = fresh()
    const store = openStore(name)
    await store.set('k', 1)
    // A change whose read is in flight when the page is left (WebKit would freeze it there, holding
    // the object store for every other page), and one started while leaving.
    const inFlight = store.update<number>('k', (c) => (c || 0) + 1)
    await null
    await null
    dispatchEvent(new Event('pagehide'))
    const meanwhile = store.update<number>('k', (c) => (c || 0) + 10)
    expect(await inFlight).toBe(2)
    expect(await meanwhile).toBe(12)
    // Memory answered: neither change reached IndexedDB, and nothing holds the store.
    expect(await openStore(name).get('k')).toBe(1)
    // A write in one request, committed at once, still goes while leaving.
    await store.set('j', 'left')
    expect(await openStore(name).get('j')).toBe('left')
    // Back from the back/forward cache: not a broken IndexedDB, the store uses it again.
    dispatchEvent(new Event('pageshow'))
    expect(await store.update<number>('k', (c) => (c || 0) + 100)).toBe(101)
    expect(await openStore(name).get('k')).toBe(101)
  })

  it('writes the riders with its next transaction, or by their deadline, in one transaction', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const name = fresh()
      const store = openStore(name)
      await store.set('seen', 0)
      let n = 0
      const count: Rider = () => ['count', (c: number | undefined) => (c || 0) + ++n]
      const nothing: Rider = () => false
      const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction')
      store.later(count, 60_000)
      store.later(count, 60_000) // asked twice: written once
      store.later(nothing, 60_000)
      expect(await store.update<number>('seen', (c) => c! + 1)).toBe(1)
      expect(transactions.mock.calls.map((c) => c[1])).toEqual(['readwrite'])
      expect(await openStore(name).get('count')).toBe(1)
      // Nothing comes: the deadline writes it.
      store.later(count, 60_000)
      await vi.advanceTimersByTimeAsync(60_000)
      await expect.poll(() => openStore(name).get('count')).toBe(3)
      // A flush with nothing waiting is no transaction at all.
      transactions.mockClear()
      store.later(nothing, 60_000)
      await store.flush()
      expect(transactions).not.toHaveBeenCalled()
    } finally {
      vi.useRealTimers()
    }
  })

  it('writes the riders into memory when IndexedDB cannot be opened', async () => {
    blockIndexedDB()
    const store = openStore(fresh())
    store.later(() => ['k', () => 'v'], 60_000)
    await store.flush()
    expect(await store.get('k')).toBe('v')
  })
})
