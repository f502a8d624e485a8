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

/** Writes a batch; resolves with the responses whose stored revision changed, once committed. */
export async function writeBatch(ctx: Context, batch: Batch): Promise<StoredResponse[]> {
  const surveys = new Map<string, Survey>((ctx.config.surveys ?? []).map((s) => [s.id, s]))
  // One lock order for every instance: two transactions upserting the same ids in opposite orders
  // would deadlock on PostgreSQL. The sort is stable, so revisions of one id keep their order.
  const records = [...batch.records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return withRetry(() =>
    ctx.store.db.transaction().execute(async (trx) => {
      const changed = new Map<string, StoredResponse>()
      for (const record of records) {
        if (record.kind === 'response') {
          const stored = await upsertResponse(trx, record, batch.receivedAt, surveys.get(record.surveyId))
          if (stored) changed.set(stored.id, stored)
        } else await upsertMoment(trx, record, batch.receivedAt)
      }
      if (batch.rejected.length)
        await trx
          .insertInto('rejections')
          .values(batch.rejected.map((r) => ({ id: randomUUID(), received_at: batch.receivedAt, record_id: r.id, survey_id: r.surveyId, reason: r.reason.slice(0, 500), origin: batch.origin })))
          .execute()
      if (batch.dropped > 0) await trx.insertInto('drops').values({ id: randomUUID(), received_at: batch.receivedAt, dropped: batch.dropped }).execute()
      const responses = [...changed.values()]
      if (responses.length) for (const hook of ctx.hooks) await hook.stored(trx, responses, ctx)
      return responses
    }),
  )
}

/** Inserts or, when newer, replaces a response; returns it when its stored revision changed. */
async function upsertResponse(trx: Transaction<Database>, r: ResponseIn, receivedAt: string, survey: Survey | undefined): Promise<StoredResponse | undefined> {
  const row = {
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
    deliveries: 1,
  }
  // New, or newer than the stored revision: the row is written and returned. Otherwise the WHERE
  // leaves the row as it is (still locked, so concurrent copies queue up) and nothing is returned.
  const won = await trx
    .insertInto('responses')
    .values(row)
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
          deliveries: sql<number>`responses.deliveries + 1`,
        }))
        .where(sql<boolean>`excluded.updated_at > responses.updated_at`),
    )
    .returning(['received_at'])
    .executeTakeFirst()
  if (!won) {
    // The same or an older revision: a delivery all the same (retries, beacons), counted atomically.
    await trx
      .updateTable('responses')
      .set({ deliveries: sql<number>`deliveries + 1` })
      .where('id', '=', r.id)
      .execute()
    return undefined
  }
  await trx.deleteFrom('answers').where('response_id', '=', r.id).execute()
  const answers = answerRows(r, survey)
  if (answers.length) await trx.insertInto('answers').values(answers).execute()
  await writeTrail(trx, r)
  return {
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
    receivedAt: won.received_at,
  }
}

/** Inserts a shown/dismissed record once; a copy only counts as a delivery (a moment never changes). */
async function upsertMoment(trx: Transaction<Database>, m: MomentIn, receivedAt: string): Promise<void> {
  const stored = await trx
    .insertInto('moments')
    .values({
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
      deliveries: 1,
    })
    .onConflict((oc) => oc.column('id').doUpdateSet({ deliveries: sql<number>`moments.deliveries + 1` }))
    .returning(['deliveries'])
    .executeTakeFirstOrThrow()
  if (stored.deliveries === 1) await writeTrail(trx, m)
}

async function writeTrail(trx: Transaction<Database>, record: ResponseIn | MomentIn): Promise<void> {
  await trx.deleteFrom('trail_events').where('record_id', '=', record.id).execute()
  const rows = trailRows(record)
  if (rows.length) await trx.insertInto('trail_events').values(rows).execute()
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
