// startCollector: the whole service from options (the CLI reads them from flags, files and the
// environment). Opens the database (migrations run), applies retention, starts the HTTP server and
// any background services, and hands back how to stop it all.
import { createServer, type Server } from 'node:http'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Config } from '../../sdk/src/pure/config/types'
import { checkAlerts } from './alerts/check'
import { alertsHook } from './alerts/hook'
import { startAlertWorker } from './alerts/worker'
import { openStore, type Store } from './db/open'
import { applyRetention, scheduleRetention } from './maintenance/retention'
import type { Context, IngestHook, ServerConfig } from './server/contract'
import { createHandler, type RequestHook } from './server/http'
import { collectorRoutes, partRoutes, type RouteEntry } from './server/routes'
import type { Mount } from './server/static'

/** A background job that runs beside the server (the alerts' sender); stopped on close. */
export type Service = (ctx: Context) => { stop(): Promise<void> | void }

export interface StartOptions {
  /** The Hetki config the site serves, or the path of its JSON file. */
  config: Config | string
  /** The server-only settings (tokens, origins, limits), or the path of its JSON file. */
  server?: ServerConfig | string
  /** PostgreSQL URL (DATABASE_URL). Unset: SQLite in `dbFile`. */
  databaseUrl?: string
  /** The SQLite file (HETKI_DB); default ./hetki.db; ':memory:' for tests. */
  dbFile?: string
  /** SQLite: read-only connections for the reports, in worker threads (HETKI_READERS; default the cores, at most 4; 0: none). */
  readers?: number
  /** Default 8787; 0 picks a free port. */
  port?: number
  /** Default 127.0.0.1: reachable from this machine only until you say otherwise. */
  host?: string
  /** A folder served at / (the demo's site). */
  site?: string
  /** A folder served at /hetki/ with CORS for every origin (the SDK's dist/). */
  sdk?: string
  /** The results app's folder, served at /app/ (default: the package's app/). */
  app?: string
  /** Slots the ingest calls inside its transaction (the alerts' enqueue). */
  hooks?: IngestHook[]
  /** More read routes (token checked before they run), matched before the collector's own. */
  routes?: RouteEntry[]
  /** Background services started with the server, stopped on close. */
  services?: Service[]
  /** Answers a request before the collector when it returns true (tests: flaky networks, fixture pages). */
  handle?: RequestHook
  /** The clock (tests). */
  now?: () => Date
  /** Where operational messages go (default console.error). */
  log?: (message: string) => void
}

export interface Collector {
  /** http://host:port, no trailing slash. */
  url: string
  store: Store
  ctx: Context
  /** Stops taking requests, lets those in flight finish for up to `graceMs` (default 5000), then closes everything. */
  close(graceMs?: number): Promise<void>
}

const readJson = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(readFileSync(value, 'utf8')) as T) : value)

/** The package's own folder, from src/ (tests) or dist/ (built): both sit one level below it. */
const packageDir = () => join(dirname(fileURLToPath(import.meta.url)), '..')

/** uPlot's files, for the results app: found through node's resolution, wherever npm put the package. */
function uplotFiles(): Record<string, string> {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('uplot/package.json'))
    return { '/app/vendor/uplot.js': join(dir, 'dist', 'uPlot.esm.js'), '/app/vendor/uplot.css': join(dir, 'dist', 'uPlot.min.css') }
  } catch {
    return {}
  }
}

/** Starts the collector. Rejects when the config cannot be read, the database cannot be opened or migrated, or the port is taken. */
export async function startCollector(options: StartOptions): Promise<Collector> {
  const config = readJson(options.config)
  if (!config || !Array.isArray(config.surveys)) throw new Error('the Hetki config must be an object with a "surveys" list')
  const server = readJson(options.server ?? {})
  const log = options.log ?? ((m: string) => console.error('[hetki-collector] ' + m))
  // A broken alerts block must stop the start, not lose alerts quietly later.
  const alertProblems = server.alerts ? checkAlerts(server.alerts, config) : []
  if (alertProblems.length) throw new Error('the alerts block of the server file has problems:\n  ' + alertProblems.join('\n  '))
  const store = await openStore({ url: options.databaseUrl, file: options.dbFile, readers: options.readers })
  const ctx: Context = { store, config, server, now: options.now ?? (() => new Date()), hooks: options.hooks ?? (server.alerts ? [alertsHook()] : []) }
  try {
    await applyRetention(ctx)
  } catch (e) {
    await store.close()
    throw e
  }
  const app = options.app ?? join(packageDir(), 'app')
  const mounts: Mount[] = [
    // Mounted even before the folder exists: files are looked up per request.
    { prefix: '/app/', dir: app },
    // The SDK's lazy chunks are ES modules: a page on another origin may import them only with CORS, as from any CDN.
    ...(options.sdk ? [{ prefix: '/hetki/', dir: options.sdk, headers: { 'access-control-allow-origin': '*' } }] : []),
    ...(options.site ? [{ prefix: '/', dir: options.site }] : []),
  ]
  const handler = createHandler(ctx, {
    routes: [...(options.routes ?? []), ...partRoutes, ...collectorRoutes],
    mounts,
    files: uplotFiles(),
    handle: options.handle,
    log,
  })
  const http: Server = createServer((req, res) => void handler(req, res))
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(options.port ?? 8787, host, () => resolve())
  }).catch(async (e) => {
    await store.close()
    throw e
  })
  const port = (http.address() as { port: number }).port
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  const stopRetention = scheduleRetention(ctx, (e) => log('retention failed: ' + (e instanceof Error ? e.message : String(e))))
  // The alerts' sender: one per instance; the database's leases keep them from sending one alert twice.
  const alertWorker: Service = (c) =>
    startAlertWorker(c, { publicUrl: c.server.publicUrl ?? url, onError: (e) => log('alerts: ' + (e instanceof Error ? e.message : String(e))) })
  const services = (options.services ?? (server.alerts ? [alertWorker] : [])).map((start) => start(ctx))
  let closing: Promise<void> | undefined
  const close = (graceMs = 5000) =>
    (closing ??= (async () => {
      stopRetention()
      const closed = new Promise<void>((resolve) => http.close(() => resolve()))
      http.closeIdleConnections()
      const force = setTimeout(() => http.closeAllConnections(), graceMs)
      await closed
      clearTimeout(force)
      for (const s of services) await s.stop()
      await store.close()
    })())
  return { url, store, ctx, close }
}
