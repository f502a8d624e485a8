// The diagnostics' query layer: sums of outcome counts, distinct devices and sample rates per survey
// over a range of whole UTC days, one code path for SQLite and PostgreSQL. Counts come back as
// numbers (SQLite) or strings (PostgreSQL's bigint) and go through Number().
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

/** What compute.ts turns into the funnels. */
export interface DiagnosticsInput {
  /** Sums by survey and outcome; `estimated` divides each record's count by its sample rate. */
  counts: { survey: string; outcome: string; count: number; estimated: number }[]
  /** Distinct devices per survey that reported in the period. */
  devices: { survey: string; devices: number }[]
  /** The sample rates per survey the period's records came with. */
  samples: { survey: string; sample: number }[]
}

/**
 * Loads the period [from, to) (YYYY-MM-DD days) for `surveys` (undefined: every survey). A device
 * is counted once per survey: by its first report of the period, the report that is its first of
 * its day and whose previous reporting day lies before the period (or that has none).
 */
export async function loadDiagnostics(db: Kysely<Database>, from: string, to: string, surveys: string[] | undefined): Promise<DiagnosticsInput> {
  if (surveys && !surveys.length) return { counts: [], devices: [], samples: [] }
  const [counts, devices, samples] = await Promise.all([
    db
      .selectFrom('diagnostic_counts')
      .select((eb) => [
        'survey_id',
        'outcome',
        eb.fn.sum<number | string>('count').as('n'),
        eb.fn.sum<number | string>(eb('count', '/', eb.ref('sample'))).as('estimated'),
      ])
      .where('day', '>=', from)
      .where('day', '<', to)
      .$if(!!surveys, (q) => q.where('survey_id', 'in', surveys!))
      .groupBy(['survey_id', 'outcome'])
      .execute(),
    db
      .selectFrom('diagnostics')
      .select((eb) => ['survey_id', eb.fn.countAll<number | string>().as('n')])
      .where('first', '=', 1)
      .where('day', '>=', from)
      .where('day', '<', to)
      .where((eb) => eb.or([eb('previous_day', 'is', null), eb('previous_day', '<', from)]))
      .$if(!!surveys, (q) => q.where('survey_id', 'in', surveys!))
      .groupBy('survey_id')
      .execute(),
    db
      .selectFrom('diagnostics')
      .select(['survey_id', 'sample'])
      .distinct()
      .where('day', '>=', from)
      .where('day', '<', to)
      .$if(!!surveys, (q) => q.where('survey_id', 'in', surveys!))
      .execute(),
  ])
  return {
    counts: counts.map((r) => ({ survey: r.survey_id, outcome: r.outcome, count: Number(r.n), estimated: Number(r.estimated) })),
    devices: devices.map((r) => ({ survey: r.survey_id, devices: Number(r.n) })),
    samples: samples.map((r) => ({ survey: r.survey_id, sample: Number(r.sample) })),
  }
}
