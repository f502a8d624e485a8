// GET /api/alerts: where the alerts are (pending, sent, failed, withdrawn), and the ones that
// failed or are retrying, with why. The admin sees every owner's; an owner's token only its own.
import type { ReadRoute } from '../server/contract'

/** The alerts' state, counted, with the latest problems listed (failed, or retrying after an error). */
export const alertsRoute: ReadRoute = async (_req, _url, access, ctx) => {
  const db = ctx.store.db
  const mine = <Q extends { where: (...a: any[]) => Q }>(q: Q): Q => (access.role === 'owner' ? q.where('owner', '=', access.owner) : q)
  const [byStatus, problems, digests] = await Promise.all([
    mine(
      db
        .selectFrom('alert_queue')
        .select(['status', (eb) => eb.fn.countAll<number | string>().as('count')])
        .groupBy('status'),
    ).execute(),
    mine(
      db
        .selectFrom('alert_queue')
        .select(['id', 'response_id', 'rule_id', 'channel', 'owner', 'status', 'attempts', 'last_error', 'due_at', 'created_at'])
        .where('last_error', 'is not', null)
        .where('status', 'in', ['failed', 'pending']),
    )
      .orderBy('created_at', 'desc')
      .limit(100)
      .execute(),
    mine(
      db
        .selectFrom('alert_digests')
        .select(['status', (eb) => eb.fn.countAll<number | string>().as('count')])
        .groupBy('status'),
    ).execute(),
  ])
  const counts = (rows: { status: string; count: number | string }[]) => Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]))
  return {
    status: 200,
    body: {
      alerts: counts(byStatus),
      digests: counts(digests),
      problems: problems.map((p) => ({
        key: p.id,
        responseId: p.response_id,
        rule: p.rule_id,
        channel: p.channel,
        owner: p.owner,
        status: p.status,
        attempts: p.attempts,
        lastError: p.last_error,
        nextTry: p.status === 'pending' ? p.due_at : null,
        createdAt: p.created_at,
      })),
    },
  }
}
