// `hetki simulate`'s speed, in Node: simulated events per second over a synthetic month of the
// demo's config (demo/site/hetki.json) with more than a million events, replayed through the built
// simulator (dist/simulate.mjs, what the command runs). The bar: 1 million events replayed in under
// 10 s. `npm run bench` runs it (bench/run.mjs); writes bench/.out/simulate.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

const sim = await import(pathToFileURL('dist/simulate.mjs').href)
const config = JSON.parse(readFileSync('demo/site/hetki.json', 'utf8'))
// A busy month of the demo (demo/traffic.json, the profile docs/simulate.md forecasts): 10,500
// visits a day, 30 % returning, 3 page views each, and the demo's touchpoints: just over a million events.
const profile = JSON.parse(readFileSync('demo/traffic.json', 'utf8'))

let t = performance.now()
const people = sim.synthesize(profile, config)
const generateMs = performance.now() - t
let events = 0
for (const list of people.values()) events += list.length

const ROUNDS = 3
const rounds = []
let tally
for (let r = 0; r < ROUNDS; r++) {
  t = performance.now()
  tally = sim.replay(config, people, { responseRate: 0.25 })
  rounds.push(performance.now() - t)
}
t = performance.now()
sim.forecast(config, tally, 0.25, profile.days)
const forecastMs = performance.now() - t
rounds.sort((a, b) => a - b)
const replayMs = rounds[ROUNDS >> 1]
const result = {
  date: new Date().toISOString(),
  node: process.version,
  people: people.size,
  events,
  prompts: tally.surveys && Object.values(tally.surveys).reduce((a, s) => a + s.prompts, 0),
  generateMs,
  replayMs: { median: replayMs, min: rounds[0], max: rounds.at(-1) },
  forecastMs,
  eventsPerSecond: Math.round(events / (replayMs / 1000)),
  millionEventsSeconds: ((replayMs / events) * 1e6) / 1000,
}
mkdirSync('bench/.out', { recursive: true })
writeFileSync('bench/.out/simulate.json', JSON.stringify(result, null, 2) + '\n')
console.log(
  `hetki simulate (Node ${process.version}): ${events.toLocaleString('en-US')} events of ${people.size.toLocaleString('en-US')} people (a synthetic month of the demo's config) ` +
    `replayed in ${(replayMs / 1000).toFixed(2)} s median of ${ROUNDS} (${(rounds[0] / 1000).toFixed(2)}–${(rounds.at(-1) / 1000).toFixed(2)}): ` +
    `${result.eventsPerSecond.toLocaleString('en-US')} events/s, 1 million events in ${result.millionEventsSeconds.toFixed(2)} s (bar: under 10 s); ` +
    `generated in ${(generateMs / 1000).toFixed(2)} s`,
)
