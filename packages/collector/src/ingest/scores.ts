// A response's score flags, kept at ingest so the scorecards read them from an index instead of
// probing the answers table once per row (docs/scorecards.md, "Speed"): `scored`, it gave at least
// one answer that feeds a metric; `low`, at least one of those is low. The response's trail rows
// (trail_events of kind 'response') carry the same two flags, for root cause. The ingest computes
// them from the answers rows it derives (scoreFlags) and writes them with the rows, in the same
// statements; markScores recomputes them in SQL from stored answers rows (the migration that added
// them, test fixtures and the bench, which write rows directly). One definition of "low" for both.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely'
import type { Database } from '../db/schema'

/**
 * A low score, the root cause's split (scorecards/contract.ts, TrailCount): CSAT ≤ 2 of 5, NPS ≤ 6
 * (a detractor), CES ≤ 3 of 7 (7: it was easy), goal not reached, a negative feeling. One table,
 * read by the ingest (isLow, in JavaScript) and by SQL (lowSql: the migration, the fixtures).
 */
const LOW: Record<string, ['<=' | '<' | '=', number]> = {
  csat: ['<=', 2],
  nps: ['<=', 6],
  ces: ['<=', 3],
  goal: ['=', 0],
  emotion: ['<', 0],
}

/** Whether an answer's value on its metric's scale is low. */
export function isLow(metric: string, value: number): boolean {
  const rule = LOW[metric]
  if (!rule) return false
  const [op, limit] = rule
  return op === '<=' ? value <= limit : op === '<' ? value < limit : value === limit
}

/** The same test in SQL, for a metric and a value column. */
export const lowSql = (metric: Expression<unknown>, value: Expression<unknown>) =>
  sql<SqlBool>`(${sql.join(
    Object.entries(LOW).map(([name, [op, limit]]) => sql`(${metric} = ${sql.lit(name)} and ${value} ${sql.raw(op)} ${sql.lit(limit)})`),
    sql` or `,
  )})`

/** A response's flags from its answers rows (answerRows): 1 or 0 each, as the columns hold them. */
export function scoreFlags(rows: { metric: string | null; value: number | null }[]): { scored: number; low: number } {
  const scored = rows.filter((r) => r.metric !== null && r.value !== null)
  return { scored: scored.length ? 1 : 0, low: scored.some((r) => isLow(r.metric!, r.value!)) ? 1 : 0 }
}

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
