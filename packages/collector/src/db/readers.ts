// Read-only SQLite connections in worker threads, for the reports (scorecards, texts). better-sqlite3
// runs a query synchronously on the thread that calls it: a report over 100,000 records held the
// collector's event loop for a sixth of a second, and every POST /collect waited behind it. Here each
// query goes to the first idle worker (its own read-only connection; WAL lets readers run beside the
// writer), so the event loop stays free and a report's queries run side by side on the cores.
//
// Kysely drives the workers through a dialect of its own (SQLite's adapter, compiler and
// introspector; a driver that posts each compiled query to the pool), so the report's code is the
// same Kysely code whichever connection runs it. No transactions: each query reads the newest
// committed data when it starts (as the reports did on the main connection).
//
// Why not a pool library (piscina, tinypool): they load the worker from a file, and the collector
// runs both as TypeScript source (tests) and as an esbuild bundle (dist/); the worker here is a few
// lines of plain JavaScript given to `new Worker` as a string, which works the same in both.
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { Database } from './schema'

/** The worker: one read-only connection, one query at a time; answers rows or the error's message and code. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const Sqlite = require(workerData.driver)
const db = new Sqlite(workerData.file, { readonly: true, fileMustExist: true })
db.pragma('busy_timeout = 5000')
parentPort.on('message', ({ sql, parameters }) => {
  try {
    const statement = db.prepare(sql)
    if (!statement.reader) throw new Error('a reader runs only queries that return rows')
    parentPort.postMessage({ rows: statement.all(parameters) })
  } catch (e) {
    parentPort.postMessage({ error: { message: String(e && e.message), code: e && e.code } })
  }
})
`

interface Task {
  query: CompiledQuery
  resolve(rows: unknown[]): void
  reject(e: Error): void
}

/** A pool of up to `size` workers, started as queries need them, each running one query at a time. */
function workerPool(file: string, size: number) {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const workers = new Set<Worker>()
  const idle: Worker[] = []
  const busy = new Map<Worker, Task>()
  const queue: Task[] = []
  let closed = false

  const start = () => {
    const worker = new Worker(WORKER, { eval: true, workerData: { file, driver } })
    workers.add(worker)
    worker.on('message', (m: { rows?: unknown[]; error?: { message: string; code?: string } }) => {
      const task = busy.get(worker)
      busy.delete(worker)
      if (m.error) task?.reject(Object.assign(new Error(m.error.message), { code: m.error.code }))
      else task?.resolve(m.rows ?? [])
      next(worker)
    })
    // A worker that dies (it could not open the file, or crashed) fails its own query only; the
    // queue goes on with a new one. ('error' is followed by 'exit': the first one counts.)
    const gone = (e: Error) => {
      if (!workers.delete(worker)) return
      if (idle.includes(worker)) idle.splice(idle.indexOf(worker), 1)
      busy.get(worker)?.reject(e)
      busy.delete(worker)
      if (!closed && queue.length) dispatch()
    }
    worker.on('error', gone)
    worker.on('exit', (code) => gone(new Error(`a reader stopped (exit code ${code})`)))
    // Workers never hold the process open: the collector's server and its close() do.
    worker.unref()
    return worker
  }

  /** Gives the next queued query to this worker, or parks it. */
  const next = (worker: Worker) => {
    const task = queue.shift()
    if (!task) return void idle.push(worker)
    busy.set(worker, task)
    worker.postMessage({ sql: task.query.sql, parameters: task.query.parameters })
  }

  const dispatch = () => {
    const worker = idle.pop() ?? (workers.size < size ? start() : undefined)
    if (worker) next(worker)
  }

  return {
    run(query: CompiledQuery): Promise<unknown[]> {
      if (closed) return Promise.reject(new Error('the readers are closed'))
      return new Promise((resolve, reject) => {
        queue.push({ query, resolve, reject })
        dispatch()
      })
    },
    async close() {
      closed = true
      for (const task of queue.splice(0)) task.reject(new Error('the readers are closed'))
      await Promise.all([...workers].map((w) => w.terminate()))
    },
  }
}

class ReaderDriver implements Driver {
  constructor(private pool: ReturnType<typeof workerPool>) {}
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const pool = this.pool
    return {
      async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
        return { rows: (await pool.run(query)) as R[] }
      },
      async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
        throw new Error('the readers do not stream')
      },
    }
  }
  async beginTransaction(): Promise<void> {
    throw new Error('the readers run no transactions')
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {
    await this.pool.close()
  }
}

/**
 * A Kysely instance whose queries run on `size` read-only connections to the SQLite `file`, in
 * worker threads started on the first query. `destroy()` stops them.
 */
export function sqliteReaders(file: string, size: number): Kysely<Database> {
  const pool = workerPool(file, size)
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new ReaderDriver(pool),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  })
}
