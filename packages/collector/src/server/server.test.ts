import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPostgres, type Postgres } from '../../test/postgres'
import { config, envelope, moment, response, rid } from '../../test/fixtures'
import { startCollector, type Collector } from '../start'
import type { ServerConfig } from './contract'

let pgServer: Postgres
beforeAll(async () => {
  pgServer = await startPostgres()
}, 60_000)
afterAll(() => pgServer?.stop())

const ADMIN = 'admin-token-0123456789'
const SHOP = 'shop-token-0123456789'
const SUPPORT = 'support-token-0123456789'
const SITE = 'https://shop.example'

let n = 0
describe.each(['sqlite', 'postgres'] as const)('the collector over HTTP (%s)', (kind) => {
  const running: Collector[] = []
  afterAll(async () => {
    for (const c of running) await c.close(0)
  })
  async function start(server: ServerConfig = {}, now?: () => Date): Promise<Collector> {
    const collector = await startCollector({
      config,
      server: {
        adminToken: ADMIN,
        tokens: [
          { token: SHOP, owner: 'Web shop team' },
          { token: SUPPORT, owner: 'Support' },
        ],
        origins: [SITE],
        ...server,
      },
      ...(kind === 'sqlite' ? { dbFile: ':memory:' } : { databaseUrl: await pgServer.database('http' + ++n) }),
      port: 0,
      log: () => {},
      now,
    })
    running.push(collector)
    return collector
  }
  const post = (c: Collector, body: unknown, headers: Record<string, string> = { origin: SITE, 'content-type': 'text/plain' }) =>
    fetch(c.url + '/collect', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) })
  const get = (c: Collector, path: string, token?: string) => fetch(c.url + path, token ? { headers: { authorization: 'Bearer ' + token } } : {})

  it('answers an allowed origin with CORS, refuses a forged one with 403 and no CORS headers', async () => {
    const c = await start()
    const ok = await post(c, envelope([response('a', { q1: 4 })]))
    expect(ok.status).toBe(200)
    expect(ok.headers.get('access-control-allow-origin')).toBe(SITE)
    expect(await ok.json()).toEqual({ stored: 1, rejected: [] })
    const preflight = await fetch(c.url + '/collect', { method: 'OPTIONS', headers: { origin: SITE, 'access-control-request-method': 'POST' } })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type')

    const forged = await post(c, envelope([response('b', { q1: 4 })]), { origin: 'https://evil.example', 'content-type': 'text/plain' })
    expect(forged.status).toBe(403)
    expect(forged.headers.get('access-control-allow-origin')).toBeNull()
    const forgedPreflight = await fetch(c.url + '/collect', { method: 'OPTIONS', headers: { origin: 'https://evil.example' } })
    expect(forgedPreflight.status).toBe(403)
    expect(forgedPreflight.headers.get('access-control-allow-origin')).toBeNull()
    const records = await (await get(c, '/api/records', ADMIN)).json()
    expect(records.records.map((r: { id: string }) => r.id)).toEqual([rid('a')])
  })

  it('by default lets only its own origin post; a request without Origin (not a browser page) is let through', async () => {
    const c = await start({ origins: undefined })
    const own = c.url
    expect((await post(c, envelope([response('own', { q1: 4 })]), { origin: own })).status).toBe(200)
    expect((await post(c, envelope([response('other', { q1: 4 })]), { origin: SITE })).status).toBe(403)
    expect((await post(c, envelope([response('none', { q1: 4 })]), { 'content-type': 'application/json' })).status).toBe(200)
  })

  it('answers 200 with the refused records of a mixed batch, 400 for malformed JSON, 413 for an oversized body', async () => {
    const c = await start({ maxBody: 2000 })
    const mixed = await post(c, envelope([response('v', { q1: 5 }), response('i', { q1: 0 })]))
    expect(mixed.status).toBe(200)
    expect(await mixed.json()).toEqual({ stored: 1, rejected: [{ id: rid('i'), reason: 'answer q1 must be a whole number from 1 to 5' }] })
    const bad = await post(c, '{"v":1,"records":[')
    expect(bad.status).toBe(400)
    expect((await bad.json()).error).toMatch(/not JSON/)
    const big = await post(c, 'x'.repeat(3000))
    expect(big.status).toBe(413)
    const rejections = await (await get(c, '/api/rejections', ADMIN)).json()
    expect(rejections.total).toBe(3)
    expect(rejections.byReason.map((r: { reason: string }) => r.reason.slice(0, 4)).sort()).toEqual(['400:', '413:', 'answ'])
    expect(rejections.recent[0]).toMatchObject({ origin: SITE })
    expect((await get(c, '/api/rejections', SHOP)).status).toBe(403)
  })

  it('refuses reading without a token, with a wrong one, and while no admin token is set', async () => {
    const c = await start()
    expect((await get(c, '/api/records')).status).toBe(401)
    expect((await get(c, '/api/records', 'wrong')).status).toBe(401)
    expect((await get(c, '/api/export.csv', ADMIN.slice(0, -1))).status).toBe(401)
    const closed = await start({ adminToken: undefined })
    const refused = await get(closed, '/api/records', SHOP)
    expect(refused.status).toBe(403)
    expect((await refused.json()).error).toMatch(/HETKI_ADMIN_TOKEN/)
  })

  it("shows an owner's token only that owner's touchpoints, in records and in both exports", async () => {
    const c = await start()
    await post(
      c,
      envelope([
        response('shop', { q1: 2 }),
        response('help', { goal: true, nps: 9 }, { surveyId: 'goal-help' }),
        moment('seen', 'shown', { surveyId: 'goal-help' }),
      ]),
    )
    const ids = async (path: string, token: string) => ((await (await get(c, path, token)).json()).records as { id: string }[]).map((r) => r.id)
    expect(await ids('/api/records', ADMIN)).toEqual([rid('help'), rid('shop')].sort())
    expect(await ids('/api/records', SHOP)).toEqual([rid('shop')])
    expect(await ids('/api/records', SUPPORT)).toEqual([rid('help')])
    expect(await ids('/api/records?touchpoint=help', SHOP)).toEqual([])
    expect(await ids('/api/records?kind=shown', SUPPORT)).toEqual([rid('seen')])
    expect(await ids('/api/records?kind=shown', SHOP)).toEqual([])
    expect(await ids('/api/records?owner=Support', ADMIN)).toEqual([rid('help')])
    const ndjson = (await (await get(c, '/api/export.ndjson', SHOP)).text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id)
    expect(ndjson).toEqual([rid('shop')])
    const csv = await (await get(c, '/api/export.csv', SUPPORT)).text()
    expect(csv).toContain(rid('help'))
    expect(csv).not.toContain(rid('shop'))
  })

  it('pages records with a cursor, filters by survey and time, and leaves previews out unless asked', async () => {
    const c = await start()
    const records = Array.from({ length: 7 }, (_, i) =>
      response('p' + i, { q1: 3 }, { startedAt: `2026-11-2${i}T10:00:00.000Z`, updatedAt: `2026-11-2${i}T10:00:01.000Z` }),
    )
    await post(c, envelope([...records, response('preview', { q1: 1 }, { preview: true })]))
    const seen: string[] = []
    let cursor = ''
    for (let pages = 0; pages < 10; pages++) {
      const page = await (await get(c, '/api/records?limit=3' + (cursor ? '&cursor=' + cursor : ''), ADMIN)).json()
      seen.push(...page.records.map((r: { id: string }) => r.id))
      if (!page.next) break
      cursor = page.next
    }
    expect(seen).toEqual(records.map((r) => r.id))
    const window = await (await get(c, '/api/records?survey=csat&from=2026-11-22&to=2026-11-24', ADMIN)).json()
    expect(window.records.map((r: { id: string }) => r.id)).toEqual([rid('p2'), rid('p3')])
    const withPreview = await (await get(c, '/api/export.ndjson?preview=1', ADMIN)).text()
    expect(withPreview).toContain(rid('preview'))
    expect(await (await get(c, '/api/export.ndjson', ADMIN)).text()).not.toContain(rid('preview'))
    expect((await get(c, '/api/records?from=someday', ADMIN)).status).toBe(400)
    expect((await get(c, '/api/records?cursor=nonsense', ADMIN)).status).toBe(400)
  })

  it('exports CSV with one column per question, quoted, and formulas defused', async () => {
    const c = await start()
    await post(c, envelope([response('csv', { q1: 1, why: '=HYPERLINK("x"), ok', pick: 'other', pick_other: 'line\nbreak', tags: ['x', 'y'] })]))
    const res = await get(c, '/api/export.csv?survey=csat', ADMIN)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const [header, line] = (await res.text()).replace(/^\uFEFF/, '').split('\r\n')
    expect(header).toBe('id,survey,touchpoint,owner,completed,started_at,updated_at,received_at,lang,path,preview,deliveries,q1,why,pick,pick_other,tags')
    expect(line).toMatch(/^csv_{18},csat,checkout,Web shop team,true,/)
    expect(line!.endsWith(`,1,"'=HYPERLINK(""x""), ok",other,"line\nbreak",x;y`)).toBe(true)
  })

  it('answers a flood with 429 and Retry-After, then takes posts again once the window passed', async () => {
    const c = await start({ rateLimit: { points: 5, seconds: 2 } })
    // Sent at once, so all eight arrive within the window however slow the machine is.
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => post(c, envelope([response('f' + i, { q1: 3 })]))))
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 429, 429, 429])
    const limited = await post(c, envelope([]))
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(limited.headers.get('access-control-allow-origin')).toBe(SITE)
    await expect.poll(async () => (await post(c, envelope([response('later', { q1: 3 })]))).status, { interval: 250 }).toBe(200)
  })

  it('erases every record of a userId (admin only) with its derived rows', async () => {
    const c = await start()
    await post(
      c,
      envelope([
        response('u1', { q1: 1 }, { userId: 'user-7' }),
        moment('u1s', 'shown', { userId: 'user-7', of: 'u1' }),
        response('u2', { q1: 5 }, { userId: 'user-8' }),
      ]),
    )
    expect((await fetch(c.url + '/api/users/user-7', { method: 'DELETE', headers: { authorization: 'Bearer ' + SHOP } })).status).toBe(403)
    const erased = await fetch(c.url + '/api/users/user-7', { method: 'DELETE', headers: { authorization: 'Bearer ' + ADMIN } })
    expect(await erased.json()).toEqual({ userId: 'user-7', erased: { responses: 1, moments: 1 } })
    const db = c.store.db
    expect((await db.selectFrom('responses').select('id').execute()).map((r) => r.id)).toEqual([rid('u2')])
    expect((await db.selectFrom('answers').select('response_id').execute()).map((r) => r.response_id)).toEqual([rid('u2')])
    expect((await db.selectFrom('trail_events').select('record_id').distinct().execute()).map((r) => r.record_id)).toEqual([rid('u2')])
    expect(await db.selectFrom('moments').select('id').execute()).toEqual([])
  })

  it('deletes records received more than retentionDays ago, with their derived rows (at start-up, then hourly)', async () => {
    const url = kind === 'postgres' ? await pgServer.database('retention' + ++n) : undefined
    const file = kind === 'sqlite' ? `${process.env.TMPDIR || '/tmp'}/hetki-retention-${process.pid}-${++n}.db` : undefined
    const first = await startCollector({ config, server: { origins: [SITE] }, databaseUrl: url, dbFile: file, port: 0, log: () => {} })
    await post(first, envelope([response('old', { q1: 1 }), response('new', { q1: 5 })]))
    await first.store.db.updateTable('responses').set({ received_at: '2025-01-01T00:00:00.000Z' }).where('id', '=', rid('old')).execute()
    await first.close(0)
    const second = await startCollector({ config, server: { retentionDays: 30 }, databaseUrl: url, dbFile: file, port: 0, log: () => {} })
    running.push(second)
    expect((await second.store.db.selectFrom('responses').select('id').execute()).map((r) => r.id)).toEqual([rid('new')])
    expect((await second.store.db.selectFrom('answers').select('response_id').distinct().execute()).map((r) => r.response_id)).toEqual([rid('new')])
    expect((await second.store.db.selectFrom('trail_events').select('record_id').distinct().execute()).map((r) => r.record_id)).toEqual([rid('new')])
    if (file) {
      await second.close(0)
      running.splice(running.indexOf(second), 1)
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
    }
  })

  it('answers /healthz from the database, and 503 with Retry-After once the database is gone', async () => {
    const c = await start()
    const ok = await fetch(c.url + '/healthz')
    expect(await ok.json()).toEqual({ ok: true, database: kind })
    await c.store.close()
    const down = await fetch(c.url + '/healthz')
    expect(down.status).toBe(503)
    expect(down.headers.get('retry-after')).toBe('5')
    const refused = await post(c, envelope([response('lost', { q1: 3 })]))
    expect(refused.status).toBe(503)
    expect(refused.headers.get('retry-after')).toBe('5')
    running.splice(running.indexOf(c), 1)
    await new Promise<void>((r) => setImmediate(r))
  })
})
