// The read routes: every path under /api/ that needs a token. One table, so what can be read is
// listed in one place; startCollector({ routes }) adds more in front of these.
import { eraseRoute, exportCsv, exportNdjson, guarded, records, rejections } from '../read/routes'
import type { ReadRoute } from './contract'
import { alertsRoute } from '../alerts/status'
import { scorecardsRoute, textsRoute } from '../scorecards/routes'
import { diagnosticsRoute } from '../diagnostics/routes'

export interface RouteEntry {
  method: 'GET' | 'POST' | 'DELETE'
  /** An exact path, or a prefix ending in `/` matched with `prefix: true`. */
  path: string
  prefix?: boolean
  route: ReadRoute
}

/** The collector's own read routes. */
export const collectorRoutes: RouteEntry[] = [
  { method: 'GET', path: '/api/records', route: guarded(records) },
  { method: 'GET', path: '/api/export.csv', route: guarded(exportCsv) },
  { method: 'GET', path: '/api/export.ndjson', route: guarded(exportNdjson) },
  { method: 'GET', path: '/api/rejections', route: rejections },
  { method: 'DELETE', path: '/api/users/', prefix: true, route: eraseRoute },
]

/**
 * Routes of the other parts of the collector (scorecards, alerts), served beside the collector's
 * own; more can be passed as startCollector({ routes }). Each is a ReadRoute: the token is already
 * checked when it runs.
 */
export const partRoutes: RouteEntry[] = [
  { method: 'GET', path: '/api/scorecards', route: scorecardsRoute },
  { method: 'GET', path: '/api/texts', route: textsRoute },
  { method: 'GET', path: '/api/alerts', route: alertsRoute },
  { method: 'GET', path: '/api/diagnostics', route: diagnosticsRoute },
]

/** The route for a request, or undefined; `methods` lists what the path answers (for 405). */
export function findRoute(table: readonly RouteEntry[], method: string, path: string): { entry?: RouteEntry; methods: string[] } {
  const matching = table.filter((e) => (e.prefix ? path.startsWith(e.path) && path.length > e.path.length : path === e.path))
  return { entry: matching.find((e) => e.method === method), methods: [...new Set(matching.map((e) => e.method))] }
}
