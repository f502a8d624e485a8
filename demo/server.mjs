// The demo: a static server for the demo site and the SDK files, plus the reference collector.
// `node demo/server.mjs` listens on 127.0.0.1:$PORT (default 8080); tests call createDemoServer().
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openStore } from './store.mjs'
import { validateEnvelope } from './validate.mjs'

const here = fileURLToPath(new URL('.', import.meta.url))
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}
// The demo eats its own cooking: Hetki must work under a strict policy with no inline script or style.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
const MAX_BODY = 1 << 20

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '86400',
}

/** Serves `prefix`-mounted folders; returns false when no file matches. */
function serveStatic(req, res, mounts) {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname)
  for (const [prefix, dir] of mounts) {
    if (!path.startsWith(prefix)) continue
    let file = normalize(join(dir, path.slice(prefix.length)))
    if (!file.startsWith(resolve(dir) + sep) && file !== resolve(dir)) return false
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html')
    if (!existsSync(file)) continue
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] || 'application/octet-stream',
      'cache-control': 'no-cache',
      // The SDK's lazy chunks are ES modules: a page on another origin (or an opaque one) may only
      // import them with CORS, as from any CDN.
      ...(prefix === '/hetki/' ? { 'access-control-allow-origin': '*' } : {}),
      ...(extname(file) === '.html' ? { 'content-security-policy': CSP } : {}),
    })
    createReadStream(file).pipe(res)
    return true
  }
  return false
}

function readJson(req) {
  return new Promise((resolvePromise, reject) => {
    let size = 0
    const chunks = []
    req.on('data', (c) => {
      size += c.length
      if (size > MAX_BODY) reject(Object.assign(new Error('body too large'), { status: 413 }))
      else chunks.push(c)
    })
    req.on('end', () => {
      try {
        resolvePromise(JSON.parse(Buffer.concat(chunks).toString('utf8')))
      } catch {
        reject(Object.assign(new Error('the body is not JSON'), { status: 400 }))
      }
    })
    req.on('error', reject)
  })
}

const send = (res, status, body, headers = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  res.end(body === undefined ? '' : JSON.stringify(body))
}

/**
 * Starts the demo. Options: port (0 picks a free one), host (127.0.0.1), dbPath (':memory:' for
 * tests), and `handle`, an optional hook a test uses to answer a request itself (e.g. a flaky
 * collector). Resolves to { url, store, close }.
 */
export function createDemoServer({ port = 8080, host = '127.0.0.1', dbPath = join(here, 'data', 'hetki.db'), handle } = {}) {
  const store = openStore(dbPath)
  const mounts = [
    ['/hetki/', resolve(here, '..', 'dist')],
    ['/', join(here, 'site')],
  ]
  const server = createServer(async (req, res) => {
    try {
      if (handle && (await handle(req, res))) return
      const { pathname } = new URL(req.url, 'http://x')
      if (pathname === '/collect') {
        if (req.method === 'OPTIONS') return send(res, 204, undefined, CORS)
        if (req.method !== 'POST') return send(res, 405, { error: 'POST only' }, CORS)
        // The body is JSON whatever the content type says: `text/plain` (the SDK's plainText option and
        // sendBeacon) spares a cross-origin sender the CORS preflight.
        const { records, dropped, error } = validateEnvelope(await readJson(req))
        if (error) return send(res, 400, { error }, CORS)
        store.save(records, dropped)
        return send(res, 200, { stored: records.length }, CORS)
      }
      if (pathname === '/api/responses' && req.method === 'GET') return send(res, 200, store.all())
      if (req.method === 'GET' && serveStatic(req, res, mounts)) return
      send(res, 404, { error: 'not found' })
    } catch (e) {
      if (!res.headersSent) send(res, e.status || 500, { error: e.message }, CORS)
      else res.destroy()
    }
  })
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      const address = server.address()
      resolvePromise({
        url: `http://${host}:${address.port}`,
        store,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections()
            server.close(() => {
              store.close()
              done()
            })
          }),
      })
    })
  })
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT || 8080)
  const dbPath = process.env.HETKI_DB || undefined
  createDemoServer({ port, dbPath }).then(
    ({ url }) => {
      console.log(`Hetki demo: ${url}/`)
      console.log(`Results by touchpoint: ${url}/results.html (npm run demo:seed adds sample answers)`)
      console.log(`Collected responses: ${url}/responses.html`)
    },
    (e) => {
      console.error('The demo could not start: ' + e.message)
      process.exit(1)
    },
  )
}
