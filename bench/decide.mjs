// Decision cost per track(), in Node: the synchronous work the core does for one event (journey
// history and trail, the plan lookup, and for events a survey listens to the rules' decide()),
// with 10, 100 and 1,000 surveys configured. Median of many rounds; the machine's noise as
// min/median/max of the round medians. `npm run bench` runs it (bench/run.mjs); the bar is ≤ 2 µs at 100.
// Writes bench/.out/decide.json.
import { build } from 'esbuild'
import { writeFileSync, mkdirSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

const entry = `
export { decide } from '../packages/sdk/src/pure/rules/decide'
export { plan } from '../packages/sdk/src/pure/rules/plan'
export { remember } from '../packages/sdk/src/pure/journey/history'
export { extend } from '../packages/sdk/src/pure/journey/trail'
export { touchEvent } from '../packages/sdk/src/pure/journey/event'
`
mkdirSync('bench/.out', { recursive: true })
await build({ stdin: { contents: entry, resolveDir: 'bench', loader: 'ts' }, bundle: true, format: 'esm', outfile: 'bench/.out/rules.mjs', logLevel: 'error' })
const { decide, plan, remember, extend, touchEvent } = await import(pathToFileURL('bench/.out/rules.mjs').href)

const survey = (i) => ({
  id: 's' + i,
  priority: i % 3,
  trigger:
    i % 4 == 0
      ? { event: 'e' + i, where: { plan: { in: ['a', 'b'] }, amount: { gte: 10 } }, count: 2, within: '30m' }
      : i % 4 == 1
        ? { event: 'e' + i, after: { event: 'e' + (i - 1), within: '10m' } }
        : { event: 'e' + i, unless: { event: 'done', within: '1h' } },
  audience: { urls: ['/shop/*', '/fi/*'], lang: ['en', 'fi'], sample: 0.5 },
  questions: [{ id: 'q', type: 'rating', text: 'Q' }],
})

// The second scenario adds what the first leaves out: a config with touchpoints (each event's
// touchpoint is looked up by its events, then by page patterns), and the copy of the history the
// core hands the engine for an event a survey listens to (core/runtime.ts).
const touchpoints = Array.from({ length: 8 }, (_, i) => ({ id: 't' + i, events: ['e' + i * 3], urls: ['/step' + i + '/*', '/fi/step' + i + '/*'] }))
const copy = (h) => {
  const out = {}
  for (const k of Object.keys(h)) out[k] = h[k].slice()
  return out
}

function measure(n, realistic) {
  const config = { surveys: Array.from({ length: n }, (_, i) => survey(i)), journey: { props: ['plan'] }, ...(realistic ? { touchpoints } : {}) }
  const p = plan(config)
  const history = {}
  const trail = []
  const ctx = { now: 0, path: '/shop/cart', device: 'desktop', lang: 'en-GB', user: {}, personId: 'p1' }
  // A realistic stream: most events concern no survey (page sections, clicks); one in five does.
  const events = Array.from({ length: 1000 }, (_, i) =>
    touchEvent(i % 5 ? 'page.section' : 'e' + ((i * 7) % n), { plan: 'a', amount: i % 50 }, 1_795_000_000_000 + i * 1000),
  )
  const track = (e) => {
    ctx.now = e.at
    const concerned = p.byEvent.has(e.name)
    if (concerned) decide(p, e, realistic ? copy(history) : history, ctx)
    remember(history, e, p.watched)
    extend(trail, e, config, ctx.path)
  }
  for (let i = 0; i < 20; i++) for (const e of events) track(e) // warm up
  const rounds = []
  for (let r = 0; r < 50; r++) {
    const t = process.hrtime.bigint()
    for (const e of events) track(e)
    rounds.push(Number(process.hrtime.bigint() - t) / events.length / 1000)
  }
  rounds.sort((a, b) => a - b)
  return { surveys: n, min: rounds[0], median: rounds[rounds.length >> 1], max: rounds.at(-1) }
}

const results = [10, 100, 1000].map((n) => measure(n))
const realistic = [10, 100, 1000].map((n) => measure(n, true))
const fmt = (v) => v.toFixed(3)
const table = [
  '| surveys | µs per track(), median | min | max |',
  '| ---: | ---: | ---: | ---: |',
  ...results.map((r) => `| ${r.surveys} | ${fmt(r.median)} | ${fmt(r.min)} | ${fmt(r.max)} |`),
].join('\n')
const table2 = [
  table.split('\n')[0],
  table.split('\n')[1],
  ...realistic.map((r) => `| ${r.surveys} | ${fmt(r.median)} | ${fmt(r.min)} | ${fmt(r.max)} |`),
].join('\n')
console.log(`Decision cost per track() (Node ${process.version}, 1,000 events per round, 50 rounds)\n\n${table}\n`)
console.log(`The same with 8 touchpoints and the core's copy of the history per decision\n\n${table2}\n`)
writeFileSync('bench/.out/decide.json', JSON.stringify({ date: new Date().toISOString(), node: process.version, results, realistic }, null, 2) + '\n')
