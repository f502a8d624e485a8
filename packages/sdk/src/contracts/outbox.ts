import type { Delivery } from '../pure/config/delivery'
import type { Store } from '../shared/store'
import type { UserTransport } from '../shared/transport'
import type { Chunk } from './chunks'
import type { Stored, WireRecord } from './record'

/** The outbox bounds: at most `max` records, none older than `maxAge` ms. */
export interface Bounds {
  max: number
  maxAge: number
}

/** What the sender tells the core, which turns it into lifecycle events. */
export interface OutboxEvents {
  sent(records: WireRecord[]): void
  /** Dropped for good: refused by the endpoint (its status), or evicted by the bounds (status 0). */
  failed(records: WireRecord[], status: number, reason: 'refused' | 'evicted'): void
}

/** What the core hands the lazily loaded sender (`dist/hetki-delivery.js`). */
export interface SenderOptions {
  endpoint: string
  delivery: Delivery
  /** The host's own transport, if it gave one; it replaces the POST and the beacon. */
  custom?: UserTransport
  events: OutboxEvents
  /** The consent gate: while it says no, nothing is sent. */
  allowed(): boolean
  /** Overrides the bounds derived from `delivery` (tests). */
  bounds?: Bounds
}

/** The sending half of the outbox: reads the store, sends, retries, evicts, beacons. */
export interface Sender {
  /**
   * A record this page is storing: remember it for the beacon at once, and once `written` (its
   * IndexedDB write) resolves, send it (a prompt's "shown" a little later, with the prompt's next
   * record if it comes soon).
   */
  add(stored: Stored, written: Promise<unknown>): Promise<void>
  /** Sends everything pending, oldest first, one flusher per origin where Web Locks exist. */
  flush(): Promise<void>
  /** The page hides or unloads: beacon what is pending, synchronously. */
  hide(): void
  /** The page is visible again (or back online): a later hide may beacon again; retry now. */
  show(): void
  /** Consent withdrawn: forget what is pending, stop retrying. */
  stop(): void
}

/** `dist/hetki-delivery.js` exports this. */
export interface SenderModule extends Chunk {
  createSender(store: Store, options: SenderOptions): Sender
}
