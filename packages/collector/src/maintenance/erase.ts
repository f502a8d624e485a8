// Erasure and retention: deleting records together with every row derived from them, in one
// transaction, so no answer or trail event outlives the record it came from.
import type { SelectQueryBuilder, Transaction } from 'kysely'
import type { Store } from '../db/open'
import type { Database } from '../db/schema'

export interface Erased {
  responses: number
  moments: number
}

const count = (r: { numDeletedRows: bigint }[]) => r.reduce((n, x) => n + Number(x.numDeletedRows), 0)

/** Erases every response and shown/dismissed record that carries `userId`, and their derived rows. */
export async function eraseUser(store: Store, userId: string): Promise<Erased> {
  return store.db.transaction().execute(async (trx) => {
    const responses = trx.selectFrom('responses').select('id').where('user_id', '=', userId)
    const moments = trx.selectFrom('moments').select('id').where('user_id', '=', userId)
    await deriveds(trx, responses, moments)
    return {
      responses: count(await trx.deleteFrom('responses').where('user_id', '=', userId).execute()),
      moments: count(await trx.deleteFrom('moments').where('user_id', '=', userId).execute()),
    }
  })
}

/** Deletes what was received before `cutoff` (ISO): records, their derived rows, diagnostics, old rejections and drop counts. */
export async function deleteOlderThan(store: Store, cutoff: string): Promise<Erased> {
  return store.db.transaction().execute(async (trx) => {
    const responses = trx.selectFrom('responses').select('id').where('received_at', '<', cutoff)
    const moments = trx.selectFrom('moments').select('id').where('received_at', '<', cutoff)
    await deriveds(trx, responses, moments)
    await trx.deleteFrom('rejections').where('received_at', '<', cutoff).execute()
    // Diagnostics carry no user id, so erasure never concerns them; retention does. A record's
    // counts go with its report rows (one received_at per record).
    const reports = trx.selectFrom('diagnostics').select('record_id').where('received_at', '<', cutoff)
    await trx.deleteFrom('diagnostic_counts').where('record_id', 'in', reports).execute()
    await trx.deleteFrom('diagnostics').where('received_at', '<', cutoff).execute()
    await trx.deleteFrom('drops').where('received_at', '<', cutoff).execute()
    return {
      responses: count(await trx.deleteFrom('responses').where('received_at', '<', cutoff).execute()),
      moments: count(await trx.deleteFrom('moments').where('received_at', '<', cutoff).execute()),
    }
  })
}

/** A subquery of record ids. */
type Ids<T extends 'responses' | 'moments'> = SelectQueryBuilder<Database, T, { id: string }>

async function deriveds(trx: Transaction<Database>, responses: Ids<'responses'>, moments: Ids<'moments'>): Promise<void> {
  await trx.deleteFrom('answers').where('response_id', 'in', responses).execute()
  await trx.deleteFrom('trail_events').where('record_id', 'in', responses).execute()
  await trx.deleteFrom('trail_events').where('record_id', 'in', moments).execute()
}
