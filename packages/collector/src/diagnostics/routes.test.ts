// Fleet diagnostics through the real collector on SQLite and PostgreSQL: POST /collect stores the
// counts once however often they arrive, refuses malformed ones (counted with the rejections),
// GET /api/diagnostics answers the funnel per survey with distinct devices, owners see their own
// surveys only, and retention deletes the counts with the rest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPostgres, type Postgres } from '../../test/postgres'
import { config, diagnostics, envelope, rid } from '../../test/fixtures'
import { applyRetention } from '../maintenance/retention'
import { startCollector, type Collector } from '../start'
import type { Diagnostics } from './contract'

let pgServer: Postgres
beforeAll(async () => {
  pgServer = await startPostgres()
}, 120_000)
afterAll(() => pgServer?.stop())

const ADMIN = 'admin-token'
const SHOP = 'shop-token'
const SUPPORT = 'support-token'
const SITE = 'https://shop.example'
const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T00:00:00.000Z`

let n = 0
describe.each(['sqlite', 'postgres'] as const)('fleet diagnostics (%s)', (kind) => {
  let collector: Collector
  let clock = new Date('2026-11-20T12:00:00Z')
  beforeAll(async () => {
    collector = await startCollector({
      config,
      server: {
        adminToken: ADMIN,
        tokens: [
          { token: SHOP, owner: 'Web shop team' },
          { token: SUPPORT, owner: 'Support' },
        ],
        origins: [SITE],
        retentionDays: 30,
      },
      ...(kind === 'sqlite' ? { dbFile: ':memory:' } : { databaseUrl: await pgServer.database('diagnostics' + ++n) }),
      port: 0,
      log: () => {},
      now: () => clock,
    })
  }, 120_000)
  afterAll(() => collector?.close(0))

  const post = async (records: object[]) => {
    const res = await fetch(collector.url + '/collect', {
      method: 'POST',
      headers: { origin: SITE, 'content-type': 'text/plain' },
      body: JSON.stringify(envelope(records)),
    })
    expect(res.status).toBe(200)
    return (await res.json()) as { stored: number; rejected: { id: string; reason: string }[] }
  }
  const get = async (path: string, token = ADMIN) => {
    const res = await fetch(collector.url + path, { headers: { authorization: 'Bearer ' + token } })
    return { status: res.status, body: await res.json() }
  }
  const funnel = async (query: string, token = ADMIN): Promise<Diagnostics> => {
    const { status, body } = await get('/api/diagnostics?' + query, token)
    expect(status, JSON.stringify(body)).toBe(200)
    return body
  }

  // Three devices. A reports on the 18th, twice on the 20th (its second report that day is not a
  // "first"); B on the 19th and the 20th; C once, on the 20th, for the help centre's survey too.
  const batch = [
    diagnostics('a18', { csat: { outcomes: { shown: 1, urls: 2 }, first: true } }, { at: day(18) }),
    diagnostics('a20', { csat: { outcomes: { cooldown: 3, where: 1 }, first: true, gap: 2 } }, { at: day(20) }),
    diagnostics('a20b', { csat: { outcomes: { cooldown: 2, claim: 1 } } }, { at: day(20) }),
    diagnostics('b19', { csat: { outcomes: { sample: 2 }, first: true } }, { at: day(19), sample: 0.5 }),
    diagnostics('b20', { csat: { outcomes: { cooldown: 1 }, first: true, gap: 1 } }, { at: day(20), sample: 0.5 }),
    diagnostics('c20', { csat: { outcomes: { shown: 1 }, first: true }, 'goal-help': { outcomes: { shown: 1, page: 1 }, first: true } }, { at: day(20) }),
  ]

  it('stores each record once however often it arrives, and refuses malformed or unknown ones with why, counted', async () => {
    const first = await post([
      ...batch,
      diagnostics('bad1', { csat: { outcomes: { shown: -1 } } }),
      diagnostics('bad2', { nope: { outcomes: { shown: 1 } } }),
      diagnostics('bad3', { csat: { outcomes: { shown: 1 } } }, { path: '/order/complete' }),
    ])
    expect(first.stored).toBe(6)
    expect(Object.fromEntries(first.rejected.map((r) => [r.id, r.reason]))).toEqual({
      [rid('bad1')]: 'surveys["csat"].outcomes.shown must be a whole number from 0 to 1000000',
      [rid('bad2')]: 'unknown survey "nope"',
      [rid('bad3')]: 'a diagnostics record carries counts only, not "path"',
    })
    // A retry and a beacon's copy of the same records: nothing more is counted.
    await post(batch)
    await post([batch[1]!, batch[1]!])
    const rejections = await get('/api/rejections')
    expect(rejections.body.total).toBe(3)
    const d = await funnel('from=2026-11-18&to=2026-11-20')
    const csat = d.surveys.find((s) => s.survey === 'csat')!
    expect(csat.triggered).toBe(14)
  })

  it('answers the funnel per survey in order, the reasons, distinct devices and the sample', async () => {
    const d = await funnel('from=2026-11-18&to=2026-11-20')
    expect(d.period).toEqual({ from: '2026-11-18T00:00:00.000Z', to: '2026-11-21T00:00:00.000Z' })
    expect(d.surveys.map((s) => s.survey)).toEqual(['csat', 'goal-help'])
    const csat = d.surveys[0]!
    expect(csat).toMatchObject({ touchpoint: 'checkout', touchpointName: 'Checkout', owner: 'Web shop team', devices: 3, triggered: 14, samples: [0.5, 1] })
    // B's 3 decisions at a sample of 0.5 stand for 6; A's 10 and C's 1 at 1 for themselves.
    expect(csat.estimatedTriggered).toBe(17)
    expect(csat.funnel.map((f) => [f.stage, f.count])).toEqual([
      ['triggered', 14],
      ['audience', 11],
      ['sample', 9],
      ['pacing', 3],
      ['claim', 2],
      ['shown', 2],
    ])
    expect(csat.funnel[3]!.reasons).toEqual([{ reason: 'cooldown', label: 'the cooldown between surveys', count: 6, share: 42.9 }])
    expect(csat.biggestLoss).toMatchObject({ stage: 'pacing', reason: 'cooldown', count: 6, share: 42.9 })
    // Three devices cannot say 43 % to ±10 points.
    expect(csat.enough).toBe(false)
    expect(Object.keys(d.definitions)).toContain('diagnosticsFunnel')
  })

  it('counts a device once per period, by the day it last reported before', async () => {
    // The 20th alone: A, B and C each reported that day.
    expect((await funnel('from=2026-11-20&to=2026-11-20')).surveys[0]!.devices).toBe(3)
    // The 19th–20th: B's report of the 20th is not its first in the period (it reported on the 19th).
    expect((await funnel('from=2026-11-19&to=2026-11-20')).surveys[0]!.devices).toBe(3)
    // The 18th–19th: A and B.
    const early = (await funnel('from=2026-11-18&to=2026-11-19')).surveys[0]!
    expect([early.devices, early.triggered]).toEqual([2, 5])
    expect((await funnel('from=2026-11-21&to=2026-11-22')).surveys).toEqual([])
  })

  it("shows an owner's token that owner's surveys only, and refuses another's", async () => {
    const shop = await funnel('from=2026-11-18&to=2026-11-20', SHOP)
    expect(shop.surveys.map((s) => s.survey)).toEqual(['csat'])
    const support = await funnel('from=2026-11-18&to=2026-11-20', SUPPORT)
    expect(support.surveys.map((s) => s.survey)).toEqual(['goal-help'])
    expect(support.surveys[0]!.funnel.map((f) => f.count)).toEqual([2, 2, 2, 2, 1, 1])
    expect((await get('/api/diagnostics?survey=csat', SUPPORT)).status).toBe(403)
    expect((await get('/api/diagnostics?touchpoint=checkout', SUPPORT)).status).toBe(403)
    expect((await get('/api/diagnostics?owner=Web%20shop%20team', SUPPORT)).status).toBe(403)
    expect((await get('/api/diagnostics', 'nobody')).status).toBe(401)
    // The admin narrows by survey, touchpoint or owner.
    expect((await funnel('from=2026-11-18&to=2026-11-20&owner=Support')).surveys.map((s) => s.survey)).toEqual(['goal-help'])
    expect((await funnel('from=2026-11-18&to=2026-11-20&survey=csat')).surveys.map((s) => s.survey)).toEqual(['csat'])
    expect(await get('/api/diagnostics?from=2026-11-20&to=2026-11-01')).toEqual({ status: 400, body: { error: 'from must be before to' } })
  })

  it('retention deletes the counts with the rest', async () => {
    clock = new Date('2026-12-31T12:00:00Z')
    await applyRetention(collector.ctx)
    expect((await funnel('from=2026-11-18&to=2026-11-20')).surveys).toEqual([])
    expect(await collector.store.db.selectFrom('diagnostic_counts').selectAll().execute()).toEqual([])
  })
})
