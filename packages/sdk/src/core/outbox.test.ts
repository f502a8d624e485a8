// The outbox, core half and sender together, on fake-indexeddb: what a backend and a host see.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openStore, type Store } from '../shared/store'
import type { Answer } from '../shared/transport'
import type { OutboxEvents, SenderOptions } from '../contracts/outbox'
import { createOutbox } from './outbox'
import type { Envelope, MomentRecord, ResponseRecord, Stored } from '../contracts/record'
import * as senderModule from '../sender'
import { SHOWN_WAIT_MS } from '../sender/policy'

let db = 0
const freshStore = () => openStore('outbox-test-' + db++)

const response = (id: string, over: Partial<ResponseRecord> = {}): ResponseRecord => ({
  id,
  kind: 'response',
  surveyId: 'csat',
  responseId: id,
  lang: 'en',
  path: '/',
  trail: [],
  answers: { q1: 4 },
  completed: true,
  startedAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
  ...over,
})

const shown = (id: string, responseId: string): MomentRecord => ({
  id,
  kind: 'shown',
  surveyId: 'csat',
  responseId,
  lang: 'en',
  path: '/',
  trail: [],
  at: new Date().toISOString(),
})

/** A backend the test scripts: each send takes the next answer (then 200), and is recorded. */
function backend(...answers: (Answer | Promise<Answer>)[]) {
  const got: Envelope[] = []
  const fn = vi.fn(async (envelope: Envelope) => {
    got.push(JSON.parse(JSON.stringify(envelope)))
    return answers.length ? answers.shift() : 200
  })
  return { fn, got, ids: () => got.flatMap((e) => e.records.map((r) => r.id)) }
}

/** The configured endpoint, through the default transport: fetch stubbed to answer 200 and record what it got. */
function endpoint() {
  const got: Envelope[] = []
  const fn = vi.fn(async (_url: string, init: RequestInit) => {
    got.push(JSON.parse(init.body as string))
    return new Response('{}', { status: 200 })
  })
  vi.stubGlobal('fetch', fn)
  return { fn, got, ids: () => got.flatMap((e) => e.records.map((r) => r.id)) }
}

/** Outboxes of finished tests stop retrying, as a closed page would. */
let live = true

function setup(store: Store, custom: SenderOptions['custom'], over: Partial<SenderOptions> = {}) {
  const events = { sent: vi.fn<OutboxEvents['sent']>(), failed: vi.fn<OutboxEvents['failed']>() }
  const load = vi.fn(async () => senderModule)
  const outbox = createOutbox(store, load, { endpoint: '/collect', delivery: {}, custom, events, allowed: () => live, ...over })
  return { outbox, events, load }
}

beforeEach(() => {
  live = true
})

const pendingIds = async (store: Store) => (await store.values<Stored>()).filter((s) => s && s.record).map((s) => s.record.id)

afterEach(() => {
  live = false
  vi.useRealTimers()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('the outbox', () => {
  it('writes a record before sending it, and deletes it only after a 2xx', async () => {
    const store = freshStore()
    let storedWhileSending: unknown
    const server = backend()
    const { outbox, events } = setup(store, async (envelope) => {
      storedWhileSending = await store.get(envelope.records[0]!.id)
      return server.fn(envelope)
    })
    await outbox.put(response('r1'))
    await vi.waitFor(() => expect(events.sent).toHaveBeenCalledOnce())
    expect(storedWhileSending).toMatchObject({ record: { id: 'r1' } })
    expect(await pendingIds(store)).toEqual([])
    expect(server.got[0]).toMatchObject({ v: 1, records: [{ id: 'r1', answers: { q1: 4 } }] })
  })

  it('keeps a record through network errors, timeouts and 5xx, and retries it with the same id', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const store = freshStore()
    const server = backend(0, 408, 503, 200)
    const { outbox, events } = setup(store, server.fn)
    await outbox.put(response('r1'))
    for (let i = 1; i <= 3; i++) {
      await vi.waitFor(() => expect(server.fn).toHaveBeenCalledTimes(i))
      expect(await pendingIds(store)).toEqual(['r1'])
      // Full jitter keeps the i-th retry within 2^(i-1) s.
      await vi.advanceTimersByTimeAsync(2 ** (i - 1) * 1000)
    }
    await vi.waitFor(() => expect(events.sent).toHaveBeenCalledOnce())
    expect(server.ids()).toEqual(['r1', 'r1', 'r1', 'r1'])
    expect(await pendingIds(store)).toEqual([])
  })

  it('drops what the endpoint refuses with another 4xx, and reports it', async () => {
    const store = freshStore()
    const server = backend(422)
    const { outbox, events } = setup(store, server.fn)
    await outbox.put(response('bad'))
    await vi.waitFor(() => expect(events.failed).toHaveBeenCalledOnce())
    expect(events.failed.mock.calls[0]!.slice(1)).toEqual([422, 'refused'])
    expect(await pendingIds(store)).toEqual([])
    expect(server.fn).toHaveBeenCalledOnce()
  })

  it('honours Retry-After from the endpoint, even when nudged by new answers or by coming online', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const store = freshStore()
    // The default transport, so the header is read from a real Response.
    const fetch = vi.fn(async () => new Response('', { status: 429, headers: { 'retry-after': '120' } }))
    vi.stubGlobal('fetch', fetch)
    const { outbox } = setup(store, undefined)
    await outbox.put(response('r1'))
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledOnce())
    fetch.mockImplementation(async () => new Response('{}', { status: 200 }))
    await outbox.put(response('r2'))
    outbox.show()
    await vi.advanceTimersByTimeAsync(119_000)
    expect(fetch).toHaveBeenCalledOnce()
    await vi.advanceTimersByTimeAsync(1_000)
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2))
    await vi.waitFor(async () => expect(await pendingIds(store)).toEqual([]))
  })

  it('sends again, with the same id, what a closed page had sent but not seen acknowledged', async () => {
    const store = freshStore()
    // The first page's request never comes back: the tab was closed mid-flight.
    const first = setup(store, () => new Promise<Answer>(() => {}))
    await first.outbox.put(response('r1'))
    await vi.waitFor(() => expect(first.load).toHaveBeenCalled())
    const server = backend()
    const next = setup(store, server.fn)
    await next.outbox.resume()
    await vi.waitFor(() => expect(next.events.sent).toHaveBeenCalledOnce())
    expect(server.ids()).toEqual(['r1'])
    expect(await pendingIds(store)).toEqual([])
  })

  it('does not let the 2xx of an older send delete an answer updated meanwhile', async () => {
    const store = freshStore()
    let release!: (a: Answer) => void
    const server = backend(new Promise<Answer>((r) => (release = r)))
    const { outbox, events } = setup(store, server.fn)
    await outbox.put(response('r1', { answers: { q1: 4 }, completed: false }))
    await vi.waitFor(() => expect(server.fn).toHaveBeenCalledOnce())
    await outbox.put(response('r1', { answers: { q1: 4, q2: 'yes' }, completed: true }))
    release(200)
    await vi.waitFor(() => expect(events.sent).toHaveBeenCalledTimes(2))
    expect(server.got.map((e) => (e.records[0] as ResponseRecord).answers)).toEqual([{ q1: 4 }, { q1: 4, q2: 'yes' }])
    expect(await pendingIds(store)).toEqual([])
  })

  it('sends many records in ordered batches of at most 20', async () => {
    const store = freshStore()
    for (let i = 0; i < 45; i++) {
      const r = response('r' + String(i).padStart(2, '0'), { startedAt: new Date(Date.now() - 1000 + i).toISOString() })
      await store.set(r.id, { rev: 1, t: Date.parse(r.startedAt), record: r } satisfies Stored)
    }
    const server = backend()
    const { outbox, events } = setup(store, server.fn)
    await outbox.resume()
    await vi.waitFor(() => expect(events.sent).toHaveBeenCalledTimes(3))
    expect(server.got.map((e) => e.records.length)).toEqual([20, 20, 5])
    expect(server.ids()).toEqual([...server.ids()].sort())
  })

  it("sends a prompt's shown record with its answer, in one request, one read and one delete", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const store = freshStore()
    const server = endpoint()
    const { outbox, events } = setup(store, undefined)
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction')
    await outbox.put(shown('s1', 'r1'))
    // The customer takes a few seconds to answer: the shown record waits for the answer.
    await vi.advanceTimersByTimeAsync(SHOWN_WAIT_MS - 1000)
    expect(server.fn).not.toHaveBeenCalled()
    await outbox.put(response('r1'))
    await vi.waitFor(() => expect(events.sent).toHaveBeenCalledOnce())
    expect(server.got.map((e) => e.records.map((r) => r.id))).toEqual([['s1', 'r1']])
    // Two puts, the sender's read, and one delete for both records (fake-indexeddb's creation of the
    // database is a versionchange transaction of its own).
    const modes = transactions.mock.calls.map((c) => c[1] || 'readonly').filter((m) => m !== 'versionchange')
    expect(modes).toEqual(['readwrite', 'readwrite', 'readonly', 'readwrite'])
    expect(await pendingIds(store)).toEqual([])
  })

  it('sends a shown record alone when no answer follows soon', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const store = freshStore()
    const server = endpoint()
    const { outbox, events } = setup(store, undefined)
    await outbox.put(response('r0'))
    await vi.waitFor(() => expect(events.sent).toHaveBeenCalledOnce())
    await outbox.put(shown('s1', 'r1'))
    await vi.advanceTimersByTimeAsync(SHOWN_WAIT_MS - 1)
    expect(server.ids()).toEqual(['r0'])
    await vi.advanceTimersByTimeAsync(1)
    await vi.waitFor(() => expect(server.ids()).toEqual(['r0', 's1']))
    await vi.waitFor(async () => expect(await pendingIds(store)).toEqual([]))
  })

  it('sends a shown record at once through a user transport, which the page cannot beacon when it goes', async () => {
    const store = freshStore()
    const server = backend()
    const { outbox, events } = setup(store, server.fn)
    await outbox.put(shown('s1', 'r1'))
    await vi.waitFor(() => expect(events.sent).toHaveBeenCalledOnce())
    expect(server.ids()).toEqual(['s1'])
  })
})

describe('outbox bounds', () => {
  it('evicts the oldest beyond maxRecords, reports each eviction, and tells the backend how many', async () => {
    const store = freshStore()
    const server = backend()
    server.fn.mockImplementation(async () => 0) // offline
    const { outbox, events } = setup(store, server.fn, { delivery: { maxRecords: 3 } })
    for (let i = 1; i <= 5; i++) await outbox.put(response('r' + i, { startedAt: new Date(Date.now() + i).toISOString() }))
    await vi.waitFor(async () => expect((await pendingIds(store)).sort()).toEqual(['r3', 'r4', 'r5']))
    const evicted = events.failed.mock.calls.filter(([, , reason]) => reason === 'evicted').flatMap(([records]) => records.map((r) => r.id))
    expect(evicted.sort()).toEqual(['r1', 'r2'])

    // Back online: the next envelope carries the count once, then it is reset.
    server.fn.mockImplementation(async (envelope) => (server.got.push(JSON.parse(JSON.stringify(envelope))), 200))
    outbox.show()
    await vi.waitFor(async () => expect(await pendingIds(store)).toEqual([]))
    expect(server.got.at(-1)).toMatchObject({ dropped: 2 })
    await outbox.put(response('r6'))
    await vi.waitFor(() => expect(server.ids()).toContain('r6'))
    expect(server.got.at(-1)!.dropped).toBeUndefined()
  })

  it('evicts records older than maxAgeDays when a page starts', async () => {
    const store = freshStore()
    const old = response('old', { startedAt: new Date(Date.now() - 8 * 864e5).toISOString() })
    const recent = response('recent', { startedAt: new Date(Date.now() - 6 * 864e5).toISOString() })
    for (const r of [old, recent]) await store.set(r.id, { rev: 1, t: Date.parse(r.startedAt), record: r } satisfies Stored)
    const server = backend()
    const { outbox, events } = setup(store, server.fn)
    await outbox.resume()
    await vi.waitFor(() => expect(events.sent).toHaveBeenCalledOnce())
    expect(server.ids()).toEqual(['recent'])
    expect(events.failed).toHaveBeenCalledWith([old], 0, 'evicted')
  })
})

/** fetch fails (offline); sendBeacon accepts and is recorded. */
function offlineWithBeacon() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Promise.reject(new TypeError('offline'))),
  )
  const beacon = vi.fn((_url: string, _body: string) => true)
  Object.defineProperty(navigator, 'sendBeacon', { value: beacon, configurable: true })
  return beacon
}

describe('the page hiding', () => {
  it('beacons the newest revision of an answer, even when a send read the outbox before it was written', async () => {
    const base = freshStore()
    // The sender's read of the outbox held until the test lets it go, as a slow IndexedDB would.
    let release: (() => void) | undefined
    const store: Store = {
      ...base,
      values: async <T>() => {
        const read = await base.values<T>()
        await new Promise<void>((r) => (release = r))
        return read
      },
    }
    const beacon = offlineWithBeacon()
    const { outbox } = setup(store, undefined)
    await outbox.put(response('r1', { answers: { q1: 4 }, completed: false }))
    // The send of the first revision has read the outbox; its answer is still on its way.
    await vi.waitFor(() => expect(release).toBeDefined())
    const stale = release!
    await outbox.put(response('r1', { answers: { q1: 4, q2: 'yes' }, completed: true }))
    await new Promise((r) => setTimeout(r, 0))
    stale()
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled())
    outbox.hide()
    expect(JSON.parse(beacon.mock.calls[0]![1]).records).toEqual([expect.objectContaining({ id: 'r1', completed: true, answers: { q1: 4, q2: 'yes' } })])
    release?.()
  })

  it('beacons the last answer when the page goes while IndexedDB is still writing it', async () => {
    const base = freshStore()
    // The write of the completed answer held, as a slow IndexedDB would hold it.
    let release: (() => void) | undefined
    let slow = false
    const store: Store = {
      ...base,
      set: async (key, value) => {
        if (slow) await new Promise<void>((r) => (release = r))
        return base.set(key, value)
      },
    }
    const beacon = offlineWithBeacon()
    const { outbox } = setup(store, undefined)
    await outbox.put(response('r1', { answers: { q1: 4 }, completed: false }))
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled())
    slow = true
    const written = outbox.put(response('r1', { answers: { q1: 4, q2: 'yes' }, completed: true }))
    await vi.waitFor(() => expect(release).toBeDefined())
    // The page goes: its hide event is a task of its own, after the put's microtasks.
    await new Promise((r) => setTimeout(r, 0))
    outbox.hide()
    expect(JSON.parse(beacon.mock.calls[0]![1]).records).toEqual([expect.objectContaining({ id: 'r1', completed: true, answers: { q1: 4, q2: 'yes' } })])
    release!()
    await written
    // Stored all the same, for a fetch on a later page.
    expect((await base.get<Stored>('r1'))?.record).toMatchObject({ completed: true })
  })

  it('beacons a shown record still waiting for its answer', async () => {
    const store = freshStore()
    const beacon = offlineWithBeacon()
    // The failed first send's retry after its longest jitter (1 s), not within the few ms this test
    // takes: a retry sending the shown record too would be right, but not what this test looks at.
    vi.spyOn(Math, 'random').mockReturnValue(0.999)
    const { outbox } = setup(store, undefined)
    await outbox.put(response('r0'))
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled())
    await outbox.put(shown('s1', 'r1'))
    outbox.hide()
    expect(JSON.parse(beacon.mock.calls[0]![1]).records.map((r: { id: string }) => r.id)).toEqual(['r0', 's1'])
    expect(vi.mocked(fetch)).toHaveBeenCalledOnce()
  })

  it('beacons what is pending once per hide, as text, and keeps it stored until a fetch is acknowledged', async () => {
    const store = freshStore()
    const beacon = offlineWithBeacon()
    const { outbox } = setup(store, undefined)
    await outbox.put(response('r1'))
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled())
    outbox.hide()
    outbox.hide()
    expect(beacon).toHaveBeenCalledOnce()
    const [url, body] = beacon.mock.calls[0]!
    expect(url).toBe('/collect')
    expect(typeof body).toBe('string')
    expect(JSON.parse(body)).toMatchObject({ v: 1, records: [{ id: 'r1' }] })
    expect(await pendingIds(store)).toEqual(['r1'])
    // Visible again, then hidden again: a new beacon.
    outbox.show()
    await new Promise((r) => setTimeout(r, 0))
    outbox.hide()
    expect(beacon).toHaveBeenCalledTimes(2)
    // Let the retry that becoming visible started reach the (stubbed, offline) network before the test
    // ends; the jittered backoff retry of the first failure may have fired too, so at least two.
    await vi.waitFor(() => expect(vi.mocked(fetch).mock.calls.length).toBeGreaterThanOrEqual(2))
  })
})

describe('consent', () => {
  it('stores and sends nothing while consent is required and not given, and does not even load the sender', async () => {
    const store = freshStore()
    const server = backend()
    const { outbox, load } = setup(store, server.fn, { allowed: () => false })
    await outbox.put(response('r1'))
    await outbox.resume()
    outbox.show()
    expect(await pendingIds(store)).toEqual([])
    expect(load).not.toHaveBeenCalled()
    expect(server.fn).not.toHaveBeenCalled()
  })

  it('forgets what is stored when consent is withdrawn, and stops retrying it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const store = freshStore()
    let allowed = true
    const server = backend(503)
    const { outbox } = setup(store, server.fn, { allowed: () => allowed })
    await outbox.put(response('r1'))
    await vi.waitFor(() => expect(server.fn).toHaveBeenCalledOnce())
    allowed = false
    await outbox.clear()
    expect(await store.values()).toEqual([])
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(server.fn).toHaveBeenCalledOnce()
  })

  it('starts the sender on page load only when earlier pages left something to send', async () => {
    const store = freshStore()
    const empty = setup(store, backend().fn)
    await empty.outbox.resume()
    expect(empty.load).not.toHaveBeenCalled()
  })
})
