// `npm run demo:seed` fills the demo's database with the seed (demo/sample-data.mjs: ten weeks of
// wire-format v1 envelopes, about 5,000 records) so the results have something to show;
// `npm run demo:reset` empties it. Same database as the demo server: demo/data/hetki.db, or
// HETKI_DB. Safe while the server runs (SQLite, upserts by id), and safe to run twice.
//
// Each envelope is stored as the demo's collector stores a POST /collect (demo/store.mjs), one
// transaction per envelope. When the collector package (packages/collector) serves the demo, this
// stores through its ingest instead: `ingest(ctx, envelope, { origin, receivedAt })`, which derives
// the answers and trail events the scorecards are computed from (docs/demo.md, "The seed").
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sampleEnvelopes } from './sample-data.mjs'
import { openStore } from './store.mjs'

const path = process.env.HETKI_DB || join(fileURLToPath(new URL('.', import.meta.url)), 'data', 'hetki.db')
const store = openStore(path)
if (process.argv.includes('--reset')) {
  store.clear()
  console.log(`Emptied ${path}`)
} else {
  const envelopes = sampleEnvelopes()
  let records = 0
  for (const envelope of envelopes) {
    store.save(envelope.records, envelope.dropped ?? 0)
    records += envelope.records.length
  }
  console.log(`Stored ${records} seed records (${envelopes.length} prompts over ten weeks) in ${path}`)
}
store.close()
