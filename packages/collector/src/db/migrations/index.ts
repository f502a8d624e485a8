// Every migration, in order. A name is forever: a released migration is never edited, a change is a
// new file. Kysely's Migrator runs the pending ones at start-up under its lock table, so several
// instances starting at once on one PostgreSQL migrate once.
import type { Migration } from 'kysely'
import * as records from './001-records'
import * as alerts from './002-alerts'
import * as scorecards from './003-scorecards'
import * as diagnostics from './004-diagnostics'
import * as scoreFlags from './005-score-flags'

export const migrations: Record<string, Migration> = {
  '001-records': records,
  '002-alerts': alerts,
  '003-scorecards': scorecards,
  '004-diagnostics': diagnostics,
  '005-score-flags': scoreFlags,
}
