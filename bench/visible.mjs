// Trigger → visible in Chromium: from the call that sends the trigger event to the first frame in
// which the prompt's buttons are laid out and painted, for Hetki and for posthog-js (its API stubbed
// locally). Timed inside the page with performance.now(): the clock starts just before
// hetki.track() / posthog.capture(); each animation frame checks the prompt, and the time is taken
// in a task queued from the frame that shows it (so after that frame's paint). Fade-in animations
// are not counted: the prompt is "visible" once painted at all.
//   not cached  a new browser context: the page has loaded the SDK's start-up files only;
//   cached      the same context, a fresh page load: every SDK file comes from the HTTP cache.
// Writes bench/.out/visible.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { launchChromium, settle } from './lib/chromium.mjs'
import { ensurePeers } from './lib/peers.mjs'
import { startBenchServer } from './lib/server.mjs'
import { summary } from './lib/stats.mjs'
import { SDKS, timeToVisible } from './lib/visible.mjs'

const REPEATS = Number(process.env.BENCH_VISIBLE_REPEATS || 15)

ensurePeers()
const server = await startBenchServer()
const browser = await launchChromium()

let loads = 0
async function open(page, name) {
  const sdk = SDKS[name]
  const path = `/visible/${encodeURIComponent(name)}-${++loads}.html`
  server.pages.set(path, sdk.page(loads))
  await page.goto(server.url + path)
  await page.waitForFunction(sdk.ready)
  await settle(page, 300)
  return page.evaluate(timeToVisible, { host: sdk.host, trigger: sdk.trigger.toString() })
}

const samples = {}
for (const name of Object.keys(SDKS)) samples[name] = { 'not cached': [], cached: [] }
await open(await browser.newPage(), 'Hetki') // warms up the browser itself, not measured
for (let i = 0; i < REPEATS; i++)
  for (const name of Object.keys(SDKS)) {
    const context = await browser.newContext()
    const page = await context.newPage()
    samples[name]['not cached'].push(await open(page, name))
    await page.evaluate(() => (localStorage.clear(), sessionStorage.clear()))
    samples[name].cached.push(await open(page, name))
    await context.close()
  }

const results = Object.entries(samples).flatMap(([sdk, byCase]) => Object.entries(byCase).map(([when, ms]) => ({ sdk, when, ms: summary(ms) })))
const f = (n) => n.toFixed(1)
console.log(`Trigger → visible in Chromium ${browser.version()}, ${REPEATS} runs each\n`)
console.log('| SDK | widget | median ms | min | max |\n| --- | --- | ---: | ---: | ---: |')
for (const r of results) console.log(`| ${r.sdk} | ${r.when} | ${f(r.ms.median)} | ${f(r.ms.min)} | ${f(r.ms.max)} |`)
mkdirSync('bench/.out', { recursive: true })
writeFileSync('bench/.out/visible.json', JSON.stringify({ chromium: browser.version(), repeats: REPEATS, results }, null, 2) + '\n')
await browser.close()
await server.close()
