// Opens the collector's database: PostgreSQL when a `postgres://` URL is given, else an embedded
// SQLite file (better-sqlite3). Both are driven through one Kysely instance, so every query is
// written once; the few places where the dialects differ ask `kind`.
import Sqlite from 'better-sqlite3'
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely'
import { mkdirSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname } from 'node:path'
import pg from 'pg'
import { migrations } from './migrations/index'
import { sqliteReaders } from './readers'
import type { Database } from './schema'

export interface Store {
  db: Kysely<Database>
  /**
   * Where the reports (scorecards, texts) read: for a SQLite file, read-only connections in worker
   * threads (db/readers.ts), so a report never holds the event loop; otherwise `db` itself.
   */
  reader: Kysely<Database>
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
  /** SQLite file only: read-only connections for the reports, in worker threads (default: the cores, at most 4; 0: none, the reports read on the main connection). */
  readers?: number
}

/** Opens the database and runs the pending migrations. Rejects with the migration's error. */
export async function openStore({ url, file = './hetki.db', poolSize = 10, readers = Math.min(4, availableParallelism()) }: OpenOptions = {}): Promise<Store> {
  let store: Store
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: poolSize })
    // An idle connection the server drops (a restart, a failover, a shutdown) is an 'error' event on
    // the pool; unheard, it would crash the process. The pool discards that client, and the next
    // query opens a new connection or fails, which the HTTP layer answers with 503 and Retry-After.
    pool.on('error', () => {})
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    store = { db, reader: db, kind: 'postgres', close: () => db.destroy() }
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
    // An in-memory database exists only on its own connection: its reports read there.
    const reader = file !== ':memory:' && readers > 0 ? sqliteReaders(file, readers) : db
    store = { db, reader, kind: 'sqlite', close: async () => void (await Promise.all([db.destroy(), reader !== db && reader.destroy()])) }
  }
  const { error, results } = await new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } }).migrateToLatest()
  if (error) {
    await store.close()
    const failed = results?.find((r) => r.status === 'Error')?.migrationName
    throw new Error(`database migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`)
  }
  return store
}
