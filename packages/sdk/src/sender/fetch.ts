import { BUDGET_BYTES, bytesOf, retryAfter } from './policy'
import type { Transport } from '../shared/transport'

export type { Transport } from '../shared/transport'

/** How the default transport posts. */
export interface FetchOptions {
  /** Send `text/plain` instead of `application/json`: a cross-origin POST then needs no CORS preflight. */
  plainText?: boolean
  /** Give up on a request after this many ms (then retried later). */
  timeout?: number
  /** Extra request headers (the webhook adapter); any custom header makes a cross-origin POST preflight. */
  headers?: Record<string, string>
}

/**
 * JSON.stringify as the wire needs it, whatever the page did to arrays: Prototype.js (and other old
 * libraries) give `Array.prototype` a `toJSON` that returns a string, which would send every array
 * (records, trails, multiple-choice answers) as a string the backend refuses. The replacer sees the
 * value before `toJSON` through its holder and puts the array back.
 */
export const toWire = (value: unknown): string =>
  JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
    return Array.isArray(this[key]) ? this[key] : v
  })

/** The default transport: a JSON POST to the configured endpoint; kept alive past unload when the page is hidden and it fits the budget. */
export const fetchTransport =
  (endpoint: string, { plainText, timeout = 10_000, headers }: FetchOptions = {}): Transport =>
  async (envelope) => {
    const body = toWire(envelope)
    const abort = new AbortController()
    const timer = setTimeout(() => abort.abort(), timeout)
    try {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': plainText ? 'text/plain' : 'application/json', ...headers },
        body,
        // Keepalive only while the page is hidden, i.e. when it may be unloaded mid-request. Chromium
        // does not cancel an aborted keepalive request: against a hanging collector every timed-out
        // send would pin a connection until, six later, nothing gets through (measured, see
        // docs/delivery.md). A visible page that goes away hides first, and then beacons.
        keepalive: document.visibilityState == 'hidden' && bytesOf(body) < BUDGET_BYTES,
        credentials: 'omit',
        signal: abort.signal,
      })
      return [res.status, retryAfter(res.headers.get('retry-after'), Date.now())]
    } catch {
      return [0]
    } finally {
      clearTimeout(timer)
    }
  }

/**
 * The last word when the page hides or unloads: `navigator.sendBeacon`, whose body is a string and
 * so goes as `text/plain` (no preflight). It reports only whether the browser queued the request,
 * never the answer, so beaconed records stay in the outbox and go again by fetch on a later flush;
 * the backend's upsert by id makes the second arrival harmless.
 */
export const beaconTransport =
  (endpoint: string) =>
  (body: string): boolean => {
    try {
      return navigator.sendBeacon(endpoint, body)
    } catch {
      return false
    }
  }
