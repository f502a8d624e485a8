// `npm run demo:seed` fills the demo's database with sample answers (demo/sample-data.mjs) so the
// results page has something to show; `npm run demo:reset` empties it. Same database as the
// server: demo/data/hetki.db, or HETKI_DB. Safe while the server runs (SQLite, upserts by id).
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sampleRecords } from './sample-data.mjs'
import { openStore } from './store.mjs'

const path = process.env.HETKI_DB || join(fileURLToPath(new URL('.', import.meta.url)), 'data', 'hetki.db')
const store = openStore(path)
if (process.argv.includes('--reset')) {
  store.clear()
  console.log(`Emptied ${path}`)
} else {
  const records = sampleRecords()
  store.save(records)
  console.log(`Stored ${records.length} sample answers in ${path}`)
}
store.close()
