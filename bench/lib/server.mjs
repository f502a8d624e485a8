// The bench's one local server: the real collector (packages/collector, serving Hetki's dist/) plus
// the bench pages, the peers' files and stubbed vendor APIs, on 127.0.0.1, port 0. SDK files are
// served cacheable (max-age) as from a CDN, so a second page load in the same browser context
// takes them from the HTTP cache; a new context starts cold.
import { createReadStream, existsSync, statSync } from 'node:fs'
import { join, normalize, resolve, sep } from 'node:path'
import { startDemoCollector } from '../../test/fixtures/collector.mjs'
import { BUNDLE_DIR } from './bundle-peers.mjs'
import { PEERS_DIR } from './peers.mjs'
import { answerPosthog } from './posthog-stub.mjs'

const MOUNTS = [
  ['/hetki/', resolve('dist')],
  ['/peers/bundled/', BUNDLE_DIR],
  ['/peers/', join(PEERS_DIR, 'node_modules')],
]

function serveFile(req, res) {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname)
  for (const [prefix, dir] of MOUNTS) {
    if (!path.startsWith(prefix)) continue
    const file = normalize(join(dir, path.slice(prefix.length)))
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) return false
    res.writeHead(200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=3600',
      'access-control-allow-origin': '*',
    })
    createReadStream(file).pipe(res)
    return true
  }
  return false
}

/** pages: Map of path → HTML, filled by the caller at any time. `requests` lists every path asked. */
export async function startBenchServer() {
  const pages = new Map()
  const requests = []
  const demo = await startDemoCollector({
    handle: (req, res) => {
      const { pathname } = new URL(req.url, 'http://x')
      requests.push(pathname)
      if (pages.has(pathname)) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        res.end(pages.get(pathname))
        return true
      }
      return (req.method === 'GET' && serveFile(req, res)) || answerPosthog(req, res)
    },
  })
  return { ...demo, pages, requests }
}
