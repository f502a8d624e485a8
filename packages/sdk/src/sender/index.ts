/**
 * `dist/hetki-delivery.js`: the sending half of the outbox, imported by the core only when there
 * is something to send (a record was just stored, or one is left from an earlier page). Most page
 * views have nothing to send, so they never pay for retries, batching, beacons or locks. Its exports
 * are the contract `SenderModule` (contracts/outbox.ts).
 */
import { settle } from '../shared/guard'
import { debug } from '../shared/log'
import type { Store } from '../shared/store'
import { beaconTransport, fetchTransport, toWire } from './fetch'
import { userTransport } from '../shared/transport'
import type { Sender, SenderOptions } from '../contracts/outbox'
import { exclusive } from './lock'
import { backoff, batches, bound, DEFAULT_BOUNDS, retryable, SHOWN_WAIT_MS } from './policy'
import type { Envelope, Stored } from '../contracts/record'

export { setDebug } from '../shared/log'

/** The key of the eviction counter, in the outbox's own store next to the records. */
export const DROPPED = '~dropped'

/** Only `delivery` being an object is checked up front; a nonsense number falls back to the default. */
const num = (v: unknown, fallback: number) => ((v as number) > 0 ? (v as number) : fallback)

/**
 * Sends what the outbox holds. A record is deleted only after a 2xx; retryable failures (network,
 * timeout, 408, 429, 5xx) wait a capped, fully jittered backoff or the server's `Retry-After`;
 * other 4xx drop the batch and report it. Beyond the bounds the oldest records are evicted,
 * counted, and the count travels in the next envelope as `dropped`.
 */
export function createSender(store: Store, options: SenderOptions): Sender {
  const { endpoint, delivery: d, custom, events, allowed } = options
  const timeout = num(d.timeout, 10) * 1000
  const transport = custom ? userTransport(custom, timeout) : fetchTransport(endpoint, { plainText: d.plainText, timeout })
  // A user transport cannot be beaconed; its records wait in the outbox for the next flush.
  const beacon = custom ? undefined : beaconTransport(endpoint)
  const bounds = options.bounds || { max: num(d.maxRecords, DEFAULT_BOUNDS.max), maxAge: num(d.maxAgeDays, 7) * 864e5 }

  let flushing = false
  let again = false
  let beaconed = false
  let attempt = 0
  /** No send before this time: the server asked so with Retry-After. */
  let notBefore = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  /** What this page knows is pending, for the beacon, which cannot wait for IndexedDB. */
  const pending = new Map<string, Stored>()

  const envelope = (batch: Stored[], dropped?: number): Envelope => ({
    v: 1,
    sentAt: new Date().toISOString(),
    ...(dropped ? { dropped } : {}),
    records: batch.map((s) => s.record),
  })

  const count = async (delta: number) => store.set(DROPPED, ((await store.get<number>(DROPPED)) || 0) + delta)

  /**
   * Deletes records, unless one was updated (a new revision) since it was read, in one transaction:
   * each but the last rides the last one's `update` (bench/storage.mjs). Byte trick: `pop()` gives
   * the last one's promise, to wait on, without a variable for it.
   */
  const drop = (batch: Stored[]) =>
    batch
      .map((s, i) => {
        if (pending.get(s.record.id)?.rev === s.rev) pending.delete(s.record.id)
        const fn = (cur?: Stored) => (cur && cur.rev !== s.rev ? cur : undefined)
        return i < batch.length - 1 ? store.later(() => [s.record.id, fn], 0) : store.update<Stored | undefined>(s.record.id, fn)
      })
      .pop()

  const later = (delay: number) => {
    clearTimeout(timer)
    timer = setTimeout(() => settle(flush()), delay)
  }

  const pass = async (): Promise<void> => {
    do {
      again = false
      // One read for the records and the count of those dropped (the one number stored): not a
      // second transaction per batch for the count (bench/storage.mjs).
      const all = await store.values<Stored | number>()
      let dropped = (all.find((v) => typeof v === 'number') as number | undefined) || 0
      const read = all.filter((s): s is Stored => !!s && typeof s === 'object' && !!s.record)
      const { keep, evict } = bound(read, bounds, Date.now())
      if (evict.length) {
        debug('outbox over its bounds: evicting', evict.length, 'record(s)')
        await drop(evict)
        await count(evict.length)
        dropped += evict.length
        events.failed(
          evict.map((s) => s.record),
          0,
          'evicted',
        )
      }
      // Never over a newer revision handed over meanwhile (add): the read may predate its write, and
      // the beacon when the page goes sends what is pending (test in core/outbox.test.ts).
      for (const s of keep) if (!((pending.get(s.record.id)?.rev ?? 0) > s.rev)) pending.set(s.record.id, s)
      for (const batch of batches(keep)) {
        if (!allowed() || Date.now() < notBefore) return
        const [status, retryAfter] = await transport(envelope(batch, dropped))
        const records = batch.map((s) => s.record)
        if (status >= 200 && status < 300) {
          attempt = 0
          await drop(batch)
          if (dropped) {
            await count(-dropped)
            dropped = 0
          }
          events.sent(records)
        } else if (retryable(status)) {
          const delay = retryAfter ?? backoff(attempt++)
          if (retryAfter != null) notBefore = Date.now() + retryAfter
          debug('send failed with status', status, '- retrying in', Math.round(delay), 'ms')
          later(delay)
          // Records that arrived meanwhile still get a pass (bounds, and a try of their own).
          break
        } else {
          debug('the endpoint refused', records.length, 'record(s) with status', status, '- dropping them')
          await drop(batch)
          events.failed(records, status, 'refused')
        }
      }
    } while (again)
  }

  const flush = async (): Promise<void> => {
    if (!allowed()) return
    // Retry-After holds against every nudge (new answers, online, visible), not just the timer.
    if (Date.now() < notBefore) return later(notBefore - Date.now())
    if (flushing) return void (again = true)
    flushing = true
    clearTimeout(timer)
    try {
      await exclusive('hetki-outbox', pass)
    } finally {
      flushing = false
    }
  }

  return {
    async add(stored, written) {
      // Pending for the beacon before it is stored: leaving the page during the write must not
      // beacon the version before it. A flush only once it is stored, or its read could miss it.
      pending.set(stored.record.id, stored)
      beaconed = false
      await written
      // A prompt's "shown" waits a little for its first answer or its dismissal, which then carry it
      // in the same request: one send, one read and one delete instead of two each. Leaving the page
      // beacons it meanwhile; a user transport cannot be beaconed, so with one it goes at once. A
      // retry waiting is moved to then too (sooner, or by at most as long).
      return stored.record.kind !== 'shown' || !beacon ? flush() : later(SHOWN_WAIT_MS)
    },
    flush,
    hide() {
      // The page may be frozen or gone before IndexedDB or a fetch answers: beacon now, from memory.
      // Records stay stored; a later flush sends them again and the backend's upsert absorbs it.
      if (!beacon || beaconed || !allowed()) return
      beaconed = true
      for (const batch of batches([...pending.values()])) beacon(toWire(envelope(batch)))
    },
    show() {
      beaconed = false
      settle(flush())
    },
    stop() {
      clearTimeout(timer)
      pending.clear()
    },
  }
}
