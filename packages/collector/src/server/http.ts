// The collector's HTTP layer (node:http): small handlers for POST /collect, the read API, /healthz
// and static files. What must hold across instances lives in the database; this layer keeps only
// the per-instance rate limiter's counters.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { sql } from 'kysely'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { ingest, MAX_BODY, refuseWhole } from '../ingest/index'
import { accessOf } from './access'
import { readBody } from './body'
import type { Context, Reply } from './contract'
import { corsHeaders, originVerdict } from './origins'
import { findRoute, type RouteEntry } from './routes'
import { sendFile, serveStatic, type Mount } from './static'

/** A hook that may answer a request itself before the collector does (tests fake flaky networks with it). */
export type RequestHook = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>

export interface HandlerOptions {
  routes: readonly RouteEntry[]
  mounts: readonly Mount[]
  /** Single files at fixed paths (uPlot for the results app). */
  files: Record<string, string>
  handle?: RequestHook
  log(message: string): void
}

/** Seconds a client is asked to wait when the database is down or busy. */
const DB_RETRY_AFTER = 5

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers })
  res.end(body === undefined ? '' : JSON.stringify(body))
}

async function write(res: ServerResponse, reply: Reply): Promise<void> {
  const { status, headers = {}, body } = reply
  if (body instanceof Readable) {
    res.writeHead(status, headers)
    await pipeline(body, res)
  } else if (typeof body === 'string' || Buffer.isBuffer(body)) {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers })
    res.end(body)
  } else json(res, status, body, headers)
}

/** The client a rate limit counts: the socket's address, or the first X-Forwarded-For entry when the proxy is trusted. */
const clientOf = (req: IncomingMessage, trustProxy: boolean) => {
  const forwarded = trustProxy
    ? String(req.headers['x-forwarded-for'] ?? '')
        .split(',')[0]!
        .trim()
    : ''
  return forwarded || req.socket.remoteAddress || 'unknown'
}

/** Builds the request handler over a context. */
export function createHandler(ctx: Context, options: HandlerOptions) {
  const limit = ctx.server.rateLimit ?? {}
  const limiter = new RateLimiterMemory({ points: limit.points ?? 300, duration: limit.seconds ?? 60 })
  const trustProxy = !!ctx.server.trustProxy

  async function collect(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const verdict = originVerdict(req, ctx.server.origins, ctx.server.publicUrl)
    const origin = req.headers.origin
    // CORS headers go to allowed origins alone: a refused page cannot even read the refusal.
    const cors = verdict === 'allowed' && origin ? corsHeaders(origin) : {}
    if (verdict === 'refused') {
      req.resume()
      return json(res, 403, { error: `origin ${origin} may not post here (HETKI_ORIGINS)` })
    }
    if (req.method === 'OPTIONS') return json(res, 204, undefined, cors)
    if (req.method !== 'POST') return json(res, 405, { error: 'POST only' }, { ...cors, allow: 'POST, OPTIONS' })
    try {
      await limiter.consume(clientOf(req, trustProxy))
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e
      req.resume()
      return json(res, 429, { error: 'too many requests' }, { ...cors, 'retry-after': String(Math.max(1, Math.ceil(e.msBeforeNext / 1000))) })
    }
    const read = await readBody(req, ctx.server.maxBody ?? MAX_BODY)
    if ('tooLarge' in read) {
      const error = `the body is larger than ${ctx.server.maxBody ?? MAX_BODY} bytes`
      // Counted like every refusal; a database too busy to count it does not change the answer.
      await refuseWhole(ctx, 413, error, origin ?? null, ctx.now().toISOString()).catch(() => {})
      return json(res, 413, { error }, cors)
    }
    let result
    try {
      result = await ingest(ctx, read.body, { origin: origin ?? null })
    } catch (e) {
      // Valid records the database could not take: the browser keeps them and tries again.
      options.log('ingest failed, answered 503: ' + (e instanceof Error ? e.message : String(e)))
      return json(res, 503, { error: 'the database is unavailable, try again' }, { ...cors, 'retry-after': String(DB_RETRY_AFTER) })
    }
    if (result.status !== 200) return json(res, result.status, { error: result.error }, cors)
    json(res, 200, { stored: result.stored.length, rejected: result.rejected }, cors)
  }

  async function health(res: ServerResponse): Promise<void> {
    try {
      await sql`select 1`.execute(ctx.store.db)
      json(res, 200, { ok: true, database: ctx.store.kind })
    } catch (e) {
      json(res, 503, { ok: false, database: ctx.store.kind, error: e instanceof Error ? e.message : String(e) }, { 'retry-after': String(DB_RETRY_AFTER) })
    }
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const { entry, methods } = findRoute(options.routes, req.method ?? 'GET', url.pathname)
    if (!entry)
      return methods.length ? json(res, 405, { error: `${methods.join(', ')} only` }, { allow: methods.join(', ') }) : json(res, 404, { error: 'not found' })
    const granted = accessOf(req.headers.authorization, ctx.server)
    if ('status' in granted) return json(res, granted.status, { error: granted.error }, granted.status === 401 ? { 'www-authenticate': 'Bearer' } : {})
    let reply: Reply
    try {
      reply = await entry.route(req, url, granted.access, ctx)
    } catch (e) {
      options.log(`${req.method} ${url.pathname} failed: ` + (e instanceof Error ? e.message : String(e)))
      return json(res, 503, { error: 'the database is unavailable, try again' }, { 'retry-after': String(DB_RETRY_AFTER) })
    }
    await write(res, reply)
  }

  return async function handler(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      if (options.handle && (await options.handle(req, res))) return
      const url = new URL(req.url ?? '/', 'http://collector')
      const path = url.pathname
      if (path === '/collect') return await collect(req, res)
      if (path === '/healthz') return await health(res)
      if (path.startsWith('/api/')) return await api(req, res, url)
      const file = options.files[path]
      if (file && (req.method === 'GET' || req.method === 'HEAD')) return sendFile(req, res, file)
      let decoded: string
      try {
        decoded = decodeURIComponent(path)
      } catch {
        return json(res, 400, { error: 'bad path' })
      }
      if (serveStatic(req, res, decoded, options.mounts)) return
      json(res, 404, { error: 'not found' })
    } catch (e) {
      options.log(`${req.method} ${req.url} failed: ` + (e instanceof Error ? e.stack : String(e)))
      if (!res.headersSent) json(res, 500, { error: 'internal error' })
      else res.destroy()
    }
  }
}
