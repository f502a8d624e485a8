import { describe, expect, it } from 'vitest'
import type { Envelope } from '../outbox/record'
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
      [[429, 5000], [429, 5000]],
    ]
    for (const [answer, reply] of cases) expect(await userTransport(async () => answer as never)(envelope), String(answer)).toEqual(reply)
  })

  it('turns a throw or a rejection into a retry, never into an error for the page', async () => {
    expect(await userTransport(() => { throw new Error('boom') })(envelope)).toEqual([0])
    expect(await userTransport(() => Promise.reject(new Error('boom')))(envelope)).toEqual([0])
  })
})
