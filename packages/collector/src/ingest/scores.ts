// A response's score flags, kept at ingest so the scorecards read them from an index instead of
// probing the answers table once per row (docs/scorecards.md, "Speed"): `scored`, it gave at least
// one answer that feeds a metric; `low`, at least one of those is low. The response's trail rows
// (trail_events of kind 'response') carry the same two flags, for root cause. Computed in SQL from
// the response's stored answers rows, the one definition of "low" (the ingest, the migration that
// added the flags and the test fixtures all call markScores).
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely'
import type { Database } from '../db/schema'

/**
 * A low score, the root cause's split (scorecards/contract.ts, TrailCount): CSAT ≤ 2 of 5, NPS ≤ 6
 * (a detractor), CES ≤ 3 of 7 (7: it was easy), goal not reached, a negative feeling.
 */
export const lowSql = (metric: Expression<unknown>, value: Expression<unknown>) => sql<SqlBool>`(
  (${metric} = 'csat' and ${value} <= 2) or (${metric} = 'nps' and ${value} <= 6) or
  (${metric} = 'ces' and ${value} <= 3) or (${metric} = 'goal' and ${value} = 0) or
  (${metric} = 'emotion' and ${value} < 0))`

/** 1 when the response (`responses.id`, the row being updated) has a scored answer, a low one if `low`. */
const hasScore = (low: boolean) => sql<number>`case when exists (
  select 1 from answers x where x.response_id = responses.id and x.metric is not null and x.value is not null
  ${low ? sql`and ${lowSql(sql.ref('x.metric'), sql.ref('x.value'))}` : sql``}) then 1 else 0 end`

/**
 * Recomputes the flags of these responses (all of them without `ids`) from their answers rows, then
 * copies them to their trail rows. Call it after the answers rows are written, in the same
 * transaction. Callers keep `ids` to a few hundred (bound parameters).
 */
export async function markScores(db: Kysely<Database>, ids?: string[]): Promise<void> {
  if (ids && !ids.length) return
  await db
    .updateTable('responses')
    .set({ scored: hasScore(false), low: hasScore(true) })
    .$if(!!ids, (q) => q.where('id', 'in', ids!))
    .execute()
  const copy = (flag: 'scored' | 'low') => sql<number>`coalesce((select r.${sql.raw(flag)} from responses r where r.id = trail_events.response_id), 0)`
  await db
    .updateTable('trail_events')
    .set({ scored: copy('scored'), low: copy('low') })
    .where('kind', '=', 'response')
    .$if(!!ids, (q) => q.where('response_id', 'in', ids!))
    .execute()
}
