// Static files: the results app at /app/, uPlot from node_modules, and optionally a site at / and
// the SDK at /hetki/. HTML is sent with a strict CSP (no inline script or style), the policy the
// SDK and the results app are built to run under.
import { createReadStream, existsSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'

export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
}

/** A URL prefix served from a folder (or, when `file` is set, one file). */
export interface Mount {
  prefix: string
  dir: string
  /** Extra headers, e.g. CORS for the SDK's modules. */
  headers?: Record<string, string>
}

/** Serves the first mount holding the path; false when none does (GET/HEAD only). */
export function serveStatic(req: IncomingMessage, res: ServerResponse, path: string, mounts: readonly Mount[]): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  for (const { prefix, dir, headers } of mounts) {
    if (!path.startsWith(prefix) && path + '/' !== prefix) continue
    const root = resolve(dir)
    let file = normalize(join(root, path.slice(prefix.length)))
    if (file !== root && !file.startsWith(root + sep)) return false
    if (!existsSync(file)) continue
    if (statSync(file).isDirectory()) file = join(file, 'index.html')
    if (!existsSync(file) || !statSync(file).isFile()) continue
    sendFile(req, res, file, headers)
    return true
  }
  return false
}

/** Sends one file with its type, no-cache, and the CSP when it is HTML. */
export function sendFile(req: IncomingMessage, res: ServerResponse, file: string, headers: Record<string, string> = {}): void {
  const type = TYPES[extname(file)] || 'application/octet-stream'
  res.writeHead(200, {
    'content-type': type,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    ...headers,
    ...(type.startsWith('text/html') ? { 'content-security-policy': CSP } : {}),
  })
  if (req.method === 'HEAD') res.end()
  else createReadStream(file).pipe(res)
}
