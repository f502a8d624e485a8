// GET /api/scorecards and /api/texts through the real collector (HTTP, tokens), on SQLite and
// PostgreSQL, over the hand-counted data set of test/scorecards-data.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPostgres, type Postgres } from '../../test/postgres'
import { config, fill } from '../../test/scorecards-data'
import { startCollector, type Collector } from '../start'

let pgServer: Postgres
beforeAll(async () => {
  pgServer = await startPostgres()
}, 120_000)
afterAll(() => pgServer?.stop())

describe.each(['sqlite', 'postgres'] as const)('the scorecards API (%s)', (kind) => {
  let collector: Collector
  const get = async (path: string, token = 'admin-token') => {
    const res = await fetch(collector.url + path, { headers: { authorization: `Bearer ${token}` } })
    return { status: res.status, body: await res.json() }
  }
  beforeAll(async () => {
    collector = await startCollector({
      config,
      server: { adminToken: 'admin-token', tokens: [{ token: 'support-token', owner: 'Support' }] },
      ...(kind === 'sqlite' ? { dbFile: ':memory:' } : { databaseUrl: await pgServer.database('scorecards_routes') }),
      port: 0,
      now: () => new Date('2026-11-08T09:00:00Z'),
      log: () => {},
    })
    await fill(collector.store.db)
  }, 120_000)
  afterAll(() => collector?.close(0))

  it('answers the pinned shape: per touchpoint shown, answered, dismissed and each metric with n, interval and method', async () => {
    // to=2026-11-07 includes the 7th: the period is 11-01 … 11-08, as counted in query.test.ts.
    const { status, body } = await get('/api/scorecards?from=2026-11-01&to=2026-11-07')
    expect(status).toBe(200)
    const checkout = body.touchpoints.find((t: { id: string }) => t.id === 'checkout')
    // 8 prompts: 3 completed + 2 partial answered, 1 dismissed, 2 ignored.
    expect({ id: checkout.id, owner: checkout.owner, shown: checkout.shown, answered: checkout.answered, dismissed: checkout.dismissed }).toEqual({
      id: 'checkout',
      owner: 'Payments',
      shown: 8,
      answered: 5,
      dismissed: 1,
    })
    for (const m of checkout.metrics) {
      expect(Object.keys(m)).toEqual(expect.arrayContaining(['name', 'value', 'n', 'low', 'high', 'method']))
      expect(['csat', 'nps', 'ces', 'goal', 'emotion']).toContain(m.name)
    }
    const csat = checkout.metrics.find((m: { name: string }) => m.name === 'csat')
    // CSAT answers 5, 2, 1, 4, 4: three of five are 4–5.
    expect(csat).toMatchObject({ name: 'csat', value: 60, n: 5, method: 'wilson' })
    expect(csat.low).toBeLessThan(60)
    expect(csat.high).toBeGreaterThan(60)
    expect(body.period).toEqual({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-08T00:00:00.000Z' })
  })

  it("shows an owner's token that owner's touchpoints only, and refuses another's", async () => {
    const { status, body } = await get('/api/scorecards?from=2026-11-01&to=2026-11-07', 'support-token')
    expect(status).toBe(200)
    expect(body.touchpoints.map((t: { id: string }) => t.id)).toEqual(['help'])
    expect((await get('/api/scorecards?touchpoint=checkout', 'support-token')).status).toBe(403)
    expect((await get('/api/scorecards?owner=Payments', 'support-token')).status).toBe(403)
    expect((await get('/api/texts?touchpoint=checkout', 'support-token')).status).toBe(403)
    expect((await get('/api/scorecards', 'nobody')).status).toBe(401)
  })

  it('says what is wrong with a query string', async () => {
    expect(await get('/api/scorecards?from=2026-11-10&to=2026-11-01')).toEqual({ status: 400, body: { error: 'from must be before to' } })
    expect((await get('/api/texts?limit=0')).status).toBe(400)
  })

  it('serves open texts newest first, searchable, a page at a time', async () => {
    const first = await get('/api/texts?limit=2')
    expect(first.body.texts.map((t: { responseId: string }) => t.responseId)).toEqual(['h2', 'h1'])
    const next = await get('/api/texts?limit=2&cursor=' + first.body.next)
    expect(next.body.texts.map((t: { responseId: string }) => t.responseId)).toEqual(['p2', 'p1'])
    expect((await get('/api/texts?q=payment')).body.texts.map((t: { text: string }) => t.text)).toEqual(['Payment failed twice'])
  })
})
