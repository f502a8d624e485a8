// Fleet diagnostics: the sampled, counts-only decision outcomes browsers send when the config opts
// in (`diagnostics` in hetki.json; wire kind "diagnostics"). One row per record and survey says
// which day the counts belong to and, on a device's first report of that survey that day, when it
// last reported before (so distinct devices can be counted over any period without any id); one
// row per record, survey and outcome holds a count. Both are keyed by the record's id, so a re-sent
// record (a retry, a beacon's second copy) is stored once and never counted twice.
import { type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('diagnostics')
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('first', 'integer', (c) => c.notNull())
    .addColumn('previous_day', 'text')
    .addColumn('sample', 'real', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('diagnostics_pk', ['record_id', 'survey_id'])
    .execute()
  // Devices per survey and period: first reports in the period's days, read from the index alone.
  await db.schema.createIndex('diagnostics_devices').on('diagnostics').columns(['first', 'day', 'survey_id', 'previous_day', 'sample']).execute()
  await db.schema.createIndex('diagnostics_received').on('diagnostics').columns(['received_at']).execute()

  await db.schema
    .createTable('diagnostic_counts')
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('sample', 'real', (c) => c.notNull())
    .addPrimaryKeyConstraint('diagnostic_counts_pk', ['record_id', 'survey_id', 'outcome'])
    .execute()
  // The funnel sums counts by survey and outcome over a range of days.
  await db.schema.createIndex('diagnostic_counts_days').on('diagnostic_counts').columns(['day', 'survey_id', 'outcome', 'count', 'sample']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['diagnostic_counts', 'diagnostics']) await db.schema.dropTable(t).execute()
}
