// Stores the checked records of one envelope in one transaction: upserts by id (the newest
// `updatedAt` of a response wins, a stale revision only counts as a delivery), the derived rows of
// each winning revision, the rejections, the drop count, and the ingest hooks. The database enforces
// all of it (primary keys, ON CONFLICT … WHERE), so several instances on one PostgreSQL never store
// a record twice or let an older revision win, whatever order the copies arrive in.
import { sql, type Transaction } from 'kysely'
import { randomUUID } from 'node:crypto'
import type { Survey } from '../../../sdk/src/pure/config/types'
import type { Database } from '../db/schema'
import type { Context, StoredResponse } from '../server/contract'
import { answerRows, trailRows } from './derive'
import { scoreFlags } from './scores'
import type { Rejected } from './envelope'
import { groupCommitter } from './group'
import { insertDiagnostics } from '../diagnostics/write'
import type { DiagnosticsIn } from '../diagnostics/contract'
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

/** A record of a group, with when its batch arrived. */
interface Arrived<T extends WireRecord> {
  record: T
  receivedAt: string
}

/** One id's copies in a group, collapsed: the copy that counts, how many there were, the earliest arrival. */
interface Collapsed<T extends WireRecord> {
  record: T
  copies: number
  receivedAt: string
}

/**
 * The copies of each id in a group, collapsed to the one that counts (a response's newest
 * `updatedAt`, the later copy on a tie; a moment's first copy) and how many copies there were: a
 * statement may not touch one row twice, and every copy is a delivery. A row inserted now says
 * when its first copy arrived.
 */
function collapse<T extends WireRecord>(records: Arrived<T>[], newer: (a: T, b: T) => boolean): Collapsed<T>[] {
  const byId = new Map<string, Collapsed<T>>()
  for (const { record, receivedAt } of records) {
    const seen = byId.get(record.id)
    if (!seen) byId.set(record.id, { record, copies: 1, receivedAt })
    else {
      seen.copies++
      if (newer(record, seen.record)) seen.record = record
      if (receivedAt < seen.receivedAt) seen.receivedAt = receivedAt
    }
  }
  // One lock order for every instance: two transactions upserting the same ids in opposite orders
  // would deadlock on PostgreSQL.
  return [...byId.values()].sort((a, b) => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0))
}

/** Records per group transaction: a few statements of at most CHUNK rows each. */
const GROUP_RECORDS = 1000

/**
 * Transactions in flight at once per database. SQLite has one writer (and better-sqlite3 runs on
 * this thread), so one at a time while the next group gathers. PostgreSQL: a few, so a group's
 * round trips overlap another's commit, while each still gathers several batches under load.
 */
const IN_FLIGHT = { sqlite: 1, postgres: 3 } as const

const committers = new WeakMap<Context, (batch: Batch) => Promise<StoredResponse[]>>()

/**
 * Writes a batch; resolves with its responses whose stored revision changed, once committed.
 * Batches that arrive while the database is busy share one transaction (group commit, see
 * `group.ts`): each still resolves only after that transaction's commit.
 */
export function writeBatch(ctx: Context, batch: Batch): Promise<StoredResponse[]> {
  let submit = committers.get(ctx)
  if (!submit) {
    submit = groupCommitter<Batch, StoredResponse[]>({
      maxInFlight: IN_FLIGHT[ctx.store.kind],
      maxItems: GROUP_RECORDS,
      sizeOf: (b) => b.records.length + b.rejected.length + 1,
      run: (group) => writeGroup(ctx, group),
      mayIsolate: (e) => !unavailable(e),
    })
    committers.set(ctx, submit)
  }
  return submit(batch)
}

/**
 * Writes several batches in one transaction; resolves after the commit with, for each batch, its
 * responses whose stored revision changed.
 */
export async function writeGroup(ctx: Context, batches: Batch[]): Promise<StoredResponse[][]> {
  const surveys = new Map<string, Survey>((ctx.config.surveys ?? []).map((s) => [s.id, s]))
  const arrived = batches.flatMap((b) => b.records.map((record) => ({ record, receivedAt: b.receivedAt })))
  const responses = collapse(
    arrived.filter((a): a is Arrived<ResponseIn> => a.record.kind === 'response'),
    (a, b) => a.updatedAt >= b.updatedAt,
  )
  const moments = collapse(
    arrived.filter((a): a is Arrived<MomentIn> => a.record.kind === 'shown' || a.record.kind === 'dismissed'),
    () => false,
  )
  const diagnostics = arrived.filter((a): a is Arrived<DiagnosticsIn> => a.record.kind === 'diagnostics')
  const rejected = batches.flatMap((b) =>
    b.rejected.map((r) => ({
      id: randomUUID(),
      received_at: b.receivedAt,
      record_id: r.id,
      survey_id: r.surveyId,
      reason: r.reason.slice(0, 500),
      origin: b.origin,
    })),
  )
  const drops = batches.filter((b) => b.dropped > 0).map((b) => ({ id: randomUUID(), received_at: b.receivedAt, dropped: b.dropped }))
  const changed = await withRetry(() =>
    ctx.store.db.transaction().execute(async (trx) => {
      const changed = await upsertResponses(trx, responses, surveys)
      await upsertMoments(trx, moments)
      await insertDiagnostics(trx, diagnostics)
      for (const part of chunks(rejected)) await trx.insertInto('rejections').values(part).execute()
      if (drops.length) await trx.insertInto('drops').values(drops).execute()
      if (changed.length) for (const hook of ctx.hooks) await hook.stored(trx, changed, ctx)
      return changed
    }),
  )
  const byId = new Map(changed.map((r) => [r.id, r]))
  return batches.map((b) => {
    const ids = new Set(b.records.map((r) => r.id))
    return [...ids].flatMap((id) => byId.get(id) ?? [])
  })
}

/**
 * Upserts responses: new ones are inserted, newer revisions replace the stored one, and every copy
 * counts as a delivery. Returns the responses whose stored revision changed, after rewriting their
 * derived rows. A few statements per group, whatever its size.
 */
async function upsertResponses(trx: Transaction<Database>, batch: Collapsed<ResponseIn>[], surveys: Map<string, Survey>): Promise<StoredResponse[]> {
  if (!batch.length) return []
  // Each revision's derived answers rows and score flags, computed once: the flags go into the
  // response's own row and its trail rows, in the same statements (no statement of their own).
  const derived = new Map(
    batch.map(({ record: r }) => {
      const answers = answerRows(r, surveys.get(r.surveyId))
      return [r.id, { answers, flags: scoreFlags(answers) }] as const
    }),
  )
  const won = new Map<string, { receivedAt: string; inserted: boolean }>()
  for (const part of chunks(batch)) {
    // New, or newer than the stored revision: the row is written and returned. Otherwise the WHERE
    // leaves the row as it is (still locked, so concurrent copies queue up) and nothing is returned.
    const rows = await trx
      .insertInto('responses')
      .values(
        part.map(({ record: r, copies, receivedAt }) => ({
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
          ...derived.get(r.id)!.flags,
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
            scored: eb.ref('excluded.scored'),
            low: eb.ref('excluded.low'),
            deliveries: sql<number>`responses.deliveries + excluded.deliveries`,
          }))
          .where(sql<boolean>`excluded.updated_at > responses.updated_at`),
      )
      .returning(['id', 'received_at', 'deliveries'])
      .execute()
    // Inserted just now exactly when its count is this group's copies (an update adds to an earlier count).
    const copies = new Map(part.map((b) => [b.record.id, b.copies]))
    for (const row of rows) won.set(row.id, { receivedAt: row.received_at, inserted: Number(row.deliveries) === copies.get(row.id) })
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
  // A revision that replaced a stored one has derived rows to clear first; a response inserted just
  // now has none (its rows are written in the same transaction as the response, and deleted with it).
  const replaced = winners.filter((r) => !won.get(r.id)!.inserted).map((r) => r.id)
  for (const part of chunks(replaced)) await trx.deleteFrom('answers').where('response_id', 'in', part).execute()
  for (const part of chunks(winners.flatMap((r) => derived.get(r.id)!.answers)))
    await trx
      .insertInto('answers')
      .values(part)
      // Never expected; but should a row outlive its response (an erasure racing an ingest), the
      // winning revision's value replaces it instead of failing the batch forever.
      .onConflict((oc) =>
        oc.columns(['response_id', 'question_id']).doUpdateSet((eb) => ({
          survey_id: eb.ref('excluded.survey_id'),
          touchpoint: eb.ref('excluded.touchpoint'),
          owner: eb.ref('excluded.owner'),
          metric: eb.ref('excluded.metric'),
          value: eb.ref('excluded.value'),
          text: eb.ref('excluded.text'),
          at: eb.ref('excluded.at'),
          lang: eb.ref('excluded.lang'),
          path: eb.ref('excluded.path'),
          preview: eb.ref('excluded.preview'),
        })),
      )
      .execute()
  await writeTrails(trx, winners, replaced, (r) => derived.get(r.id)?.flags)
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
    receivedAt: won.get(r.id)!.receivedAt,
  }))
}

/** Inserts shown/dismissed records once; a copy only counts as a delivery (a moment never changes). */
async function upsertMoments(trx: Transaction<Database>, batch: Collapsed<MomentIn>[]): Promise<void> {
  const fresh: MomentIn[] = []
  for (const part of chunks(batch)) {
    const rows = await trx
      .insertInto('moments')
      .values(
        part.map(({ record: m, copies, receivedAt }) => ({
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
    // Inserted just now exactly when its count is this group's copies (an update adds to an earlier count).
    const copies = new Map(part.map((b) => [b.record.id, b.copies]))
    const inserted = new Set(rows.filter((r) => Number(r.deliveries) === copies.get(r.id)).map((r) => r.id))
    fresh.push(...part.map((b) => b.record).filter((m) => inserted.has(m.id)))
  }
  await writeTrails(trx, fresh, [])
}

/**
 * Writes the trail rows of these records (with a response's score flags), clearing first those of
 * `replaced` (ids whose stored revision changed).
 */
async function writeTrails(
  trx: Transaction<Database>,
  records: (ResponseIn | MomentIn)[],
  replaced: string[],
  flags: (record: ResponseIn | MomentIn) => { scored: number; low: number } | undefined = () => undefined,
): Promise<void> {
  for (const part of chunks(replaced)) await trx.deleteFrom('trail_events').where('record_id', 'in', part).execute()
  for (const part of chunks(records.flatMap((r) => trailRows(r, flags(r)))))
    await trx
      .insertInto('trail_events')
      .values(part)
      // As for answers: a row that outlived its record is overwritten, not a reason to fail the batch.
      .onConflict((oc) =>
        oc.columns(['record_id', 'event']).doUpdateSet((eb) => ({
          response_id: eb.ref('excluded.response_id'),
          kind: eb.ref('excluded.kind'),
          touchpoint: eb.ref('excluded.touchpoint'),
          survey_id: eb.ref('excluded.survey_id'),
          at: eb.ref('excluded.at'),
          preview: eb.ref('excluded.preview'),
          scored: eb.ref('excluded.scored'),
          low: eb.ref('excluded.low'),
        })),
      )
      .execute()
}

/**
 * The database is down, unreachable or locked by another process: every batch would fail the same
 * way (SQLite busy or locked; no connection; PostgreSQL's connection errors, class 08, shutdowns, 57P0x,
 * and too many connections, 53300).
 */
function unavailable(e: unknown): boolean {
  const code = String((e as { code?: unknown } | null)?.code ?? '')
  return (
    /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR)/.test(code) || /^(ECONN|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_)/.test(code) || /^(08|57P0)/.test(code) || code === '53300'
  )
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
