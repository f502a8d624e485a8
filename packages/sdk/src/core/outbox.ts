import { settle } from '../shared/guard'
import { debug } from '../shared/log'
import type { Store } from '../shared/store'
import type { Sender, SenderModule, SenderOptions } from '../contracts/outbox'
import type { Stored, WireRecord } from '../contracts/record'

/**
 * The outbox as every page carries it: a record is written to IndexedDB before anything else
 * happens, and the sender (`dist/hetki-delivery.js`) is imported only when there is something to
 * send. What it cannot send now stays stored for the next nudge or page load.
 */
export function createOutbox(store: Store, load: () => Promise<SenderModule>, options: SenderOptions) {
  let rev = 0
  let loading: Promise<Sender> | undefined
  /** The sender once loaded, for the synchronous page-hide path. */
  let live: Sender | undefined

  const sender = (): Promise<Sender> =>
    (loading ||= load().then(
      (m) => (live = m.createSender(store, options)),
      (e: unknown) => {
        // Offline or blocked: the records are safe in storage; a later nudge tries the import again.
        loading = undefined
        throw e
      },
    ))

  const send = (fn: (s: Sender) => unknown) => options.allowed() && settle(sender().then(fn, (e) => debug('sender not loaded', e)))

  /** Has the sender send what earlier pages left behind, if anything: it loads only then. */
  const resume = async () => {
    if (options.allowed() && (await store.values<Stored>()).some((s) => s?.record)) send((s) => s.flush())
  }

  return {
    /** Stores (or updates, by id) a record, then has it sent. */
    async put(record: WireRecord): Promise<void> {
      if (!options.allowed()) return
      // Revisions must differ across page loads too, or a stale in-flight 2xx could delete a newer write.
      const stored: Stored = {
        rev: Date.now() * 1000 + (rev++ % 1000),
        t: Date.parse((record as { startedAt?: string }).startedAt || (record as { at: string }).at),
        record,
      }
      // The sender hears of it while it is still being written, so that a page left meanwhile
      // beacons this version, not the one before it (test in core/outbox.test.ts).
      const written = store.set(record.id, stored)
      send((s) => s.add(stored, written))
      await written
    },
    resume,
    /** Back online or visible again: retry, without loading the sender for nothing. */
    show: () => (live ? send((s) => s.show()) : settle(resume())),
    /** Hiding or unloading: nothing can be loaded any more, so only a live sender can beacon. */
    hide: () => live?.hide(),
    /** Forgets everything stored (consent withdrawn). */
    clear(): Promise<unknown> {
      live?.stop()
      return store.clear()
    },
  }
}

export type Outbox = ReturnType<typeof createOutbox>
