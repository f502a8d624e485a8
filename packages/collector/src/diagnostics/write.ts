// Stores diagnostics records in the ingest's transaction: one `diagnostics` row per record and
// survey, one `diagnostic_counts` row per record, survey and outcome. Insert-only and keyed by the
// record's id: the copies a retry or a beacon adds are ignored by the database itself, on any
// number of instances, so no count is ever added twice.
import type { Transaction } from 'kysely'
import type { Database, DiagnosticCountsTable, DiagnosticsTable } from '../db/schema'
import type { DiagnosticsIn } from './contract'

/** Rows per statement: 7 parameters each, far below both databases' bounds. */
const CHUNK = 500

/** Inserts the records that are new; copies of stored ones (same id) change nothing. */
export async function insertDiagnostics(trx: Transaction<Database>, arrived: { record: DiagnosticsIn; receivedAt: string }[]): Promise<void> {
  if (!arrived.length) return
  const reports: DiagnosticsTable[] = []
  const counts: DiagnosticCountsTable[] = []
  const seen = new Set<string>()
  for (const { record: r, receivedAt } of arrived) {
    // Two copies in one group: one statement may not insert a key twice.
    if (seen.has(r.id)) continue
    seen.add(r.id)
    for (const s of r.surveys) {
      reports.push({
        record_id: r.id,
        survey_id: s.surveyId,
        day: r.day,
        first: s.first ? 1 : 0,
        previous_day: s.previousDay,
        sample: r.sample,
        received_at: receivedAt,
      })
      for (const [outcome, count] of s.outcomes) counts.push({ record_id: r.id, survey_id: s.surveyId, day: r.day, outcome, count, sample: r.sample })
    }
  }
  for (let i = 0; i < reports.length; i += CHUNK)
    await trx
      .insertInto('diagnostics')
      .values(reports.slice(i, i + CHUNK))
      .onConflict((oc) => oc.columns(['record_id', 'survey_id']).doNothing())
      .execute()
  for (let i = 0; i < counts.length; i += CHUNK)
    await trx
      .insertInto('diagnostic_counts')
      .values(counts.slice(i, i + CHUNK))
      .onConflict((oc) => oc.columns(['record_id', 'survey_id', 'outcome']).doNothing())
      .execute()
}
