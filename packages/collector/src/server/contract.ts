// What the collector's parts share at run time, declared once: the server-only settings (secrets
// never go in the browser config), who is asking (Access), and the shape of a route handler.
import type { Transaction } from 'kysely'
import type { IncomingMessage } from 'node:http'
import type { Readable } from 'node:stream'
import type { Config } from '../../../sdk/src/pure/config/types'
import type { AlertsConfig } from '../alerts/contract'
import type { Store } from '../db/open'
import type { Database } from '../db/schema'

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
  /**
   * Accept records of surveys the config does not name, checked against the wire format only (their
   * answers cannot be checked). Default false: they are refused. For a roll-out where the site's
   * config may run ahead of the collector's, and for test harnesses whose pages carry their own config.
   */
  acceptUnknownSurveys?: boolean
  /**
   * Take the client's address for the rate limit from the first X-Forwarded-For entry (behind a
   * load balancer that sets it); HETKI_TRUST_PROXY=1 wins. Default false: the socket's address.
   */
  trustProxy?: boolean
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
  /** Named slots the ingest calls inside its transaction (alerts enqueue here, exactly once by key). */
  hooks: IngestHook[]
}

/** One step of a journey trail, as the wire format carries it. */
export interface TrailStep {
  event: string
  at: string
  touchpoint?: string
  props?: Record<string, unknown>
}

/** A response as stored, parsed: the winning revision of each response record of a batch. */
export interface StoredResponse {
  id: string
  surveyId: string
  touchpoint: string | null
  owner: string | null
  completed: boolean
  answers: Record<string, unknown>
  trail: TrailStep[]
  lang: string | null
  path: string | null
  userId: string | null
  preview: boolean
  startedAt: string
  updatedAt: string
  receivedAt: string
}

/**
 * A slot in the ingest: called in the same transaction that stores the batch, with the responses
 * whose stored revision changed (new, or a newer updatedAt). What it writes commits or rolls back
 * with the records, so nothing it promises can outlive a lost batch or happen twice for one.
 */
export interface IngestHook {
  name: string
  stored(trx: Transaction<Database>, responses: StoredResponse[], ctx: Context): Promise<void>
}

/** What POST /collect made of one body. */
export interface IngestResult {
  /** 200 when the envelope was read (even if every record was refused); 400 malformed; 413 too large. */
  status: 200 | 400 | 413
  /** Ids of the records stored (or already stored: a re-send is still a success). */
  stored: string[]
  /** Records refused, each with why; the others were stored. */
  rejected: { id: string | null; reason: string }[]
  /** Why the whole body was refused (status 400/413). */
  error?: string
}

/** What a handler answers; the HTTP layer writes it (JSON for objects, a stream as it comes). */
export interface Reply {
  status: number
  headers?: Record<string, string>
  body?: unknown | string | Buffer | Readable
}

/** A route that reads data: called only after the token was checked. */
export type ReadRoute = (req: IncomingMessage, url: URL, access: Access, ctx: Context) => Promise<Reply>
