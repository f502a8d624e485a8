// @hetki/collector's programmatic entry: start the service, or use its parts (the ingest for a
// seed script, the store, the contracts other parts plug into).
export { startCollector, type Collector, type Service, type StartOptions } from './start'
export { ingest, MAX_BODY, type IngestMeta } from './ingest/index'
export { openStore, type Store, type OpenOptions } from './db/open'
export { eraseUser, deleteOlderThan } from './maintenance/erase'
export { applyRetention } from './maintenance/retention'
export { parseOrigins } from './server/origins'
export type { RouteEntry } from './server/routes'
export type { RequestHook } from './server/http'
export type { Access, Context, IngestHook, IngestResult, ReadRoute, Reply, ServerConfig, StoredResponse, TrailStep } from './server/contract'
export type { Database } from './db/schema'
export { settingsFromEnvironment } from './settings'
export * from './alerts/index'
