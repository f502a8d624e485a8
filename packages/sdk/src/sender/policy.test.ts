import { describe, expect, it } from 'vitest'
import { backoff, batches, bound, retryable, retryAfter } from './policy'
import type { Stored, WireRecord } from '../contracts/record'

const stored = (id: string, t: number, text = ''): Stored => ({
  rev: 1,
  t,
  record: { id, kind: 'shown', surveyId: 's', responseId: id, lang: 'en', path: '/', trail: [], at: new Date(t).toISOString(), text } as WireRecord,
})

describe('retry policy', () => {
  it('retries what may succeed later and nothing else (T01–T09)', () => {
    for (const status of [0, 408, 429, 500, 502, 503, 504]) expect(retryable(status), String(status)).toBe(true)
    for (const status of [400, 401, 403, 404, 409, 413, 422]) expect(retryable(status), String(status)).toBe(false)
  })

  it('backs off exponentially from 1 s, capped at 5 min, with full jitter', () => {
    const top = Array.from({ length: 12 }, (_, attempt) => backoff(attempt, () => 1))
    expect(top).toEqual([1e3, 2e3, 4e3, 8e3, 16e3, 32e3, 64e3, 128e3, 256e3, 3e5, 3e5, 3e5])
    // Full jitter: anywhere from 0 up to the cap of that attempt.
    expect(backoff(3, () => 0)).toBe(0)
    expect(backoff(3, () => 0.25)).toBe(2e3)
  })

  it('reads Retry-After as seconds or as an HTTP date, capped at an hour', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(retryAfter('120', now)).toBe(120_000)
    expect(retryAfter(' 0 ', now)).toBe(0)
    expect(retryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000)
    expect(retryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0)
    expect(retryAfter('86400', now)).toBe(3_600_000)
    expect(retryAfter('soon', now)).toBeUndefined()
    expect(retryAfter(null, now)).toBeUndefined()
  })
})

describe('outbox bounds', () => {
  const now = 10 * 864e5

  it('keeps the newest records up to the cap and evicts the oldest', () => {
    const all = [stored('c', now - 1), stored('a', now - 3), stored('d', now), stored('b', now - 2)]
    const { keep, evict } = bound(all, { max: 2, maxAge: 864e5 }, now)
    expect(keep.map((s) => s.record.id)).toEqual(['c', 'd'])
    expect(evict.map((s) => s.record.id)).toEqual(['a', 'b'])
  })

  it('evicts records older than the maximum age, whatever the count', () => {
    const all = [stored('old', now - 864e5 - 1), stored('edge', now - 864e5), stored('new', now)]
    const { keep, evict } = bound(all, { max: 100, maxAge: 864e5 }, now)
    expect(keep.map((s) => s.record.id)).toEqual(['edge', 'new'])
    expect(evict.map((s) => s.record.id)).toEqual(['old'])
  })

  it("orders records of the same time as they were written: a prompt's shown record before its answer", () => {
    const shown = { ...stored('shown', now), rev: 1 }
    const answer = { ...stored('answer', now), rev: 2 }
    expect(bound([answer, shown], { max: 100, maxAge: 864e5 }, now).keep.map((s) => s.record.id)).toEqual(['shown', 'answer'])
  })
})

describe('batches', () => {
  it('cuts at 20 records, in order', () => {
    const items = Array.from({ length: 45 }, (_, i) => stored('r' + i, i))
    const cut = batches(items)
    expect(cut.map((b) => b.length)).toEqual([20, 20, 5])
    expect(cut.flat().map((s) => s.record.id)).toEqual(items.map((s) => s.record.id))
  })

  it('stays under the byte budget, counting UTF-8 bytes, sends an oversized record alone, and leaves out what is not JSON', () => {
    const ascii = [stored('a', 1, 'x'.repeat(300)), stored('b', 2, 'x'.repeat(300)), stored('c', 3, 'x'.repeat(300))]
    expect(batches(ascii, 1000).map((b) => b.length)).toEqual([2, 1])
    // "ä" is one UTF-16 unit but two bytes on the wire: 300 of them are 600 bytes, not 300.
    const umlauts = [stored('a', 1, 'ä'.repeat(300)), stored('b', 2, 'ä'.repeat(300))]
    expect(batches(umlauts, 1000).map((b) => b.length)).toEqual([1, 1])
    const cyclic = stored('cyclic', 2)
    ;(cyclic.record as { self?: unknown }).self = cyclic.record
    expect(batches([stored('a', 1), cyclic, stored('c', 3)]).map((b) => b.map((s) => s.record.id))).toEqual([['a', 'c']])
    const huge = [stored('a', 1), stored('big', 2, 'x'.repeat(5000)), stored('c', 3)]
    expect(batches(huge, 1000).map((b) => b.map((s) => s.record.id))).toEqual([['a'], ['big'], ['c']])
  })
})
