import { describe, expect, it, vi } from 'vitest'
import type { Envelope } from '../contracts/record'
import { userTransport } from './transport'

const envelope: Envelope = { v: 1, sentAt: new Date().toISOString(), records: [] }

describe('a host transport', () => {
  it('reads what the host function says as a delivery status', async () => {
    const cases: [unknown, unknown][] = [
      [undefined, [200]],
      [true, [200]],
      [false, [0]],
      [204, [204]],
      [503, [503]],
      [
        [429, 5000],
        [429, 5000],
      ],
    ]
    for (const [answer, reply] of cases) expect(await userTransport(async () => answer as never, 1000)(envelope), String(answer)).toEqual(reply)
  })

  it('turns a throw or a rejection into a retry, never into an error for the page', async () => {
    expect(
      await userTransport(() => {
        throw new Error('boom')
      }, 1000)(envelope),
    ).toEqual([0])
    expect(await userTransport(() => Promise.reject(new Error('boom')), 1000)(envelope)).toEqual([0])
  })

  it('counts a host function that never settles as no answer, so the outbox is not held for good', async () => {
    vi.useFakeTimers()
    const reply = userTransport(() => new Promise(() => {}), 10_000)(envelope)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(await reply).toEqual([0])
    vi.useRealTimers()
  })
})

describe('the wire JSON', () => {
  it('keeps arrays as arrays when a page library gave Array.prototype a toJSON (Prototype.js)', async () => {
    const { toWire } = await import('../sender/fetch')
    const value = { records: [{ trail: [{ at: 1 }], answers: { q: ['a', 'b'] } }], sentAt: new Date(0) }
    const proto = Array.prototype as unknown as { toJSON?: () => string }
    proto.toJSON = function (this: unknown[]) {
      return '[' + this.map((x) => JSON.stringify(x)).join(',') + ']'
    }
    try {
      expect(JSON.parse(toWire(value))).toEqual({ records: [{ trail: [{ at: 1 }], answers: { q: ['a', 'b'] } }], sentAt: '1970-01-01T00:00:00.000Z' })
    } finally {
      delete proto.toJSON
    }
  })
})
