import { debug } from '../debug/log'
import { settle } from '../debug/guard'
import type { Store } from '../storage/store'
import type { Transport } from '../transport/fetch'
import type { ResponseRecord, Stored } from './record'

export interface OutboxEvents {
  sent(records: ResponseRecord[]): void
  failed(records: ResponseRecord[], status: number): void
}

const BATCH = 20
const BASE_DELAY_MS = 1_000
const MAX_DELAY_MS = 5 * 60_000

/** Statuses worth retrying: no answer, timeout, rate limit, server errors. Other 4xx never succeed. */
export const retryable = (status: number): boolean =>
  status == 0 || status == 408 || status == 429 || status >= 500

/** Full jitter (a random delay up to a capped exponential), so many clients never retry in step. */
export const backoff = (attempt: number, random = Math.random): number =>
  random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt)

/**
 * The outbox stage: a record is written to storage before any send and deleted only after a 2xx.
 * A failed send stays stored and is retried later (backoff, `online`, next page load).
 */
export function createOutbox(store: Store, transport: Transport, events: OutboxEvents) {
  let rev = 0
  let flushing = false
  let again = false
  let attempt = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  const flush = async (): Promise<void> => {
    if (flushing) return void (again = true)
    flushing = true
    clearTimeout(timer)
    try {
      do {
        again = false
        const all = (await store.entries<Stored>())
          .filter(([, s]) => s && s.record)
          .sort(([, a], [, b]) => (a.record.startedAt < b.record.startedAt ? -1 : 1))
        for (let i = 0; i < all.length; i += BATCH) {
          const batch = all.slice(i, i + BATCH).map(([, s]) => s)
          const records = batch.map((s) => s.record)
          const status = await transport({ v: 1, sentAt: new Date().toISOString(), records })
          if (status >= 200 && status < 300) {
            attempt = 0
            for (const s of batch) await store.delUnless<Stored>(s.record.id, (cur) => !!cur && cur.rev !== s.rev)
            events.sent(records)
          } else if (retryable(status)) {
            const delay = backoff(attempt++)
            debug('send failed with status', status, '- retrying in', Math.round(delay), 'ms')
            timer = setTimeout(() => settle(flush()), delay)
            return
          } else {
            debug('the endpoint refused', records.length, 'record(s) with status', status, '- dropping them')
            for (const s of batch) await store.delUnless<Stored>(s.record.id, (cur) => !!cur && cur.rev !== s.rev)
            events.failed(records, status)
          }
        }
      } while (again)
    } finally {
      flushing = false
    }
  }

  return {
    /** Stores (or updates, by id) a record, then tries to send everything pending. */
    async put(record: ResponseRecord): Promise<void> {
      // Revisions must differ across page loads too, or a stale in-flight 2xx could delete a newer write.
      await store.set(record.id, { rev: Date.now() * 1000 + (rev++ % 1000), record } satisfies Stored)
      await flush()
    },
    flush,
  }
}

export type Outbox = ReturnType<typeof createOutbox>
