import type { IncomingMessage, ServerResponse } from 'node:http'

/** How the flaky collector answers POST /collect right now. */
export type Mode = 'ok' | '500' | 'hang' | 'drop' | '429'

/**
 * A collector that fails on demand, in front of the real demo collector: `ok` lets the request
 * through to it; the others answer 500, never answer, cut the connection, or rate-limit with
 * `Retry-After: 1`. Counts what arrived, by mode and by content type (sendBeacon posts text/plain).
 * Also serves `pages` (path → [content type, body]) so a test can use its own page and config.
 */
export function flakyCollector(pages: Record<string, [string, string]> = {}) {
  // `pages` stays the caller's object, so a test can add pages once it knows the server's URL.
  const state = {
    mode: 'ok' as Mode,
    /** Let text/plain posts (sendBeacon) through whatever the mode, to see beacons land. */
    passBeacons: false,
    requests: {} as Record<string, number>,
    beacons: 0,
    preflights: 0,
  }
  const handle = (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = new URL(req.url!, 'http://x').pathname
    const page = pages[path]
    if (page && req.method == 'GET') {
      res.writeHead(200, { 'content-type': page[0], 'cache-control': 'no-store' })
      res.end(page[1])
      return true
    }
    if (path == '/collect' && req.method == 'OPTIONS') state.preflights++
    if (path != '/collect' || req.method != 'POST') return false
    state.requests[state.mode] = (state.requests[state.mode] || 0) + 1
    const plain = String(req.headers['content-type']).startsWith('text/plain')
    if (plain) state.beacons++
    switch (plain && state.passBeacons ? 'ok' : state.mode) {
      case 'ok':
        return false
      case '500':
        req.resume()
        res.writeHead(500).end()
        return true
      case '429':
        req.resume()
        res.writeHead(429, { 'retry-after': '1' }).end()
        return true
      case 'drop':
        req.socket.destroy()
        return true
      case 'hang':
        req.resume() // read the body, answer never; the server's close() ends the socket
        return true
    }
  }
  return { state, handle }
}
