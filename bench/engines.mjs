// Start-up and trigger → visible in Firefox and WebKit, Hetki beside posthog-js, measured inside
// the page with the Performance API (neither engine offers CDP's ScriptDuration or a trace):
//   eval ms     the SDK's script tag evaluated synchronously between two performance.now() marks,
//               counted from the moment its files had arrived (Resource Timing's responseEnd), so
//               the fetch is left out (and, as "no SDK", a blocking data: script doing nothing):
//               Hetki's core (its inline config in a data block) as a blocking script; posthog-js'
//               documented snippet as it is (array.js, then posthog.init()). Its top-level
//               compile and run only: what either starts asynchronously is not in it.
//               cold  a new profile (empty HTTP cache), the file over loopback;
//               warm  the same profile, a fresh page load, the file from the HTTP cache.
//   visible ms  bench/visible.mjs's measure (lib/visible.mjs): from the trigger call to the first
//               frame that paints the prompt's buttons; not cached / cached as there.
// Engines come from the tests' launchers (test/engines: puppeteer-core over WebDriver BiDi for
// Firefox, WebKitWebDriver for WebKitGTK). Writes bench/.out/engines.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { launchEngine } from '../test/engines/index.mjs'
import { hetkiConfig, page as referencePage } from './lib/pages.mjs'
import { ensurePeers } from './lib/peers.mjs'
import { POSTHOG_TOKEN } from './lib/posthog-stub.mjs'
import { startBenchServer } from './lib/server.mjs'
import { summary } from './lib/stats.mjs'
import { SDKS, timeToVisible } from './lib/visible.mjs'

const REPEATS = Number(process.env.BENCH_ENGINES_REPEATS || 6)
const ENGINES = (process.env.BENCH_ENGINES ?? 'firefox,webkit').split(',').filter(Boolean)

const mark = (name) => `<script>window.${name} = performance.now()</script>`
/** The script tag between two marks: its synchronous evaluation, nothing else. */
const EVAL = {
  // The engine's own cost of a blocking script tag that does nothing (no fetch: a data: URL).
  'no SDK': () => `${mark('__t0')}<script src="data:text/javascript,void 0"></script>${mark('__t1')}`,
  Hetki: (n) =>
    `<script type="application/json" id="hetki-config">${JSON.stringify(hetkiConfig(`bench-eval-${n}`))}</script>${mark('__t0')}<script src="/hetki/hetki.js"></script>${mark('__t1')}`,
  'posthog-js': () =>
    `${mark('__t0')}<script src="/peers/posthog-js/dist/array.js"></script><script>posthog.init(${JSON.stringify(POSTHOG_TOKEN)},{api_host:location.origin,person_profiles:'identified_only',opt_out_useragent_filter:true})</script>${mark('__t1')}`,
}

/** Resolves once `fn()` in the page is truthy (polled, with a ceiling). */
async function until(win, fn, what, timeout = 20_000) {
  const end = Date.now() + timeout
  while (!(await win.evaluate(fn))) {
    if (Date.now() > end) throw new Error('waited in vain for ' + what)
    await new Promise((r) => setTimeout(r, 25))
  }
}

/** Runs in the page: resolves once no resource has been fetched for `quiet` ms (at most 4 s): lazy loads settle. */
const settled = (quiet) =>
  new Promise((done) => {
    const count = () => performance.getEntriesByType('resource').length
    let seen = count()
    let last = performance.now()
    const start = last
    const check = () => {
      const now = performance.now()
      if (count() != seen) (seen = count()), (last = now)
      if (now - last >= quiet || now - start > 4000) return done(true)
      setTimeout(check, 50)
    }
    check()
  })

ensurePeers()
const server = await startBenchServer()
let loads = 0
const results = []
const versions = {}

for (const name of ENGINES) {
  const engine = await launchEngine(name)
  versions[name] = engine.version
  const evalMs = Object.fromEntries(Object.keys(EVAL).map((sdk) => [sdk, { cold: [], warm: [] }]))
  const visibleMs = Object.fromEntries(Object.keys(SDKS).map((sdk) => [sdk, { 'not cached': [], cached: [] }]))

  const evaluate = async (win, sdk) => {
    const path = `/engines-eval/${encodeURIComponent(sdk)}-${++loads}.html`
    server.pages.set(path, referencePage(EVAL[sdk](loads)))
    await win.goto(server.url + path)
    // From the moment its files had arrived (Resource Timing), so that the fetch is left out.
    return win.evaluate(() => {
      const fetched = performance.getEntriesByType('resource').filter((e) => e.startTime >= window.__t0 && e.responseEnd <= window.__t1)
      return window.__t1 - Math.max(window.__t0, ...fetched.map((e) => e.responseEnd))
    })
  }
  const visible = async (win, sdk) => {
    const { page, ready, host, trigger } = SDKS[sdk]
    const path = `/engines-visible/${encodeURIComponent(sdk)}-${++loads}.html`
    server.pages.set(path, page(loads))
    await win.goto(server.url + path)
    await until(win, ready, sdk)
    await win.evaluate(settled, 300)
    return win.evaluate(timeToVisible, { host, trigger: trigger.toString() })
  }

  // The first loads of a browser pay for its own warm-up: not measured.
  const warmup = await engine.profile()
  const w = await warmup.open()
  for (const sdk of Object.keys(SDKS)) await visible(w, sdk)
  await warmup.close()

  for (let i = 0; i < REPEATS; i++)
    for (const sdk of Object.keys(SDKS)) {
      const profile = await engine.profile()
      const win = await profile.open()
      evalMs[sdk].cold.push(await evaluate(win, sdk))
      evalMs[sdk].warm.push(await evaluate(win, sdk))
      if (sdk == 'Hetki') for (const when of ['cold', 'warm']) evalMs['no SDK'][when].push(await evaluate(win, 'no SDK'))
      await profile.close()
      const fresh = await engine.profile()
      const win2 = await fresh.open()
      visibleMs[sdk]['not cached'].push(await visible(win2, sdk))
      // Asked once per person: the cached run forgets posthog-js' person (Hetki's asks another survey).
      await win2.evaluate(() => (localStorage.clear(), sessionStorage.clear()))
      visibleMs[sdk].cached.push(await visible(win2, sdk))
      await fresh.close()
    }
  await engine.close()
  for (const sdk of Object.keys(EVAL))
    for (const when of ['cold', 'warm']) results.push({ engine: name, sdk, measure: 'eval', when, ms: summary(evalMs[sdk][when]) })
  for (const sdk of Object.keys(SDKS))
    for (const when of ['not cached', 'cached']) results.push({ engine: name, sdk, measure: 'visible', when, ms: summary(visibleMs[sdk][when]) })
}

const f = (n) => n.toFixed(1)
console.log(`Start-up (script tag evaluation) and trigger → visible in ${ENGINES.map((e) => versions[e]).join(' and ')}, ${REPEATS} runs each\n`)
console.log('| engine | SDK | measure | when | median ms | min | max |\n| --- | --- | --- | --- | ---: | ---: | ---: |')
for (const r of results) console.log(`| ${r.engine} | ${r.sdk} | ${r.measure} | ${r.when} | ${f(r.ms.median)} | ${f(r.ms.min)} | ${f(r.ms.max)} |`)
mkdirSync('bench/.out', { recursive: true })
writeFileSync('bench/.out/engines.json', JSON.stringify({ versions, repeats: REPEATS, results }, null, 2) + '\n')
await server.close()
