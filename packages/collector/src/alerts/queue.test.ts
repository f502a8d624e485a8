// The alerts end to end below the HTTP layer: responses stored with the alerts hook in the same
// transaction, the worker sending to a real SMTP server and real HTTP endpoints (one failing, one
// hanging on purpose), on SQLite and on a throwaway PostgreSQL cluster.
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startPostgres, type Postgres } from '../../test/postgres'
import { openStore, type Store } from '../db/open'
import type { Context } from '../server/contract'
import type { AlertsConfig } from './contract'
import { messageId } from './channels'
import { alertsHook } from './hook'
import { deleteAlertsBefore } from './retention'
import { alertsRoute } from './status'
import { startHttp, startSmtp, type HttpPeer, type SmtpPeer } from './testing/peers'
import { config, response } from './testing/fixtures'
import { ingest } from './testing/ingest'
import { startAlertWorker, type AlertWorker, type AlertWorkerOptions } from './worker'

let pgServer: Postgres
beforeAll(async () => {
  pgServer = await startPostgres()
}, 120_000)
afterAll(async () => {
  if (!pgServer) return
  // A closed pg pool resolves before its connections have said goodbye; stopping the cluster in
  // that moment makes a connection report "terminating connection due to administrator command"
  // as an unhandled error. Wait until the server sees none of this file's connections left.
  const admin = new pg.Client({ connectionString: pgServer.url })
  await admin.connect()
  const left = async () =>
    (await admin.query(`select count(*)::int as n from pg_stat_activity where datname like 'alerts\\_${process.pid}\\_%'`)).rows[0].n as number
  while ((await left()) > 0) await new Promise((r) => setTimeout(r, 20))
  await admin.end()
  await pgServer.stop()
})

const csatRule = { id: 'csat-checkout', touchpoint: 'checkout', metric: 'csat' as const, atMost: 2 }
const fast: AlertWorkerOptions = { pollMs: 20, backoff: { baseMs: 20, capMs: 100 }, timeoutMs: 2000 }

/** A clock the test moves by hand (digests, settle times). */
const clock = (start: string) => {
  let t = Date.parse(start)
  return { now: () => new Date(t), set: (iso: string) => void (t = Date.parse(iso)) }
}

describe.each(['sqlite', 'postgres'] as const)('alerts (%s)', (kind) => {
  let dbCount = 0
  const cleanup: (() => Promise<unknown>)[] = []
  const errors: unknown[] = []
  afterEach(async () => {
    // Workers first (they use the stores and the peers), then the peers, then the stores; then
    // whatever the workers could not pin on a row (a lease lost after a send, say) fails the test.
    for (const f of cleanup.splice(0).reverse()) await f()
    const seen = errors.splice(0)
    expect(seen).toEqual([])
  })

  const open = async (): Promise<{ store: Store; url?: string }> => {
    if (kind === 'sqlite') {
      const store = await openStore({ file: ':memory:' })
      cleanup.push(() => store.close())
      return { store }
    }
    const url = await pgServer.database(`alerts_${process.pid}_${++dbCount}`)
    const store = await openStore({ url })
    cleanup.push(() => store.close())
    return { store, url }
  }
  /** Another collector instance on the same PostgreSQL database (SQLite: the same store). */
  const second = async (first: { store: Store; url?: string }): Promise<Store> => {
    if (!first.url) return first.store
    const store = await openStore({ url: first.url })
    cleanup.push(() => store.close())
    return store
  }
  const contextOf = (store: Store, alerts: AlertsConfig, now: () => Date = () => new Date()): Context => ({
    store,
    config,
    server: { alerts, labels: { 'payment.failed': 'Payment failed' }, publicUrl: 'https://hetki.example' },
    now,
    hooks: [alertsHook()],
  })
  const smtp = async () => {
    const s = await startSmtp()
    cleanup.push(() => s.close())
    return s
  }
  const http = async (mode?: Parameters<typeof startHttp>[0]) => {
    const h = await startHttp(mode)
    cleanup.push(() => h.close())
    return h
  }
  const worker = (ctx: Context, options: AlertWorkerOptions = fast) => {
    const w = startAlertWorker(ctx, { onError: (e) => errors.push(e), ...options })
    cleanup.push(() => w.stop())
    return w
  }
  const queue = (store: Store) => store.db.selectFrom('alert_queue').selectAll().orderBy('created_at').orderBy('id').execute()
  const smtpOf = (peer: SmtpPeer) => ({ host: '127.0.0.1', port: peer.port, from: 'hetki@example.com' })
  const keys = (peer: HttpPeer) => peer.accepted().map((r) => r.headers['idempotency-key'])

  it('an alert reaches the SMTP server and the webhook exactly once despite a failing channel, retries and re-sent records', async () => {
    const db = await open()
    const mail = await smtp()
    let fixed = false
    const hook = await http(() => (fixed ? 'ok' : 'fail'))
    const alerts: AlertsConfig = {
      rules: [csatRule],
      channels: { mail: { type: 'email', to: 'payments@example.com' }, hook: { type: 'webhook', url: hook.url, headers: { authorization: 'Bearer s3cret' } } },
      owners: { 'Payments team': ['mail', 'hook'] },
      smtp: smtpOf(mail),
      settle: 0,
    }
    const a = contextOf(db.store, alerts)
    const b = contextOf(await second(db), alerts)
    // The partial answer, its retry, the completed revision with the follow-up text, sent again
    // to another instance, and the same revision handed to the hook once more.
    const partial = response({ id: 'resp-1', completed: false, answers: { csat: 1 } })
    const done = { ...partial, completed: true, answers: { csat: 1, why: 'My card was refused twice' }, updatedAt: '2026-11-28T10:01:00.000Z' }
    await ingest(a, [partial])
    await ingest(b, [partial])
    await ingest(b, [done])
    await ingest(a, [done])
    await a.store.db.transaction().execute((trx) => alertsHook().stored(trx, [done], a))
    expect(await queue(db.store)).toHaveLength(2)

    worker(a)
    // The e-mail goes out while the webhook keeps failing and is retried…
    await expect.poll(() => mail.mails.length).toBe(1)
    await expect.poll(() => hook.requests.length).toBeGreaterThanOrEqual(3)
    expect(hook.accepted()).toHaveLength(0)
    // …until it works again: then it gets the alert once.
    fixed = true
    await expect.poll(async () => (await queue(db.store)).map((r) => r.status)).toEqual(['sent', 'sent'])
    expect(hook.accepted()).toHaveLength(1)
    expect(mail.mails).toHaveLength(1)

    const [m] = mail.mails
    const key = hook.accepted()[0]!.headers['idempotency-key'] as string
    // Every try carried one key, and the e-mail's Message-ID is derived from its own row's key.
    expect(new Set(hook.requests.map((r) => r.headers['idempotency-key']))).toEqual(new Set([key]))
    expect(hook.requests[0]!.headers.authorization).toBe('Bearer s3cret')
    const rows = await queue(db.store)
    expect(m!.messageId).toBe(messageId(rows.find((r) => r.channel === 'mail')!.id))
    expect(m!.to).toEqual(['payments@example.com'])
    expect(m!.subject).toBe('[Hetki] CSAT 1 of 5 at Checkout (Payments team)')
    expect(m!.raw).toContain('My card was refused twice')
    expect(m!.raw).toContain('https://hetki.example/app/#response=3Dresp-1') // quoted-printable "="
    const body = hook.accepted()[0]!.body as {
      type: string
      alert: { answer: { answer: string }; followUps: { answer: string }[]; trail: { label: string }[]; link: string }
    }
    expect(body.type).toBe('hetki.alert')
    expect(body.alert.answer.answer).toBe('CSAT 1 of 5')
    expect(body.alert.followUps.map((f) => f.answer)).toEqual(['My card was refused twice'])
    expect(body.alert.trail.map((s) => s.label)).toEqual(['cart.viewed', 'Payment failed'])
    expect(body.alert.link).toBe('https://hetki.example/app/#response=resp-1')
    const hookRow = rows.find((r) => r.channel === 'hook')!
    expect(hookRow.attempts).toBe(hook.requests.length)

    // Sending it yet again after it went out changes nothing.
    await ingest(b, [{ ...done, updatedAt: '2026-11-28T10:02:00.000Z' }])
    await worker(b).drain()
    expect(mail.mails).toHaveLength(1)
    expect(hook.accepted()).toHaveLength(1)
  })

  it('a hanging channel times out and, after its last try, is marked failed with why; Slack and Teams shapes', async () => {
    const db = await open()
    const slack = await http()
    const teams = await http(() => 'hang')
    const alerts: AlertsConfig = {
      rules: [{ id: 'goal-missed', metric: 'goal', atMost: 0 }],
      channels: { slack: { type: 'slack', url: slack.url }, teams: { type: 'teams', url: teams.url } },
      owners: { 'Payments team': ['teams', 'slack'] },
      settle: 0,
    }
    const ctx = contextOf(db.store, alerts)
    await ingest(ctx, [response({ answers: { goal: false, why: 'No <b>Klarna</b>' } })])
    worker(ctx, { ...fast, timeoutMs: 300, maxAttempts: 2 })
    await expect.poll(() => slack.accepted().length).toBe(1)
    await expect
      .poll(async () => (await queue(db.store)).find((r) => r.channel === 'teams'), { timeout: 15_000 })
      .toMatchObject({ status: 'failed', attempts: 2, last_error: 'no answer within 300 ms' })
    expect(teams.requests).toHaveLength(2)
    expect(slack.accepted()).toHaveLength(1)
    // The admin sees it, with why; another owner's token sees none of it.
    const url = new URL('http://collector/api/alerts')
    expect((await alertsRoute({} as never, url, { role: 'admin' }, ctx)).body).toMatchObject({
      alerts: { sent: 1, failed: 1 },
      problems: [{ channel: 'teams', owner: 'Payments team', status: 'failed', attempts: 2, lastError: 'no answer within 300 ms', nextTry: null }],
    })
    expect((await alertsRoute({} as never, url, { role: 'owner', owner: 'Support' }, ctx)).body).toEqual({ alerts: {}, digests: {}, problems: [] })

    const s = slack.accepted()[0]!.body as { text: string; blocks: { type: string; text?: { text: string } }[] }
    expect(s.text).toBe('[Hetki] Goal not reached at Checkout (Payments team)')
    expect(s.blocks.map((b) => b.type)).toEqual(['section', 'section', 'context', 'section'])
    expect(s.blocks[1]!.text!.text).toContain('No &lt;b&gt;Klarna&lt;/b&gt;')
    const t = teams.requests[0]!.body as { '@type': string; sections: { facts: { value: string }[] }[]; potentialAction: { targets: { uri: string }[] }[] }
    expect(t['@type']).toBe('MessageCard')
    expect(t.sections[0]!.facts.map((f) => f.value)).toEqual(['Goal not reached', 'No &lt;b&gt;Klarna&lt;/b&gt;'])
    expect(t.potentialAction[0]!.targets[0]!.uri).toMatch(/^https:\/\/hetki\.example\/app\/#response=r-/)
  })

  it('two instances ingesting the same records and two workers sending never deliver one alert twice', async () => {
    const db = await open()
    const mail = await smtp()
    const hook = await http()
    const alerts: AlertsConfig = {
      rules: [csatRule, { id: 'negative', metric: 'emotion', below: 0, to: ['hook'] }],
      channels: { mail: { type: 'email', to: ['a@example.com'] }, hook: { type: 'webhook', url: hook.url } },
      owners: { 'Payments team': ['mail', 'hook'] },
      smtp: smtpOf(mail),
      settle: 0,
    }
    const a = contextOf(db.store, alerts)
    const b = contextOf(await second(db), alerts)
    const rs = Array.from({ length: 20 }, (_, i) => response({ id: `many-${i}`, answers: { csat: 1 + (i % 3), feeling: { id: i % 2 ? 'meh' : 'fine' } } }))
    // Each record arrives at both instances at once (a retry racing the original).
    await Promise.all(rs.flatMap((r) => [ingest(a, [r]), ingest(b, [r])]))
    const csatLow = rs.filter((r) => (r.answers.csat as number) <= 2).length
    const negative = rs.filter((_, i) => i % 2).length
    expect(await queue(db.store)).toHaveLength(csatLow * 2 + negative)

    worker(a, { ...fast, concurrency: 4 })
    worker(b, { ...fast, concurrency: 4 })
    await expect.poll(async () => (await queue(db.store)).every((r) => r.status === 'sent')).toBe(true)
    expect(mail.mails).toHaveLength(csatLow)
    expect(new Set(mail.mails.map((m) => m.messageId)).size).toBe(csatLow)
    expect(hook.accepted()).toHaveLength(csatLow + negative)
    expect(new Set(keys(hook)).size).toBe(csatLow + negative)
  })

  it('a digest owner gets one message per period with each alert once; late ones go to the next period', async () => {
    const db = await open()
    const mail = await smtp()
    const hook = await http()
    const t = clock('2026-11-28T10:05:00.000Z')
    const alerts: AlertsConfig = {
      rules: [csatRule],
      channels: { mail: { type: 'email', to: 'payments@example.com' }, hook: { type: 'webhook', url: hook.url } },
      digest: { 'Payments team': { every: 'hourly', to: ['mail', 'hook'] } },
      smtp: smtpOf(mail),
      settle: '2m',
    }
    const ctx = contextOf(db.store, alerts, t.now)
    const w = worker(ctx, { ...fast, pollMs: 3_600_000 })
    const first = response({ id: 'd-1' })
    await ingest(ctx, [first])
    t.set('2026-11-28T10:20:00.000Z')
    await ingest(ctx, [response({ id: 'd-2', answers: { csat: 2, why: 'slow' } }), first])
    t.set('2026-11-28T10:59:00.000Z')
    // Not completed: it settles two minutes after its last revision, past the hour.
    await ingest(ctx, [response({ id: 'd-3', completed: false })])
    await ingest(ctx, [{ ...first, updatedAt: '2026-11-28T10:59:30.000Z' }])
    await w.drain()
    expect(mail.mails).toHaveLength(0)

    t.set('2026-11-28T11:00:30.000Z')
    await w.drain()
    expect(mail.mails).toHaveLength(0) // d-3 has not settled yet: the period waits for it
    t.set('2026-11-28T11:01:30.000Z')
    await w.drain()
    expect(mail.mails).toHaveLength(1)
    expect(mail.mails[0]!.subject).toBe('[Hetki] Hourly digest for Payments team: 3 alerts')
    expect(hook.accepted()).toHaveLength(1)
    const digest = (hook.accepted()[0]!.body as { digest: { period: { from: string }; alerts: { responseId: string }[] } }).digest
    expect(digest.period.from).toBe('2026-11-28T10:00:00.000Z')
    expect(digest.alerts.map((a) => a.responseId).sort()).toEqual(['d-1', 'd-2', 'd-3'])

    // A re-send of an alerted record adds nothing; a new low score goes into the 11:00 digest.
    t.set('2026-11-28T11:10:00.000Z')
    await ingest(ctx, [{ ...first, updatedAt: '2026-11-28T11:10:00.000Z' }, response({ id: 'd-4' })])
    t.set('2026-11-28T12:00:01.000Z')
    await w.drain()
    expect(mail.mails).toHaveLength(2)
    expect(mail.mails[1]!.subject).toBe('[Hetki] Hourly digest for Payments team: 1 alert')
    expect(hook.accepted()).toHaveLength(2)
    expect((hook.accepted()[1]!.body as { digest: { alerts: { responseId: string }[] } }).digest.alerts.map((a) => a.responseId)).toEqual(['d-4'])
    const digests = await db.store.db
      .selectFrom('alert_digests')
      .select(['channel', 'period_from', 'status', 'alerts'])
      .orderBy('period_from')
      .orderBy('channel')
      .execute()
    expect(digests).toEqual([
      { channel: 'hook', period_from: '2026-11-28T10:00:00.000Z', status: 'sent', alerts: 3 },
      { channel: 'mail', period_from: '2026-11-28T10:00:00.000Z', status: 'sent', alerts: 3 },
      { channel: 'hook', period_from: '2026-11-28T11:00:00.000Z', status: 'sent', alerts: 1 },
      { channel: 'mail', period_from: '2026-11-28T11:00:00.000Z', status: 'sent', alerts: 1 },
    ])
  })

  it('waits for an unfinished response to settle, sends its newest revision once, and withdraws one that no longer meets the rule', async () => {
    const db = await open()
    const hook = await http()
    const t = clock('2026-11-28T10:00:00.000Z')
    const alerts: AlertsConfig = {
      rules: [csatRule],
      channels: { hook: { type: 'webhook', url: hook.url } },
      owners: { 'Payments team': ['hook'] },
      settle: '2m',
    }
    const ctx = contextOf(db.store, alerts, t.now)
    const w = worker(ctx, { ...fast, pollMs: 3_600_000 })
    const typing = response({ id: 'typing', completed: false })
    const changed = response({ id: 'changed', completed: false })
    await ingest(ctx, [typing, changed])
    t.set('2026-11-28T10:01:30.000Z')
    await ingest(ctx, [
      { ...typing, answers: { csat: 1, why: 'Too many steps' }, updatedAt: '2026-11-28T10:01:30.000Z' },
      { ...changed, answers: { csat: 4 }, updatedAt: '2026-11-28T10:01:30.000Z' },
    ])
    t.set('2026-11-28T10:03:00.000Z')
    await w.drain()
    expect(hook.requests).toHaveLength(0)
    t.set('2026-11-28T10:03:31.000Z')
    await w.drain()
    expect(hook.accepted()).toHaveLength(1)
    expect((hook.accepted()[0]!.body as { alert: { responseId: string; followUps: { answer: string }[] } }).alert).toMatchObject({
      responseId: 'typing',
      followUps: [{ answer: 'Too many steps' }],
    })
    expect(Object.fromEntries((await queue(db.store)).map((r) => [r.response_id, r.status]))).toEqual({ typing: 'sent', changed: 'withdrawn' })
    // The completed revision arriving later raises nothing new.
    await ingest(ctx, [{ ...typing, completed: true, answers: { csat: 1, why: 'Too many steps' }, updatedAt: '2026-11-28T10:05:00.000Z' }])
    await w.drain()
    expect(hook.requests).toHaveLength(1)

    // Retention takes the finished rows with the records, never one still pending.
    await ingest(ctx, [response({ id: 'fresh', completed: false })])
    expect(await deleteAlertsBefore(db.store, '2026-11-28T11:00:00.000Z')).toEqual({ alerts: 2, matches: 0, digests: 0 })
    expect((await queue(db.store)).map((r) => [r.response_id, r.status])).toEqual([['fresh', 'pending']])
  })

  it('previews never alert and never count', async () => {
    const db = await open()
    const hook = await http()
    const alerts: AlertsConfig = {
      rules: [csatRule, { id: 'streak', metric: 'csat', atMost: 2, count: 2, within: '1h', to: ['hook'] }],
      channels: { hook: { type: 'webhook', url: hook.url } },
      owners: { 'Payments team': ['hook'] },
      settle: 0,
    }
    const ctx = contextOf(db.store, alerts)
    await ingest(ctx, [response({ preview: true }), response({ preview: true, startedAt: '2026-11-28T10:10:00.000Z' })])
    expect(await queue(db.store)).toEqual([])
    expect(await db.store.db.selectFrom('alert_matches').selectAll().execute()).toEqual([])
    // One real low score after two preview ones: the streak of two is not reached.
    await ingest(ctx, [response({ id: 'real', startedAt: '2026-11-28T10:20:00.000Z' })])
    await worker(ctx).drain()
    expect(hook.accepted().map((r) => (r.body as { alert: { rule: string } }).alert.rule)).toEqual(['csat-checkout'])
  })

  it('three low scores within an hour raise one alert per burst, counted per touchpoint, across instances', async () => {
    const db = await open()
    const hook = await http()
    const alerts: AlertsConfig = {
      rules: [{ id: 'streak', metric: 'csat', atMost: 2, count: 3, within: '1h' }],
      channels: { hook: { type: 'webhook', url: hook.url } },
      owners: { 'Payments team': ['hook'] },
      settle: 0,
    }
    const a = contextOf(db.store, alerts)
    const b = contextOf(await second(db), alerts)
    const at = (hhmm: string, csat: number, over = {}) => response({ id: `s-${hhmm}`, startedAt: `2026-11-28T${hhmm}:00.000Z`, answers: { csat }, ...over })
    await ingest(a, [at('10:00', 1), at('10:20', 2), at('10:30', 5)])
    await ingest(b, [at('10:35', 1, { surveyId: 'checkout-csat', touchpoint: 'help' })]) // another touchpoint
    await ingest(a, [at('10:40', 1)]) // the third at checkout within the hour: fires
    await ingest(b, [at('10:50', 1), at('10:40', 1)]) // same burst, and a re-send: quiet
    await ingest(a, [at('12:00', 1), at('12:10', 2)]) // 10:40 fired more than an hour ago; two so far
    // Three at once on two instances (PostgreSQL: two connections, serialised by the rule's lock).
    await Promise.all([ingest(a, [at('12:20', 1)]), ingest(b, [at('12:21', 1)]), ingest(a, [at('12:22', 2)])])
    await ingest(b, [at('14:00', 1), at('15:30', 1), at('17:00', 1)]) // three, hours apart: nothing
    await ingest(a, [at('19:00', 1), at('19:10', 2), at('19:30', 1)]) // fires on 19:30…
    await ingest(b, [at('19:20', 1)]) // …and a late answer from inside that burst stays quiet
    await worker(a).drain()
    const fired = hook
      .accepted()
      .map((r) => (r.body as { alert: { responseId: string; reason: string } }).alert)
      .sort((x, y) => x.responseId.localeCompare(y.responseId))
    expect(fired).toHaveLength(3)
    expect(fired[0]).toMatchObject({ responseId: 's-10:40', reason: '3 within 1h: CSAT ≤ 2' })
    expect(fired[1]!.responseId).toMatch(/^s-12:2[012]$/)
    expect(fired[2]!.responseId).toBe('s-19:30')
  })
})
