// The database's own batched insert rate, the limit the collector is measured against: response
// rows as the ingest stores them, written with Kysely multi-row inserts, 20 rows per transaction
// (the envelope size of the load), through openStore's connection (so the same durability: SQLite
// WAL with synchronous=FULL, PostgreSQL's defaults, fsync on), from as many concurrent writers as
// the load has clients (SQLite's one connection takes them in turn).
import { recordSource } from './collector-load.mjs'
import { rowsOf } from './collector-data.mjs'

export async function rawInsertRate(db, { seconds = 8, batch = 20, writers = 8, prefix = 'raw' } = {}) {
  const next = recordSource(prefix, 5)
  const rows = () => {
    const out = []
    while (out.length < batch) out.push(...rowsOf(next(batch), new Date().toISOString()).responses)
    return out.slice(0, batch)
  }
  let inserted = 0
  const started = performance.now()
  const deadline = started + seconds * 1000
  const writer = async () => {
    while (performance.now() < deadline) {
      const list = rows()
      await db.transaction().execute((trx) => trx.insertInto('responses').values(list).execute())
      inserted += list.length
    }
  }
  await Promise.all(Array.from({ length: writers }, writer))
  const elapsed = (performance.now() - started) / 1000
  return { rows: inserted, seconds: elapsed, perSecond: inserted / elapsed }
}
