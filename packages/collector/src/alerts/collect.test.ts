// End to end through the real POST /collect: the collector started with the alerts hook in its
// ingest, the worker as a service and GET /api/alerts as a route, on SQLite and on PostgreSQL
// (there with two collector instances on one database, the record re-sent to both).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPostgres, type Postgres } from '../../test/postgres'
import { config, envelope, response, rid } from '../../test/fixtures'
import { startCollector, type Collector } from '../start'
import type { ServerConfig } from '../server/contract'
import { alertsHook } from './hook'
import { alertsRoute } from './status'
import { startHttp, startSmtp, type HttpPeer, type SmtpPeer } from './testing/peers'
import { startAlertWorker } from './worker'

let pgServer: Postgres
let mail: SmtpPeer
let hook: HttpPeer
let fixed = false
beforeAll(async () => {
  pgServer = await startPostgres()
  mail = await startSmtp()
  hook = await startHttp(() => (fixed ? 'ok' : 'fail'))
}, 120_000)
afterAll(async () => {
  await hook?.close()
  await mail?.close()
  await pgServer?.stop()
})

const ADMIN = 'admin-token-0123456789'
const SITE = 'https://shop.example'

describe.each(['sqlite', 'postgres'] as const)('alerts through POST /collect (%s)', (kind) => {
  const running: Collector[] = []
  afterAll(async () => {
    for (const c of running) await c.close(0)
  })

  it('one alert per response reaches the SMTP server and the webhook, with the follow-up text, however often it is sent', async () => {
    fixed = false
    mail.mails.length = 0
    hook.requests.length = 0
    const server: ServerConfig = {
      adminToken: ADMIN,
      origins: [SITE],
      publicUrl: 'https://feedback.shop.example',
      labels: { 'payment.failed': 'Payment failed' },
      alerts: {
        rules: [{ id: 'low-csat', touchpoint: 'checkout', metric: 'csat', atMost: 2 }],
        channels: { mail: { type: 'email', to: 'shop@example.com' }, hook: { type: 'webhook', url: hook.url } },
        owners: { 'Web shop team': ['mail', 'hook'] },
        smtp: { host: '127.0.0.1', port: mail.port, from: 'hetki@shop.example' },
        settle: '2m',
      },
    }
    const databaseUrl = kind === 'postgres' ? await pgServer.database('alerts_collect') : undefined
    const start = async () => {
      const c = await startCollector({
        config,
        server,
        ...(databaseUrl ? { databaseUrl } : { dbFile: ':memory:' }),
        port: 0,
        log: () => {},
        hooks: [alertsHook()],
        services: [(ctx) => startAlertWorker(ctx, { pollMs: 20, backoff: { baseMs: 20, capMs: 100 } })],
        routes: [{ method: 'GET', path: '/api/alerts', route: alertsRoute }],
      })
      running.push(c)
      return c
    }
    const a = await start()
    const b = databaseUrl ? await start() : a
    const post = (c: Collector, records: object[]) =>
      fetch(c.url + '/collect', { method: 'POST', headers: { origin: SITE, 'content-type': 'text/plain' }, body: JSON.stringify(envelope(records)) })

    // The low score arrives before the customer finished: it waits (settle) for the follow-up…
    const partial = response('angry', { q1: 1 }, { completed: false })
    expect((await post(a, [partial])).status).toBe(200)
    expect((await post(b, [partial])).status).toBe(200)
    // …which comes with the completed revision, sent twice, to both instances.
    const done = response('angry', { q1: 1, why: 'Card refused' }, { updatedAt: '2026-11-20T10:00:09.000Z' })
    await Promise.all([post(a, [done]), post(b, [done])])

    await expect.poll(() => mail.mails.length).toBe(1)
    await expect.poll(() => hook.requests.length).toBeGreaterThanOrEqual(2)
    fixed = true
    await expect.poll(() => hook.accepted().length).toBe(1)
    const status = async () =>
      (await (await fetch(a.url + '/api/alerts', { headers: { authorization: 'Bearer ' + ADMIN } })).json()) as { alerts: Record<string, number> }
    await expect.poll(async () => (await status()).alerts).toEqual({ sent: 2 })

    // A late re-send after the alert went out adds nothing.
    expect((await post(b, [done])).status).toBe(200)
    expect((await status()).alerts).toEqual({ sent: 2 }) // the hook ran in that POST's transaction: no new row
    expect(mail.mails).toHaveLength(1)
    expect(hook.accepted()).toHaveLength(1)
    expect(mail.mails[0]!.subject).toBe('[Hetki] CSAT 1 of 5 at Checkout (Web shop team)')
    expect(mail.mails[0]!.raw).toContain('Card refused')
    const alert = (hook.accepted()[0]!.body as { alert: { responseId: string; followUps: { answer: string }[]; trail: { label: string }[]; link: string } })
      .alert
    expect(alert.responseId).toBe(rid('angry'))
    expect(alert.followUps.map((f) => f.answer)).toEqual(['Card refused'])
    expect(alert.trail.map((s) => s.label)).toEqual(['page.viewed', 'Payment failed', 'page.viewed'])
    expect(alert.link).toBe(`https://feedback.shop.example/app/#response=${rid('angry')}`)
  })
})
