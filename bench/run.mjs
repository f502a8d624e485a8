// `npm run bench`: every benchmark in turn, each in its own Node process (so one's JIT and heap do
// not colour the next), between two noise samples; then the report (bench/report.md) and the data
// (bench/results.json). Expects a fresh build in dist/ (the npm script builds first).
import { execFileSync } from 'node:child_process'
import { ensurePeers } from './lib/peers.mjs'

const STEPS = [
  'noise.mjs start',
  'sizes.mjs',
  'decide.mjs',
  'simulate.mjs',
  'startup.mjs',
  'visible.mjs',
  'engines.mjs',
  'storage.mjs',
  'noise.mjs end',
  'report.mjs',
]

ensurePeers()
const started = Date.now()
for (const step of STEPS) {
  const [file, ...args] = step.split(' ')
  console.log(`\n== bench/${step}`)
  execFileSync(process.execPath, ['bench/' + file, ...args], { stdio: 'inherit' })
}
console.log(`\nBench done in ${((Date.now() - started) / 1000).toFixed(0)} s: bench/report.md, bench/results.json`)
