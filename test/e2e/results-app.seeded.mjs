// @ts-check
// The real collector over the demo's seed, for the results app's e2e test and its screenshots
// (scripts/results-screenshots.mjs): the demo's Hetki config and server file (its public demo
// tokens and event labels), an in-memory SQLite database, a free loopback port, and the seed of
// demo/sample-data.mjs (and demo/sample-diagnostics.mjs) stored through the collector's own ingest,
// as `npm run demo:seed` does.
// The collector's module is passed in: the test imports its TypeScript sources, the script (plain
// Node) its build in packages/collector/dist.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { sampleDiagnostics } from '../../demo/sample-diagnostics.mjs'
import { sampleEnvelopes } from '../../demo/sample-data.mjs'

const here = (/** @type {string} */ path) => fileURLToPath(new URL(path, import.meta.url))

/** The seed's clock, and the collector's and the browser's: dates and numbers never move. 28 Nov 2026, 09:00 UTC. */
export const NOW = Date.UTC(2026, 10, 28, 9, 0)

/** The demo's server file: its tokens (demo tokens, public, not secrets) and event labels. */
const DEMO = JSON.parse(readFileSync(here('../../demo/collector.json'), 'utf8'))
export const TOKENS = {
  /** @type {string} */
  admin: DEMO.adminToken,
  /** @type {string} */
  webShop: DEMO.tokens.find((/** @type {any} */ t) => t.owner === 'Web shop team').token,
  /** @type {string} */
  billing: DEMO.tokens.find((/** @type {any} */ t) => t.owner === 'Billing team').token,
}

/**
 * A script for `context.addInitScript`: the page's clock stands at NOW (the app's period presets
 * end with the browser's today).
 */
export const FIXED_CLOCK = `Date.now = () => ${NOW}; { const D = Date; globalThis.Date = class extends D { constructor(...a) { super(...(a.length ? a : [${NOW}])) } static now() { return ${NOW} } } }`

/**
 * Starts the collector and stores the seed in it.
 * @param {{ startCollector: (o: any) => Promise<any>, ingest: (ctx: any, body: object, meta?: any) => Promise<any> }} collectorModule
 * @returns {Promise<{ url: string, stored: number, requests: string[], collector: any, close(): Promise<void> }>}
 */
export async function startSeededCollector({ startCollector, ingest }) {
  /** @type {string[]} */
  const requests = []
  const collector = await startCollector({
    config: here('../../demo/site/hetki.json'),
    server: here('../../demo/collector.json'),
    dbFile: ':memory:',
    port: 0,
    now: () => new Date(NOW),
    // Every request's URL, to check the token never travels in one.
    handle: (/** @type {import('node:http').IncomingMessage} */ req) => {
      requests.push(req.url ?? '')
      return false
    },
    log: () => {},
  })
  let stored = 0
  try {
    for (const envelope of sampleEnvelopes(NOW)) {
      // Received a moment after it was sent, as from a browser (demo/seed.mjs).
      const result = await ingest(collector.ctx, envelope, { origin: null, receivedAt: new Date(Date.parse(envelope.sentAt) + 800) })
      if (result.error || result.rejected.length) throw new Error(`the seed was refused: ${result.error ?? JSON.stringify(result.rejected[0])}`)
      stored += result.stored.length
    }
    // The fleet's "why not shown" counts, as demo:seed stores them; not counted in `stored`.
    for (const envelope of sampleDiagnostics(NOW)) {
      const result = await ingest(collector.ctx, envelope, { origin: null, receivedAt: new Date(Date.parse(envelope.sentAt) + 800) })
      if (result.error || result.rejected.length) throw new Error(`the diagnostics seed was refused: ${result.error ?? JSON.stringify(result.rejected[0])}`)
    }
  } catch (e) {
    await collector.close(0)
    throw e
  }
  return { url: collector.url, stored, requests, collector, close: () => collector.close(0) }
}
