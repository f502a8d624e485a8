// Start-up cost in Chromium: the main-thread time spent evaluating and running each SDK's start-up
// on the same reference page, from cold loads (a new browser context each time: empty HTTP cache,
// empty storage). Hetki with three surveys; posthog-js initialised with surveys on, its API stubbed
// locally (lib/posthog-stub.mjs). Loads of the SDKs alternate so drift hits all alike.
//   script ms   CDP Performance.getMetrics ScriptDuration once the page has settled (no request
//               for 500 ms), minus the same page without an SDK (whose own row stays raw);
//   task ms     TaskDuration likewise (all main-thread work: script, style, layout, parse);
//   long tasks  the page's: PerformanceObserver 'longtask' entries (> 50 ms), whoever caused them;
//               the SDK's: those in whose task the SDK's own script ran, from a Chromium trace;
//               and the longest task of each load with the SDK's script in it, long or not.
// A trace is recorded during every load (all alike), which adds a little to every figure.
// Run at 1× and at 4× CPU slowdown (DevTools' mid-range phone setting). Writes bench/.out/startup.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { launchChromium, settle } from './lib/chromium.mjs'
import { sdkTasks, TRACE_CATEGORIES } from './lib/long-tasks.mjs'
import { page as referencePage, SNIPPETS } from './lib/pages.mjs'
import { ensurePeers } from './lib/peers.mjs'
import { startBenchServer } from './lib/server.mjs'
import { summary } from './lib/stats.mjs'

const REPEATS = Number(process.env.BENCH_STARTUP_REPEATS || 12)
const RATES = [1, 4]

ensurePeers()
const server = await startBenchServer()
const browser = await launchChromium()
const variants = Object.keys(SNIPPETS)
/** Which script URLs are the SDK's own (its files, and posthog-js' remote config script). */
const SDK_URL = {
  'no SDK': () => false,
  Hetki: (url) => url.includes('/hetki/'),
  'posthog-js': (url) => /\/peers\/posthog-js\/|\/static\/[\d.]+\/|\/array\/phc_bench\//.test(url),
}
for (const name of variants) {
  const snippet = SNIPPETS[name]
  server.pages.set(`/startup/${encodeURIComponent(name)}.html`, referencePage(typeof snippet == 'function' ? snippet() : snippet))
}

const watchLongTasks = () => {
  window.__longTasks = []
  new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true })
}

async function coldLoad(name, rate) {
  const context = await browser.newContext()
  await context.addInitScript(watchLongTasks)
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate })
  const scripts = []
  page.on('request', (r) => r.resourceType() == 'script' && scripts.push(new URL(r.url()).pathname))
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  await browser.startTracing(page, { categories: TRACE_CATEGORIES })
  await page.goto(`${server.url}/startup/${encodeURIComponent(name)}.html`, { waitUntil: 'load' })
  await settle(page)
  const trace = JSON.parse((await browser.stopTracing()).toString()).traceEvents
  const { metrics } = await cdp.send('Performance.getMetrics')
  const metric = (m) => metrics.find((x) => x.name == m).value * 1000
  const longTasks = await page.evaluate(() => window.__longTasks)
  await context.close()
  const ownTasks = sdkTasks(trace, SDK_URL[name])
  const ownLongTasks = ownTasks.filter((ms) => ms > 50)
  return { script: metric('ScriptDuration'), task: metric('TaskDuration'), longTasks, ownLongTasks, longestOwnTask: Math.max(0, ...ownTasks), scripts, errors }
}

const results = []
for (const rate of RATES) {
  const samples = Object.fromEntries(variants.map((v) => [v, []]))
  await coldLoad('no SDK', rate) // the first load of a browser pays for its own warm-up
  for (let i = 0; i < REPEATS; i++) for (const v of variants) samples[v].push(await coldLoad(v, rate))
  // The page without an SDK is the baseline each SDK's figures are taken net of; its own row stays raw.
  const base = summary(samples['no SDK'].map((s) => s.script)).median
  const baseTask = summary(samples['no SDK'].map((s) => s.task)).median
  for (const v of variants) {
    const s = samples[v]
    const net = v != 'no SDK'
    results.push({
      sdk: v,
      cpuSlowdown: rate,
      scriptMs: summary(s.map((x) => x.script - (net ? base : 0))),
      taskMs: summary(s.map((x) => x.task - (net ? baseTask : 0))),
      sdkLongTasks: summary(s.map((x) => x.ownLongTasks.length)),
      sdkLongTaskMs: summary(s.map((x) => x.ownLongTasks.reduce((a, b) => a + b, 0))),
      // How far from a long task the SDK's work stays: the longest task of a load with its script in it.
      sdkLongestTaskMs: summary(s.map((x) => x.longestOwnTask)),
      longTasks: summary(s.map((x) => x.longTasks.length)),
      longTaskMs: summary(s.map((x) => x.longTasks.reduce((a, b) => a + b, 0))),
      scripts: [...new Set(s.flatMap((x) => x.scripts))],
      errors: [...new Set(s.flatMap((x) => x.errors))],
    })
  }
}

const f = (n) => n.toFixed(1)
console.log(`Start-up in Chromium ${browser.version()}, ${REPEATS} cold loads each (median, min–max)\n`)
console.log(
  '| SDK | CPU | script ms | main-thread task ms | SDK long tasks | longest SDK task ms | page long tasks | scripts fetched |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
)
for (const r of results)
  console.log(
    `| ${r.sdk} | ${r.cpuSlowdown}× | ${f(r.scriptMs.median)} (${f(r.scriptMs.min)}–${f(r.scriptMs.max)}) | ${f(r.taskMs.median)} | ${r.sdkLongTasks.median} (max ${r.sdkLongTasks.max}) | ${f(r.sdkLongestTaskMs.median)} (max ${f(r.sdkLongestTaskMs.max)}) | ${r.longTasks.median} (max ${r.longTasks.max}) | ${r.scripts.join(', ')} |`,
  )
for (const r of results) if (r.errors.length) console.log(`page errors with ${r.sdk}: ${r.errors.join('; ')}`)
mkdirSync('bench/.out', { recursive: true })
writeFileSync('bench/.out/startup.json', JSON.stringify({ chromium: browser.version(), repeats: REPEATS, results }, null, 2) + '\n')
await browser.close()
await server.close()
