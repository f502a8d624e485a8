// Indexes for the scorecards (scorecards/query.ts), measured at 100,000 stored records: SQLite
// groups rows cheaply only in the order of an index it walks, and sorts them in a temporary B-tree
// otherwise, which made one report take half a second of CPU. Each index leads with what a query
// fixes (kind, preview), then the record's UTC day — the same expression the queries group by,
// `substr(time, 1, 10)`, since an expression index serves only that exact expression — then the
// grouping columns, the columns a correlated EXISTS reads, and the time itself (SQLite needs the
// column to compute the expression), so the walk never visits the table.
// Same SQL for both databases (PostgreSQL plans these queries with hash aggregates and uses the
// indexes for the day ranges).
import { sql, type Kysely } from 'kysely'

const INDEXES: [name: string, table: string, columns: string][] = [
  ['answers_days', 'answers', 'preview, (substr(at, 1, 10)), touchpoint, survey_id, question_id, metric, value, at'],
  ['responses_days', 'responses', 'preview, (substr(started_at, 1, 10)), touchpoint, survey_id, completed, id, started_at'],
  ['moments_days', 'moments', 'preview, kind, (substr(at, 1, 10)), touchpoint, survey_id, response_id, at'],
  ['trail_events_days', 'trail_events', 'preview, kind, (substr(at, 1, 10)), event, touchpoint, survey_id, response_id, record_id, at'],
  // Prompts per person: shown records grouped by touchpoint and person, the day read from `at`.
  ['moments_people', 'moments', 'preview, kind, touchpoint, user_id, at'],
  // "Was this prompt dismissed?", asked of every unanswered prompt, answered from the index alone.
  ['moments_prompt', 'moments', 'response_id, kind'],
  // "Did this response give a (low) score?", asked of every response and trail event in the period.
  ['answers_scores', 'answers', 'response_id, metric, value'],
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, table, columns] of INDEXES) await sql.raw(`create index ${name} on ${table} (${columns})`).execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of INDEXES) await sql.raw(`drop index ${name}`).execute(db)
}
