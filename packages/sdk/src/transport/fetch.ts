import type { Envelope } from '../outbox/record'

/**
 * What a transport reports: the HTTP status, or 0 when the request never got an answer
 * (offline, DNS, CORS, aborted after the timeout).
 */
export type Transport = (envelope: Envelope) => Promise<number>

const TIMEOUT_MS = 10_000
/** Keepalive requests share a 64 KiB in-flight budget per page; stay well under it. */
const KEEPALIVE_MAX_BYTES = 60_000

/** The default transport: a JSON POST to the configured endpoint. */
export const fetchTransport =
  (endpoint: string): Transport =>
  async (envelope) => {
    const body = JSON.stringify(envelope)
    const abort = new AbortController()
    const timer = setTimeout(() => abort.abort(), TIMEOUT_MS)
    try {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        keepalive: body.length < KEEPALIVE_MAX_BYTES,
        credentials: 'omit',
        signal: abort.signal,
      })
      return res.status
    } catch {
      return 0
    } finally {
      clearTimeout(timer)
    }
  }
