// The ingest's alerts slot: in the transaction that stores a batch, enqueue one row per response ×
// rule × route. The row's key is unique and the insert is ON CONFLICT DO NOTHING, so a record sent
// again (a retry, a beacon, the completed revision of a partial answer), to this instance or
// another, never adds an alert; it only moves the row's due time (see settle).
import { createHash } from 'node:crypto'
import { sql, type Transaction } from 'kysely'
import { ms } from '../../../sdk/src/pure/rules/duration'
import type { Database } from '../db/schema'
import type { Context, IngestHook, StoredResponse } from '../server/contract'
import type { AlertRule } from './contract'
import { countFires, countOf, ownerOf, periodOf, raisedBy, routesOf, touchpointOf } from './match'

/** The idempotency key of one alert (queue id, Idempotency-Key, Message-ID): the same on every instance. */
export const alertKey = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32)

const DEFAULT_SETTLE = '2m'

/** The settle time of the alerts config, in ms (default 2 minutes). */
export function settleMs(ctx: Context): number {
  const v = ms(ctx.server.alerts?.settle ?? DEFAULT_SETTLE)
  return Number.isFinite(v) ? v : ms(DEFAULT_SETTLE)
}

/**
 * Whether a count rule fires for this response: records the match, then counts the rule's matches
 * at the touchpoint in the window ending at the response. On PostgreSQL a transaction-scoped
 * advisory lock per rule and touchpoint serialises this across instances (taken by the caller), so
 * two batches arriving at once can neither both fire nor both miss the third score.
 */
async function countRuleFires(trx: Transaction<Database>, rule: AlertRule, r: StoredResponse, tp: string): Promise<{ count: number } | undefined> {
  const inserted = await trx
    .insertInto('alert_matches')
    .values({ rule_id: rule.id, response_id: r.id, touchpoint: tp, at: r.startedAt, fired: 0 })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst()
  // Counted on an earlier revision already: that revision decided.
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return undefined
  const { count: needed, windowMs } = countOf(rule)
  const at = Date.parse(r.startedAt)
  const from = windowMs ? new Date(at - windowMs).toISOString() : ''
  const upTo = windowMs ? new Date(at + windowMs).toISOString() : '9'
  const inWindow = (a: string, b: string) =>
    trx.selectFrom('alert_matches').select('response_id').where('rule_id', '=', rule.id).where('touchpoint', '=', tp).where('at', '>', a).where('at', '<=', b)
  // At most `needed` rows: a busy touchpoint's thousand low scores an hour cost a seek, not a scan.
  const count = (await inWindow(from, r.startedAt).limit(needed).execute()).length
  // Quiet within a window either side of a firing: answers arrive out of order (an outbox
  // flushed late), and a later answer that fired already speaks for this burst.
  const fired = await inWindow(from, upTo).where('fired', '=', 1).limit(1).executeTakeFirst()
  if (!countFires(rule, count, fired !== undefined)) return undefined
  await trx.updateTable('alert_matches').set({ fired: 1 }).where('rule_id', '=', rule.id).where('response_id', '=', r.id).execute()
  return { count }
}

/** Enqueues the alerts a batch's changed responses raise; called by the ingest inside its transaction. */
export async function enqueueAlerts(trx: Transaction<Database>, responses: StoredResponse[], ctx: Context): Promise<void> {
  const alerts = ctx.server.alerts
  if (!alerts?.rules.length) return
  const live = responses.filter((r) => !r.preview)
  if (!live.length) return
  const now = ctx.now()
  const nowIso = now.toISOString()
  const later = new Date(now.getTime() + settleMs(ctx)).toISOString()
  const raised = live.map((r) => ({ r, raised: raisedBy(r, ctx.config, alerts.rules) })).filter((x) => x.raised.length)

  if (ctx.store.kind === 'postgres') {
    // Sorted, so two transactions take the locks in the same order and cannot deadlock on them.
    const keys = [
      ...new Set(
        raised.flatMap(({ r, raised }) =>
          raised.filter((x) => countOf(x.rule).count > 1).map((x) => `hetki-alert\n${x.rule.id}\n${touchpointOf(ctx.config, r) ?? ''}`),
        ),
      ),
    ].sort()
    for (const key of keys) await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx)
  }

  for (const { r, raised: rules } of raised) {
    const tp = touchpointOf(ctx.config, r)
    const owner = ownerOf(ctx.config, r)
    const due = r.completed ? nowIso : later
    for (const { rule } of rules) {
      let detail: string | null = null
      if (countOf(rule).count > 1) {
        const fired = await countRuleFires(trx, rule, r, tp ?? '')
        if (!fired) continue
        detail = JSON.stringify({ count: fired.count, within: rule.within ?? null })
      }
      const rows = routesOf(rule, owner, alerts).map((route) => {
        const period = route.digest ? periodOf(route.digest, now) : undefined
        return {
          id: alertKey(r.id, rule.id, route.route),
          response_id: r.id,
          rule_id: rule.id,
          route: route.route,
          channel: route.channel,
          owner,
          touchpoint: tp,
          detail,
          digest_every: route.digest ?? null,
          digest_from: period?.from ?? null,
          digest_to: period?.to ?? null,
          status: 'pending' as const,
          attempts: 0,
          due_at: due,
          created_at: nowIso,
        }
      })
      if (rows.length)
        await trx
          .insertInto('alert_queue')
          .values(rows)
          .onConflict((oc) => oc.doNothing())
          .execute()
    }
  }

  // A newer revision moves the due time of its not-yet-tried alerts: at once when it completed the
  // response, else a settle time after this revision (the customer may still be typing).
  for (const [completed, due] of [
    [true, nowIso],
    [false, later],
  ] as const) {
    const ids = live.filter((r) => r.completed === completed).map((r) => r.id)
    if (ids.length)
      await trx
        .updateTable('alert_queue')
        .set({ due_at: due })
        .where('response_id', 'in', ids)
        .where('status', '=', 'pending')
        .where('attempts', '=', 0)
        .execute()
  }
}

/** The alerts slot for Context.hooks. */
export function alertsHook(): IngestHook {
  return { name: 'alerts', stored: enqueueAlerts }
}
