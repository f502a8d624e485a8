// Stores the checked records of one envelope in one transaction: upserts by id (the newest
// `updatedAt` of a response wins, a stale revision only counts as a delivery), the derived rows of
// each winning revision, the rejections, the drop count, and the ingest hooks. The database enforces
// all of it (primary keys, ON CONFLICT … WHERE), so several instances on one PostgreSQL never store
// a record twice or let an older revision win, whatever order the copies arrive in.
import { sql, type Transaction } from 'kysely'
import { randomUUID } from 'node:crypto'
import type { Survey } from '../../../sdk/src/config/types'
import type { Database } from '../db/schema'
import type { Context, StoredResponse } from '../server/contract'
import { answerRows, trailRows } from './derive'
import type { Rejected } from './envelope'
import type { MomentIn, ResponseIn, WireRecord } from './record'

export interface Batch {
  records: WireRecord[]
  rejected: Rejected[]
  dropped: number
  origin: string | null
  receivedAt: string
}

/** Rows per statement: far below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const CHUNK = 500

const chunks = <T>(rows: T[]): T[][] => {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK))
  return out
}

/**
 * The copies of each id in a batch, collapsed to the one that counts (a response's newest
 * `updatedAt`, the later copy on a tie; a moment's first copy) and how many copies there were: a
 * statement may not touch one row twice, and every copy is a delivery.
 */
function collapse<T extends WireRecord>(records: T[], newer: (a: T, b: T) => boolean): { record: T; copies: number }[] {
  const byId = new Map<string, { record: T; copies: number }>()
  for (const record of records) {
    const seen = byId.get(record.id)
    if (!seen) byId.set(record.id, { record, copies: 1 })
    else {
      seen.copies++
      if (newer(record, seen.record)) seen.record = record
    }
  }
  // One lock order for every instance: two transactions upserting the same ids in opposite orders
  // would deadlock on PostgreSQL.
  return [...byId.values()].sort((a, b) => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0))
}

/** Writes a batch; resolves with the responses whose stored revision changed, once committed. */
export async function writeBatch(ctx: Context, batch: Batch): Promise<StoredResponse[]> {
  const surveys = new Map<string, Survey>((ctx.config.surveys ?? []).map((s) => [s.id, s]))
  const responses = collapse(
    batch.records.filter((r): r is ResponseIn => r.kind === 'response'),
    (a, b) => a.updatedAt >= b.updatedAt,
  )
  const moments = collapse(
    batch.records.filter((r): r is MomentIn => r.kind !== 'response'),
    () => false,
  )
  return withRetry(() =>
    ctx.store.db.transaction().execute(async (trx) => {
      const changed = await upsertResponses(trx, responses, batch.receivedAt, surveys)
      await upsertMoments(trx, moments, batch.receivedAt)
      if (batch.rejected.length)
        await trx
          .insertInto('rejections')
          .values(batch.rejected.map((r) => ({ id: randomUUID(), received_at: batch.receivedAt, record_id: r.id, survey_id: r.surveyId, reason: r.reason.slice(0, 500), origin: batch.origin })))
          .execute()
      if (batch.dropped > 0) await trx.insertInto('drops').values({ id: randomUUID(), received_at: batch.receivedAt, dropped: batch.dropped }).execute()
      if (changed.length) for (const hook of ctx.hooks) await hook.stored(trx, changed, ctx)
      return changed
    }),
  )
}

/**
 * Upserts responses: new ones are inserted, newer revisions replace the stored one, and every copy
 * counts as a delivery. Returns the responses whose stored revision changed, after rewriting their
 * derived rows. A few statements per batch, whatever its size.
 */
async function upsertResponses(trx: Transaction<Database>, batch: { record: ResponseIn; copies: number }[], receivedAt: string, surveys: Map<string, Survey>): Promise<StoredResponse[]> {
  if (!batch.length) return []
  const won = new Map<string, string>()
  for (const part of chunks(batch)) {
    // New, or newer than the stored revision: the row is written and returned. Otherwise the WHERE
    // leaves the row as it is (still locked, so concurrent copies queue up) and nothing is returned.
    const rows = await trx
      .insertInto('responses')
      .values(
        part.map(({ record: r, copies }) => ({
          id: r.id,
          survey_id: r.surveyId,
          touchpoint: r.touchpoint,
          owner: r.owner,
          completed: r.completed ? 1 : 0,
          answers: JSON.stringify(r.answers),
          lang: r.lang,
          path: r.path,
          url: r.url,
          user_id: r.userId,
          trail: JSON.stringify(r.trail),
          preview: r.preview ? 1 : 0,
          started_at: r.startedAt,
          updated_at: r.updatedAt,
          received_at: receivedAt,
          deliveries: copies,
        })),
      )
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => ({
            survey_id: eb.ref('excluded.survey_id'),
            touchpoint: eb.ref('excluded.touchpoint'),
            owner: eb.ref('excluded.owner'),
            completed: eb.ref('excluded.completed'),
            answers: eb.ref('excluded.answers'),
            lang: eb.ref('excluded.lang'),
            path: eb.ref('excluded.path'),
            url: eb.ref('excluded.url'),
            user_id: eb.ref('excluded.user_id'),
            trail: eb.ref('excluded.trail'),
            preview: eb.ref('excluded.preview'),
            started_at: eb.ref('excluded.started_at'),
            updated_at: eb.ref('excluded.updated_at'),
            deliveries: sql<number>`responses.deliveries + excluded.deliveries`,
          }))
          .where(sql<boolean>`excluded.updated_at > responses.updated_at`),
      )
      .returning(['id', 'received_at'])
      .execute()
    for (const row of rows) won.set(row.id, row.received_at)
  }
  // The same or an older revision: a delivery all the same (retries, beacons), counted atomically.
  const stale = new Map<number, string[]>()
  for (const { record, copies } of batch) if (!won.has(record.id)) stale.set(copies, [...(stale.get(copies) ?? []), record.id])
  for (const [copies, ids] of stale)
    for (const part of chunks(ids))
      await trx
        .updateTable('responses')
        .set({ deliveries: sql<number>`deliveries + ${copies}` })
        .where('id', 'in', part)
        .execute()

  const winners = batch.map((b) => b.record).filter((r) => won.has(r.id))
  if (!winners.length) return []
  const ids = winners.map((r) => r.id)
  for (const part of chunks(ids)) await trx.deleteFrom('answers').where('response_id', 'in', part).execute()
  for (const part of chunks(winners.flatMap((r) => answerRows(r, surveys.get(r.surveyId))))) await trx.insertInto('answers').values(part).execute()
  await writeTrails(trx, winners)
  return winners.map((r) => ({
    id: r.id,
    surveyId: r.surveyId,
    touchpoint: r.touchpoint,
    owner: r.owner,
    completed: r.completed,
    answers: r.answers,
    trail: r.trail,
    lang: r.lang,
    path: r.path,
    userId: r.userId,
    preview: r.preview,
    startedAt: r.startedAt,
    updatedAt: r.updatedAt,
    receivedAt: won.get(r.id)!,
  }))
}

/** Inserts shown/dismissed records once; a copy only counts as a delivery (a moment never changes). */
async function upsertMoments(trx: Transaction<Database>, batch: { record: MomentIn; copies: number }[], receivedAt: string): Promise<void> {
  const fresh: MomentIn[] = []
  for (const part of chunks(batch)) {
    const rows = await trx
      .insertInto('moments')
      .values(
        part.map(({ record: m, copies }) => ({
          id: m.id,
          kind: m.kind,
          survey_id: m.surveyId,
          response_id: m.responseId,
          touchpoint: m.touchpoint,
          owner: m.owner,
          lang: m.lang,
          path: m.path,
          user_id: m.userId,
          trail: JSON.stringify(m.trail),
          preview: m.preview ? 1 : 0,
          at: m.at,
          received_at: receivedAt,
          deliveries: copies,
        })),
      )
      .onConflict((oc) => oc.column('id').doUpdateSet({ deliveries: sql<number>`moments.deliveries + excluded.deliveries` }))
      .returning(['id', 'deliveries'])
      .execute()
    // Inserted just now exactly when its count is this batch's copies (an update adds to an earlier count).
    const copies = new Map(part.map((b) => [b.record.id, b.copies]))
    const inserted = new Set(rows.filter((r) => Number(r.deliveries) === copies.get(r.id)).map((r) => r.id))
    fresh.push(...part.map((b) => b.record).filter((m) => inserted.has(m.id)))
  }
  await writeTrails(trx, fresh)
}

/** Rewrites the trail rows of these records. */
async function writeTrails(trx: Transaction<Database>, records: (ResponseIn | MomentIn)[]): Promise<void> {
  if (!records.length) return
  for (const part of chunks(records.map((r) => r.id))) await trx.deleteFrom('trail_events').where('record_id', 'in', part).execute()
  for (const part of chunks(records.flatMap(trailRows))) await trx.insertInto('trail_events').values(part).execute()
}

/** PostgreSQL may abort a transaction that lost a deadlock or serialization race; it is safe to run again. */
async function withRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (e) {
      const code = (e as { code?: unknown }).code
      if (attempt >= 3 || (code !== '40P01' && code !== '40001')) throw e
    }
  }
}
