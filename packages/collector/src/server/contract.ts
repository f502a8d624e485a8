// What the collector's parts share at run time, declared once: the server-only settings (secrets
// never go in the browser config), who is asking (Access), and the shape of a route handler.
import type { IncomingMessage } from 'node:http'
import type { Readable } from 'node:stream'
import type { Config } from '../../../sdk/src/config/types'
import type { AlertsConfig } from '../alerts/contract'
import type { Store } from '../db/open'

/**
 * The server-only file (`--server collector.json`, or HETKI_SERVER_CONFIG): tokens, origins, limits,
 * alert routes and labels. Environment variables win over it where both say something
 * (HETKI_ADMIN_TOKEN, HETKI_ORIGINS, PORT, DATABASE_URL, HETKI_DB).
 */
export interface ServerConfig {
  /** The admin token (reads everything, sees rejections); HETKI_ADMIN_TOKEN wins. Reading is refused while none is set. */
  adminToken?: string
  /** Read-only tokens, each limited to one owner's touchpoints. */
  tokens?: { token: string; owner: string; name?: string }[]
  /** Origins allowed to POST /collect (CORS is answered to these alone); HETKI_ORIGINS wins. Default: the collector's own origin. */
  origins?: string[]
  /** POSTs per client (IP) per minute before 429 with Retry-After (default 300). */
  rateLimit?: { points?: number; seconds?: number }
  /** Records older than this many days (by received_at) are deleted (default: kept forever). */
  retentionDays?: number
  /** Largest accepted body in bytes (default 1 MiB); larger is 413. */
  maxBody?: number
  /** Human names for events and touchpoints in the results, e.g. { "help.article_read": "Read a help article" }. */
  labels?: Record<string, string>
  /** The collector's public URL, for links in alerts (default http://host:port). */
  publicUrl?: string
  alerts?: AlertsConfig
}

/** Who is asking: the admin, or an owner's read-only token. Routes that read data get one. */
export type Access = { role: 'admin' } | { role: 'owner'; owner: string; name?: string }

/** Everything a handler may use; built once at start-up, shared by every request. */
export interface Context {
  store: Store
  /** The Hetki config the site serves (touchpoints, owners, surveys, questions). */
  config: Config
  server: ServerConfig
  /** The clock; tests inject their own. */
  now(): Date
}

/** What a handler answers; the HTTP layer writes it (JSON for objects, a stream as it comes). */
export interface Reply {
  status: number
  headers?: Record<string, string>
  body?: unknown | string | Buffer | Readable
}

/** A route that reads data: called only after the token was checked. */
export type ReadRoute = (req: IncomingMessage, url: URL, access: Access, ctx: Context) => Promise<Reply>
