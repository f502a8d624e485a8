// `npm run demo:seed` fills the collector's database with the demo's seed (demo/sample-data.mjs:
// ten weeks of wire-format v1 envelopes, about 5,000 records; demo/sample-diagnostics.mjs: the
// fleet's "why not shown" counts) so the results app has something to
// show; `npm run demo:reset` empties it. It stores through the collector's own ingest, the code
// behind POST /collect, so the seed gets the same checks, upserts and derived rows (answers, trail
// events) as answers from browsers. The same database as `npm start`: DATABASE_URL (PostgreSQL),
// else HETKI_DB, else ./hetki.db. Safe while the collector runs, and safe to run twice (upserts by id).
import { existsSync, readFileSync } from 'node:fs'
import { sampleDiagnostics } from './sample-diagnostics.mjs'
import { sampleEnvelopes } from './sample-data.mjs'

const entry = new URL('../packages/collector/dist/index.js', import.meta.url)
if (!existsSync(entry)) {
  console.error('demo:seed stores through the collector: build it first (npm run build makes packages/collector/dist).')
  process.exit(1)
}
const { deleteOlderThan, ingest, openStore, settingsFromEnvironment } = await import(entry.href)
const here = (path) => new URL(path, import.meta.url).pathname
const settings = settingsFromEnvironment({ config: here('./site/hetki.json'), server: here('./collector.json') })
const store = await openStore({ url: settings.databaseUrl, file: settings.dbFile })
const where = settings.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : settings.dbFile
try {
  if (process.argv.includes('--reset')) {
    // Everything received before tomorrow: all of it.
    const erased = await deleteOlderThan(store, new Date(Date.now() + 86_400_000).toISOString())
    console.log(`Emptied ${where}: ${erased.responses} responses, ${erased.moments} shown/dismissed records`)
  } else {
    const config = JSON.parse(readFileSync(here('./site/hetki.json'), 'utf8'))
    const ctx = { store, config, server: settings.server, now: () => new Date(), hooks: [] }
    let stored = 0
    const rejected = []
    for (const envelope of sampleEnvelopes()) {
      // Received a moment after it was sent, as from a browser.
      const result = await ingest(ctx, envelope, { origin: null, receivedAt: new Date(Date.parse(envelope.sentAt) + 800) })
      stored += result.stored.length
      rejected.push(...result.rejected, ...(result.error ? [{ id: null, reason: result.error }] : []))
    }
    let diagnostics = 0
    // The fleet's "why not shown" counts (demo/sample-diagnostics.mjs), through the same ingest.
    for (const envelope of sampleDiagnostics()) {
      const result = await ingest(ctx, envelope, { origin: null, receivedAt: new Date(Date.parse(envelope.sentAt) + 800) })
      diagnostics += result.stored.length
      rejected.push(...result.rejected, ...(result.error ? [{ id: null, reason: result.error }] : []))
    }
    console.log(`Stored ${stored} seed records (ten weeks of the demo journey) and ${diagnostics} diagnostics records in ${where}`)
    if (rejected.length) {
      console.error(`${rejected.length} refused, e.g. ${JSON.stringify(rejected[0])}`)
      process.exitCode = 1
    }
  }
} finally {
  await store.close()
}
