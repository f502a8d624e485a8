/**
 * The outbox's decisions, pure: which statuses to retry, how long to wait, what to evict and how
 * to cut batches. No I/O and no clock of their own; the outbox passes `now` and `random` in.
 */
import type { Bounds } from '../contracts/outbox'
import type { Stored, WireRecord } from '../contracts/record'

const BASE_DELAY_MS = 1_000
const MAX_DELAY_MS = 5 * 60_000
/** A server asking for more than an hour is capped: answers should not wait a day for a typo. */
const MAX_RETRY_AFTER_MS = 60 * 60_000
/** Keepalive requests share a 64 KiB in-flight budget per page (sendBeacon too); stay under it. */
export const BUDGET_BYTES = 60_000
const BATCH_RECORDS = 20
/**
 * How long a prompt's "shown" record waits for the prompt's first answer or its dismissal, to go
 * in one request with it, before it goes alone (to the endpoint only: a user transport cannot be
 * beaconed when the page goes, so it gets the record at once). Most one-question prompts are
 * answered or closed sooner; an owner's live view shows the impression at most this much later.
 */
export const SHOWN_WAIT_MS = 10_000

/** Statuses worth retrying: no answer, timeout, rate limit, server errors. Other 4xx never succeed. */
export const retryable = (status: number): boolean => status === 0 || status === 408 || status === 429 || status >= 500

/** Full jitter (a random delay up to a capped exponential), so many clients never retry in step. */
export const backoff = (attempt: number, random: () => number = Math.random): number => random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt)

/**
 * Milliseconds a `Retry-After` header asks to wait (delta-seconds or an HTTP date), capped;
 * undefined when absent or unreadable.
 */
export const retryAfter = (header: string | null | undefined, now: number): number | undefined => {
  if (!header) return
  const ms = /^\s*\d+\s*$/.test(header) ? +header * 1000 : Date.parse(header) - now
  // Byte trick: ms === ms is false only for NaN (an unreadable date), shorter than Number.isNaN.
  if (ms === ms) return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms))
}

export const DEFAULT_BOUNDS: Bounds = { max: 100, maxAge: 7 * 864e5 }

/**
 * Orders stored records oldest first (a prompt's shown record and its answers have the same time:
 * then in the order written), and splits off those the bounds evict.
 */
export function bound(all: Stored[], { max, maxAge }: Bounds, now: number): { keep: Stored[]; evict: Stored[] } {
  const sorted = all.slice().sort((a, b) => a.t - b.t || a.rev - b.rev)
  const out = (s: Stored, i: number) => i < sorted.length - max || now - s.t > maxAge
  return { keep: sorted.filter((s, i) => !out(s, i)), evict: sorted.filter(out) }
}

/** UTF-8 bytes, which is what the keepalive budget counts (a string's length counts UTF-16 units). */
export const bytesOf = (text: string): number => new Blob([text]).size

/**
 * Cuts records into batches of at most 20 records and `budget` bytes of JSON, in order. A record
 * larger than the budget travels alone (the transport then sends it without keepalive); one that
 * cannot be JSON at all is left out.
 */
export function batches<T extends { record: WireRecord }>(items: T[], budget = BUDGET_BYTES): T[][] {
  const out: T[][] = []
  let current: T[] = []
  let bytes = 0
  for (const item of items) {
    let size: number
    try {
      size = bytesOf(JSON.stringify(item.record)) + 1
    } catch {
      // Not JSON (a cyclic or BigInt value in trail props): held back, so it cannot block the
      // others; the age bound evicts it, counted, in the end.
      continue
    }
    if (current.length && (current.length === BATCH_RECORDS || bytes + size > budget)) {
      out.push(current)
      current = []
      bytes = 0
    }
    current.push(item)
    bytes += size
  }
  if (current.length) out.push(current)
  return out
}
