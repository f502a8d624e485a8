import type { Envelope } from '../contracts/record'

/**
 * What a send reports: the HTTP status (0 when the request never got an answer: offline, DNS,
 * CORS, timeout), and how long the server asked to wait before the next try, in ms, if it did.
 */
export type Reply = [status: number, retryAfter?: number]

/** Sends one envelope. Must resolve, never reject; the outbox decides what a reply means. */
export type Transport = (envelope: Envelope) => Promise<Reply>

/**
 * A transport you write yourself, passed as `init(config, { transport })`. Resolve (with nothing,
 * `true` or a 2xx status) once the backend has the records; they are then deleted. Resolve `false`,
 * a retryable status (0, 408, 429, 5xx) or throw to have them retried later with the same ids; any
 * other status drops them, reported as `response:failed`.
 */
export type UserTransport = (envelope: Envelope) => Promise<Answer> | Answer

/** What a user transport may answer: a status, a `Reply` (status and Retry-After ms), yes/no, or nothing (yes). */
export type Answer = number | Reply | boolean | void

/**
 * Wraps a host function so that whatever it does (throw, hang up, return junk) reads as a reply.
 * One that never settles counts as no answer after `timeoutMs`, or it would hold the outbox (and
 * the cross-tab flush lock) for good.
 */
export const userTransport =
  (fn: UserTransport, timeoutMs: number): Transport =>
  async (envelope) => {
    let timer: ReturnType<typeof setTimeout> | undefined
    try {
      const reply = await Promise.race([fn(envelope), new Promise<Answer>((done) => (timer = setTimeout(done, timeoutMs, 0)))])
      return Array.isArray(reply) ? reply : [reply === false ? 0 : reply == null || reply === true ? 200 : +reply]
    } catch {
      return [0]
    } finally {
      clearTimeout(timer)
    }
  }
