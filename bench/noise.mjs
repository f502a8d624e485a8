// The machine's noise during a run: the same fixed CPU workload (sorting and hashing a fixed array)
// timed 30 times in Node. Run at the start and at the end of `npm run bench`; a wide min–max, or a
// shift between the two, says the machine was busy (2 cores shared) and the figures are noisier.
// Usage: node bench/noise.mjs start|end; writes bench/.out/noise-<when>.json.
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { summary } from './lib/stats.mjs'

const when = process.argv[2] || 'start'
const input = Array.from({ length: 200_000 }, (_, i) => (i * 2654435761) % 1_000_003)

function workload() {
  const sorted = [...input].sort((a, b) => a - b)
  return createHash('sha256').update(Float64Array.from(sorted)).digest('hex')
}

for (let i = 0; i < 3; i++) workload() // warm-up: the JIT, not the machine
const ms = []
for (let i = 0; i < 30; i++) {
  const t = process.hrtime.bigint()
  workload()
  ms.push(Number(process.hrtime.bigint() - t) / 1e6)
}
const result = { when, workloadMs: summary(ms) }
const s = result.workloadMs
console.log(`Machine noise (${when}): fixed workload ${s.median.toFixed(1)} ms median, ${s.min.toFixed(1)}–${s.max.toFixed(1)} ms`)
mkdirSync('bench/.out', { recursive: true })
writeFileSync(`bench/.out/noise-${when}.json`, JSON.stringify(result, null, 2) + '\n')
