// The alert worker: claims due rows of the queue, sends each over its channel, marks it sent.
// Every instance may run one; the database decides who sends what:
// - a claim is one atomic UPDATE that takes a lease (claimed_by, claimed_until) on rows that are
//   pending, due and not leased (on PostgreSQL the candidates are picked FOR UPDATE SKIP LOCKED, so
//   two workers take disjoint rows instead of queueing on the same ones);
// - the lease outlasts the send's timeout, and marking sent is conditional on still holding it.
// The one edge left is a crash (or a lost database) between the peer's "accepted" and the mark:
// then the lease expires and the alert is sent again, with the same idempotency key
// (Idempotency-Key header, e-mail Message-ID) so the receiver can drop the repeat. That is
// at-least-once delivery with a stable key, the most any sender can promise.
import { hostname } from 'node:os'
import { randomUUID } from 'node:crypto'
import { sql, type Selectable } from 'kysely'
import type { AlertDigestsTable, AlertQueueTable, ResponsesTable } from '../db/schema'
import type { Context, StoredResponse } from '../server/contract'
import type { AlertsConfig } from './contract'
import { send, SendError, type Outgoing } from './channels'
import { alertKey } from './hook'
import { backoff, matchOne, periodOf } from './match'
import { alertMessage, type AlertMessage, type DigestMessage } from './message'
import * as render from './render'

export interface AlertWorkerOptions {
  /** This instance's name in the leases (default host:pid:random). */
  instance?: string
  /** How often to look for due alerts when idle (default 1000 ms). */
  pollMs?: number
  /** A send that has no answer by then failed (default 10 s). */
  timeoutMs?: number
  /** How long a claim holds (default twice the timeout plus 5 s): longer than any send. */
  leaseMs?: number
  /** Give up (status `failed`, visible with its last error) after this many tries (default 8). */
  maxAttempts?: number
  /** Retry waits: exponential from baseMs, capped at capMs, with jitter (default 5 s … 15 min). */
  backoff?: { baseMs: number; capMs: number }
  /** Sends in flight at once (default 8): a hanging channel holds one slot, not the worker. */
  concurrency?: number
  /** The collector's public URL for record links (default ServerConfig.publicUrl, else http://localhost:8787). */
  publicUrl?: string
  /** Where errors the worker cannot hand to a row go (default console.error). */
  onError?: (error: unknown) => void
  random?: () => number
}

export interface AlertWorker {
  /** Stops polling and waits for the sends in flight. */
  stop(): Promise<void>
  /** Resolves once everything due now was tried (sent, or rescheduled after a failure). */
  drain(): Promise<void>
}

type QueueRow = Selectable<AlertQueueTable>
type DigestRow = Selectable<AlertDigestsTable>

/** A stored row as the parsed response the rules and messages read. */
export function responseOf(row: Selectable<ResponsesTable>): StoredResponse {
  return {
    id: row.id,
    surveyId: row.survey_id,
    touchpoint: row.touchpoint,
    owner: row.owner,
    completed: Boolean(row.completed),
    answers: JSON.parse(row.answers) as Record<string, unknown>,
    trail: JSON.parse(row.trail) as StoredResponse['trail'],
    lang: row.lang,
    path: row.path,
    userId: row.user_id,
    preview: Boolean(row.preview),
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    receivedAt: row.received_at,
  }
}

const outgoingOf = (m: AlertMessage): Outgoing => ({
  key: m.key,
  subject: render.subjectOf(m),
  text: render.textOf(m),
  html: render.htmlOf(m),
  slack: render.slackOf(m),
  teams: render.teamsOf(m),
  webhook: render.webhookOf(m),
})

const digestOutgoingOf = (d: DigestMessage): Outgoing => ({
  key: d.key,
  subject: render.digestSubjectOf(d),
  text: render.digestTextOf(d),
  html: render.digestHtmlOf(d),
  slack: render.slackDigestOf(d),
  teams: render.teamsDigestOf(d),
  webhook: render.webhookDigestOf(d),
})

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500)

/** Starts the worker; it runs until stop(). Without an `alerts` block in the server config it idles. */
export function startAlertWorker(ctx: Context, options: AlertWorkerOptions = {}): AlertWorker {
  const db = ctx.store.db
  const pg = ctx.store.kind === 'postgres'
  const me = options.instance ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  const pollMs = options.pollMs ?? 1000
  const timeoutMs = options.timeoutMs ?? 10_000
  const leaseMs = options.leaseMs ?? timeoutMs * 2 + 5000
  const maxAttempts = options.maxAttempts ?? 8
  const delays = options.backoff ?? { baseMs: 5000, capMs: 15 * 60_000 }
  const concurrency = options.concurrency ?? 8
  const publicUrl = options.publicUrl ?? ctx.server.publicUrl ?? 'http://localhost:8787'
  const onError = options.onError ?? ((e: unknown) => console.error('hetki-collector alerts:', e))
  const random = options.random ?? Math.random
  const inflight = new Set<Promise<void>>()
  let stopped = false
  let wake: (() => void) | undefined

  const iso = (plus = 0) => new Date(ctx.now().getTime() + plus).toISOString()

  /** Atomically leases up to `limit` due rows of a table; returns the rows it won. */
  async function claim<T extends 'alert_queue' | 'alert_digests'>(table: T, limit: number): Promise<(T extends 'alert_queue' ? QueueRow : DigestRow)[]> {
    const now = iso()
    const free = sql`status = 'pending' and due_at <= ${now} and (claimed_until is null or claimed_until < ${now})`
    // Digest items travel in their digest, never on their own.
    const own = table === 'alert_queue' ? sql` and digest_every is null` : sql``
    const pick = sql`select id from ${sql.table(table)} where ${free}${own} order by due_at limit ${limit}${pg ? sql` for update skip locked` : sql``}`
    const { rows } = await sql<QueueRow & DigestRow>`
      update ${sql.table(table)} set claimed_by = ${me}, claimed_until = ${iso(leaseMs)}, attempts = attempts + 1
      where id in (${pick}) and ${free} returning *`.execute(db)
    return rows as never
  }

  /** Ends a claimed row's life (sent, withdrawn, failed) if this worker still holds its lease. */
  async function finish(table: 'alert_queue' | 'alert_digests', id: string, status: 'sent' | 'withdrawn' | 'failed', error?: string): Promise<boolean> {
    const res = await db
      .updateTable(table)
      .set({ status, claimed_by: null, claimed_until: null, ...(status === 'sent' ? { sent_at: iso() } : {}), ...(error ? { last_error: error } : {}) })
      .where('id', '=', id)
      .where('claimed_by', '=', me)
      .where('status', '=', 'pending')
      .executeTakeFirst()
    return Number(res.numUpdatedRows) === 1
  }

  /** After a failed try: again later (backoff, or the peer's Retry-After), or give up after maxAttempts. */
  async function retry(table: 'alert_queue' | 'alert_digests', row: { id: string; attempts: number }, e: unknown) {
    if (row.attempts >= maxAttempts) return void (await finish(table, row.id, 'failed', errorText(e)))
    const wait = Math.min(
      delays.capMs,
      Math.max(e instanceof SendError && e.retryAfterMs !== undefined ? e.retryAfterMs : 0, backoff(row.attempts, delays, random)),
    )
    await db
      .updateTable(table)
      .set({ due_at: iso(wait), claimed_by: null, claimed_until: null, last_error: errorText(e) })
      .where('id', '=', row.id)
      .where('claimed_by', '=', me)
      .where('status', '=', 'pending')
      .execute()
  }

  /** The message of one queued alert from the newest stored revision, or why there is none now. */
  async function messageOf(alerts: AlertsConfig, row: QueueRow): Promise<AlertMessage | string> {
    const stored = await db.selectFrom('responses').selectAll().where('id', '=', row.response_id).executeTakeFirst()
    if (!stored) return 'the record is gone (erased or past retention)'
    const rule = alerts.rules.find((r) => r.id === row.rule_id)
    if (!rule) return `rule "${row.rule_id}" is no longer in the alerts config`
    const response = responseOf(stored)
    // The newest revision is what the owner reads; if it no longer meets the rule (the customer
    // changed 1 to 4 before finishing), the alert is withdrawn rather than sent with a wrong reason.
    const raised = matchOne(rule, response, ctx.config)
    if (!raised) return 'the newest revision no longer meets the rule'
    return alertMessage({ key: row.id, rule, hit: raised.hit, response, config: ctx.config, server: ctx.server, publicUrl })
  }

  async function sendAlert(row: QueueRow) {
    const alerts = ctx.server.alerts
    try {
      if (!alerts) return void (await finish('alert_queue', row.id, 'withdrawn', 'no alerts config'))
      const channel = alerts.channels[row.channel]
      const message = await messageOf(alerts, row)
      if (typeof message === 'string') return void (await finish('alert_queue', row.id, 'withdrawn', message))
      if (!channel) return void (await finish('alert_queue', row.id, 'failed', `no channel "${row.channel}" in the alerts config`))
      await send(channel, outgoingOf(message), alerts, timeoutMs)
      if (!(await finish('alert_queue', row.id, 'sent')))
        onError(new Error(`alert ${row.id} was sent after its lease ran out; a receiver may see it twice (same Idempotency-Key)`))
    } catch (e) {
      await retry('alert_queue', row, e).catch(onError)
    }
  }

  /**
   * Turns the digest items of periods that are over (and whose responses have settled) into digest
   * rows, one per owner × channel × period (unique). Items that arrive after their period's digest
   * went out move to the next period: each alert is in exactly one digest.
   */
  async function closeDigests(): Promise<number> {
    const now = iso()
    const groups = await db
      .selectFrom('alert_queue')
      .select(['owner', 'channel', 'digest_every', 'digest_from', 'digest_to'])
      .select((eb) => eb.fn.max('due_at').as('last_due'))
      .where('status', '=', 'pending')
      .where('digest_every', 'is not', null)
      .where('digest_id', 'is', null)
      .where('digest_to', '<=', now)
      .groupBy(['owner', 'channel', 'digest_every', 'digest_from', 'digest_to'])
      .execute()
    let built = 0
    for (const g of groups) {
      if (!g.owner || !g.digest_from || !g.digest_to || !g.digest_every || (g.last_due ?? '') > now) continue
      const every = g.digest_every as 'hourly' | 'daily'
      const id = alertKey('digest', g.owner, g.channel, g.digest_from)
      const items = (qb: any) =>
        qb
          .where('owner', '=', g.owner)
          .where('channel', '=', g.channel)
          .where('digest_from', '=', g.digest_from)
          .where('digest_every', '=', every)
          .where('digest_id', 'is', null)
          .where('status', '=', 'pending')
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('alert_digests')
          .values({
            id,
            owner: g.owner!,
            channel: g.channel,
            every,
            period_from: g.digest_from!,
            period_to: g.digest_to!,
            status: 'pending',
            attempts: 0,
            due_at: now,
            created_at: now,
          })
          .onConflict((oc) => oc.doNothing())
          .execute()
        // Locked (PostgreSQL) until this commits, so the digest cannot be marked sent between the look and the attach.
        const digest = await trx
          .selectFrom('alert_digests')
          .select('status')
          .where('id', '=', id)
          .$if(pg, (q) => q.forUpdate())
          .executeTakeFirstOrThrow()
        if (digest.status === 'pending') await items(trx.updateTable('alert_queue').set({ digest_id: id })).execute()
        else {
          const next = periodOf(every, new Date(g.digest_to!))
          await items(trx.updateTable('alert_queue').set({ digest_from: next.from, digest_to: next.to })).execute()
        }
      })
      built++
    }
    return built
  }

  async function sendDigest(d: DigestRow) {
    const alerts = ctx.server.alerts
    try {
      const channel = alerts?.channels[d.channel]
      if (!alerts || !channel) return void (await finish('alert_digests', d.id, 'failed', `no channel "${d.channel}" in the alerts config`))
      const items = await db
        .selectFrom('alert_queue')
        .selectAll()
        .where('digest_id', '=', d.id)
        .where('status', '=', 'pending')
        .orderBy('created_at')
        .orderBy('id')
        .execute()
      const messages: AlertMessage[] = []
      const withdrawn: string[] = []
      for (const item of items) {
        const m = await messageOf(alerts, item)
        if (typeof m === 'string') withdrawn.push(item.id)
        else messages.push(m)
      }
      if (messages.length) {
        const digest: DigestMessage = {
          key: d.id,
          owner: d.owner,
          every: d.every as 'hourly' | 'daily',
          period: { from: d.period_from, to: d.period_to },
          alerts: messages,
        }
        await send(channel, digestOutgoingOf(digest), alerts, timeoutMs)
      }
      const next = periodOf(d.every as 'hourly' | 'daily', new Date(d.period_to))
      const held = await db.transaction().execute(async (trx) => {
        const res = await trx
          .updateTable('alert_digests')
          .set({ status: messages.length ? 'sent' : 'withdrawn', sent_at: iso(), alerts: messages.length, claimed_by: null, claimed_until: null })
          .where('id', '=', d.id)
          .where('claimed_by', '=', me)
          .where('status', '=', 'pending')
          .executeTakeFirst()
        if (Number(res.numUpdatedRows) !== 1) return false
        if (messages.length)
          await trx
            .updateTable('alert_queue')
            .set({ status: 'sent', sent_at: iso() })
            .where(
              'id',
              'in',
              messages.map((m) => m.key),
            )
            .execute()
        if (withdrawn.length) await trx.updateTable('alert_queue').set({ status: 'withdrawn' }).where('id', 'in', withdrawn).execute()
        // Items attached while this digest was on its way were not in it: the next period's digest takes them.
        await trx
          .updateTable('alert_queue')
          .set({ digest_id: null, digest_from: next.from, digest_to: next.to })
          .where('digest_id', '=', d.id)
          .where('status', '=', 'pending')
          .execute()
        return true
      })
      if (!held) onError(new Error(`digest ${d.id} was sent after its lease ran out; a receiver may see it twice (same key)`))
    } catch (e) {
      await retry('alert_digests', d, e).catch(onError)
    }
  }

  const track = (p: Promise<void>) => {
    inflight.add(p)
    void p.finally(() => {
      inflight.delete(p)
      wake?.()
    })
  }

  /** One pass: close finished digest periods, claim what is due as far as free slots allow. */
  async function tick(): Promise<number> {
    if (!ctx.server.alerts) return 0
    let work = await closeDigests()
    for (const table of ['alert_queue', 'alert_digests'] as const) {
      const free = concurrency - inflight.size
      if (free <= 0) break
      const rows = await claim(table, free)
      for (const row of rows) track(table === 'alert_queue' ? sendAlert(row as QueueRow) : sendDigest(row as DigestRow))
      work += rows.length
    }
    return work
  }

  // One pass at a time per worker: drain() joins the loop's pass in progress instead of racing it
  // (else it could see no free rows, because the loop was claiming them, and no sends in flight yet).
  let pass: Promise<number> | undefined
  const once = () => (pass ??= tick().finally(() => (pass = undefined)))

  const loop = (async () => {
    while (!stopped) {
      let work = 0
      try {
        work = await once()
      } catch (e) {
        onError(e)
      }
      if (stopped) break
      if (work === 0 || inflight.size >= concurrency)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs)
          wake = () => {
            clearTimeout(timer)
            resolve()
          }
        })
      wake = undefined
    }
  })()

  return {
    async stop() {
      stopped = true
      wake?.()
      await loop
      await Promise.all([...inflight])
    },
    async drain() {
      for (;;) {
        const work = await once()
        if (inflight.size) await Promise.all([...inflight])
        else if (work === 0) return
      }
    },
  }
}
