// Opens the collector's database: PostgreSQL when a `postgres://` URL is given, else an embedded
// SQLite file (better-sqlite3). Both are driven through one Kysely instance, so every query is
// written once; the few places where the dialects differ ask `kind`.
import Sqlite from 'better-sqlite3'
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import pg from 'pg'
import { migrations } from './migrations/index'
import type { Database } from './schema'

export interface Store {
  db: Kysely<Database>
  kind: 'sqlite' | 'postgres'
  close(): Promise<void>
}

export interface OpenOptions {
  /** `postgres://…` (DATABASE_URL): PostgreSQL. Unset: SQLite in `file`. */
  url?: string
  /** The SQLite file (HETKI_DB, default ./hetki.db); `:memory:` for tests. */
  file?: string
  /** Connections in the PostgreSQL pool (default 10). */
  poolSize?: number
}

/** Opens the database and runs the pending migrations. Rejects with the migration's error. */
export async function openStore({ url, file = './hetki.db', poolSize = 10 }: OpenOptions = {}): Promise<Store> {
  let store: Store
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: poolSize })
    // An idle connection the server drops (a restart, a failover, a shutdown) is an 'error' event on
    // the pool; unheard, it would crash the process. The pool discards that client, and the next
    // query opens a new connection or fails, which the HTTP layer answers with 503 and Retry-After.
    pool.on('error', () => {})
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    store = { db, kind: 'postgres', close: () => db.destroy() }
  } else {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
    const sqlite = new Sqlite(file)
    // WAL lets readers (exports, scorecards) run beside the writer; synchronous=FULL makes a commit
    // durable before it returns, so a 2xx is only ever sent for records that survive a crash or a
    // power cut. busy_timeout: another process (demo:seed) may hold the write lock for a moment.
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('busy_timeout = 5000')
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
    store = { db, kind: 'sqlite', close: () => db.destroy() }
  }
  const { error, results } = await new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } }).migrateToLatest()
  if (error) {
    await store.close()
    const failed = results?.find((r) => r.status === 'Error')?.migrationName
    throw new Error(`database migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`)
  }
  return store
}
