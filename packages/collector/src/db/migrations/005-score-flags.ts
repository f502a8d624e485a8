// The score flags (ingest/scores.ts): whether a response gave a scored answer and a low one, on the
// response and on its trail rows, so the scorecards read them from their indexes instead of
// probing the answers table for every response and every trail event (measured at 100,000 stored
// records: that was a third of a report's time in SQLite). The two indexes of migration 003 that
// those queries walk are rebuilt with the flags at their end, so the walks still never visit the
// tables. Stored data is backfilled by the same function the ingest calls (should the definition
// of a low score ever change, a new migration calls it again).
import { sql, type Kysely } from 'kysely'
import { markScores } from '../../ingest/scores'

const REBUILT: [name: string, table: string, before: string, after: string][] = [
  [
    'responses_days',
    'responses',
    'preview, (substr(started_at, 1, 10)), touchpoint, survey_id, completed, id, started_at',
    'preview, (substr(started_at, 1, 10)), touchpoint, survey_id, completed, id, started_at, scored, low',
  ],
  [
    'trail_events_days',
    'trail_events',
    'preview, kind, (substr(at, 1, 10)), event, touchpoint, survey_id, response_id, record_id, at',
    'preview, kind, (substr(at, 1, 10)), event, touchpoint, survey_id, response_id, record_id, at, scored, low',
  ],
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['responses', 'trail_events'])
    for (const flag of ['scored', 'low'])
      await db.schema
        .alterTable(table)
        .addColumn(flag, 'integer', (c) => c.notNull().defaultTo(0))
        .execute()
  await markScores(db)
  for (const [name, table, , columns] of REBUILT) {
    await sql.raw(`drop index ${name}`).execute(db)
    await sql.raw(`create index ${name} on ${table} (${columns})`).execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name, table, columns] of REBUILT) {
    await sql.raw(`drop index ${name}`).execute(db)
    await sql.raw(`create index ${name} on ${table} (${columns})`).execute(db)
  }
  for (const table of ['responses', 'trail_events']) for (const flag of ['scored', 'low']) await db.schema.alterTable(table).dropColumn(flag).execute()
}
