// Fills a collector database with generated prompts fast: the rows the ingest would derive
// (collector-data.mjs rowsOf), written with multi-row inserts in large transactions. For the
// scorecards' latency at 100,000 stored records, where going through POST /collect would only
// measure the ingest again (that is measured on its own).
import { promptRecords, random, rowsOf } from './collector-data.mjs'

const DAY = 86_400_000

/**
 * Stores prompts until `records` wire records (shown + response + dismissed) are stored, their
 * times spread evenly over [from, to) (ms), then has `markScores` (the collector's
 * ingest/scores.ts) set the score flags the ingest keeps. Returns what was stored, by kind.
 */
export async function fill(db, { records, from, to, seed = 7, markScores }) {
  const rnd = random(seed)
  const counts = { records: 0, responses: 0, shown: 0, dismissed: 0, answers: 0, trail_events: 0 }
  const prompts = Math.round(records / 1.8) // about 1.8 records a prompt; topped up below
  let i = 0
  while (counts.records < records) {
    const batch = []
    for (let k = 0; k < 2000 && counts.records + batch.length < records; k++, i++) {
      const at = from + Math.floor(((i % prompts) + rnd()) * ((to - from) / prompts))
      for (const r of promptRecords(rnd, `bench${i}`, Math.min(at, to - 1))) if (counts.records + batch.length < records) batch.push(r)
    }
    const rows = rowsOf(batch, new Date(to).toISOString())
    await db.transaction().execute(async (trx) => {
      for (const [table, list] of Object.entries(rows)) {
        if (!list.length) continue
        const per = Math.floor(30_000 / Object.keys(list[0]).length)
        for (let k = 0; k < list.length; k += per)
          await trx
            .insertInto(table)
            .values(list.slice(k, k + per))
            .execute()
      }
    })
    counts.records += batch.length
    counts.responses += rows.responses.length
    counts.shown += rows.moments.filter((m) => m.kind === 'shown').length
    counts.dismissed += rows.moments.filter((m) => m.kind === 'dismissed').length
    counts.answers += rows.answers.length
    counts.trail_events += rows.trail_events.length
  }
  await markScores(db)
  return counts
}

export { DAY }
