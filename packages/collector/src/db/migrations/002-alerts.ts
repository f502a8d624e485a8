// The alerts' durable queue (one row per response × rule × route, unique), the matches that count
// rules count, and the digests (one row per owner × channel × period, unique). The unique keys are
// what makes "one alert per response" hold across re-sends and collector instances.
import { type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('alert_matches')
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('response_id', 'text', (c) => c.notNull())
    .addColumn('touchpoint', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('fired', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('alert_matches_pk', ['rule_id', 'response_id'])
    .execute()
  await db.schema.createIndex('alert_matches_window').on('alert_matches').columns(['rule_id', 'touchpoint', 'at']).execute()
  // "Did the rule fire near this answer?" is a seek, however many matches the window holds.
  await db.schema.createIndex('alert_matches_fired').on('alert_matches').columns(['rule_id', 'touchpoint', 'fired', 'at']).execute()

  await db.schema
    .createTable('alert_queue')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('response_id', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('owner', 'text')
    .addColumn('touchpoint', 'text')
    .addColumn('detail', 'text')
    .addColumn('digest_every', 'text')
    .addColumn('digest_from', 'text')
    .addColumn('digest_to', 'text')
    .addColumn('digest_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addUniqueConstraint('alert_queue_once', ['response_id', 'rule_id', 'route'])
    .execute()
  await db.schema.createIndex('alert_queue_due').on('alert_queue').columns(['status', 'due_at']).execute()
  await db.schema.createIndex('alert_queue_digest').on('alert_queue').columns(['digest_id']).execute()

  await db.schema
    .createTable('alert_digests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('every', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('alerts', 'integer')
    .addUniqueConstraint('alert_digests_once', ['owner', 'channel', 'period_from'])
    .execute()
  await db.schema.createIndex('alert_digests_due').on('alert_digests').columns(['status', 'due_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['alert_digests', 'alert_queue', 'alert_matches']) await db.schema.dropTable(t).execute()
}
