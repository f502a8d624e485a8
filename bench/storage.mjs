// IndexedDB transactions per 1,000 tracked events, in Chromium, on the real build (dist/).
// `npm run build && node bench/storage.mjs`; writes bench/.out/storage.json. Counts every IDBDatabase#transaction the page
// makes (pacing and outbox alike), by wrapping it before any script runs.
//
// Scenarios, each in a fresh browser context (a new visitor):
//   burst   1,000 track() calls at once, on one page;
//   steady  1,000 track() calls, one every 3 s of page time (50 minutes, a fake clock); once with
//           a prompt shown and answered, once with events no survey listens to (the events alone);
//   pages   the same 1,000 events over 100 page loads of 10 events each (a multi-page site).
// A transaction reported while a page unloads may be lost, so "pages" can undercount the
// writes made on leaving a page (one per page at most).
// In each (but the events-alone run), one event in ten is the trigger of a survey; the first shows
// it and the visitor answers, the others are refused by pacing ("shown once already").
import { mkdirSync, writeFileSync } from 'node:fs'
import { launchChromium } from './lib/chromium.mjs'
import { startDemoCollector } from '../test/fixtures/collector.mjs'

const EVENTS = 1000

const config = {
  endpoint: '/collect',
  pacing: { cooldownDays: 1, maxPerSession: 1 },
  surveys: [
    { id: 'csat-order', trigger: { event: 'order.completed' }, questions: [{ id: 'q1', type: 'rating', scale: 5, text: 'How was it?' }] },
    { id: 'ces-help', trigger: { event: 'help.closed' }, questions: [{ id: 'q1', type: 'rating', scale: 7, text: 'Easy?' }] },
  ],
}
const page = `<!doctype html><html lang="en"><body>
  <script type="application/json" id="hetki-config">${JSON.stringify(config)}</script>
  <script src="/hetki/hetki.js"></script></body></html>`

// Each transaction is reported to Node through a binding, so that none is lost with a page.
const countTransactions = () => {
  const open = IDBDatabase.prototype.transaction
  IDBDatabase.prototype.transaction = function (stores, mode) {
    window.__transaction(this.name + ' ' + (mode || 'readonly'))
    return open.apply(this, arguments)
  }
}
const eventName = (i) => (i % 10 == 3 ? 'order.completed' : i % 10 == 7 ? 'help.closed' : 'page.section')

const demo = await startDemoCollector()
const browser = await launchChromium()

/** A new visitor: a fresh context whose transactions land in `seen`. */
async function visitor(seen) {
  const context = await browser.newContext()
  await context.exposeBinding('__transaction', (_, what) => seen.push(what))
  await context.addInitScript(countTransactions)
  await context.route(demo.url + '/bench.html', (route) => route.fulfill({ contentType: 'text/html', body: page }))
  return context
}
async function load(p) {
  await p.goto(demo.url + '/bench.html')
  await p.waitForFunction(() => window.hetki?.track)
}
async function settle(p, ms) {
  await p.waitForTimeout(ms)
}
/** Answers the prompt once it shows, as the visitor would. */
const answer = (p) => p.locator('[data-hetki-survey]').getByRole('button', { name: /^4\b/ }).click()
const summary = (list) => {
  const by = {}
  for (const t of list) by[t] = (by[t] || 0) + 1
  return Object.entries(by)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ')
}

const rows = []
{
  const seen = []
  const context = await visitor(seen)
  const p = await context.newPage()
  await load(p)
  await settle(p, 300)
  const atLoad = seen.length
  await p.evaluate((n) => {
    for (let i = 0; i < n; i++) window.hetki.track(i % 10 == 3 ? 'order.completed' : i % 10 == 7 ? 'help.closed' : 'page.section', { i })
  }, EVENTS)
  await answer(p)
  await settle(p, 3000) // the batch timer, the answer's write, its delivery
  rows.push(['burst: 1,000 at once, one page', atLoad, seen.slice(atLoad), 'burst'])
  await context.close()
}
/**
 * One event every 3 s of page time (a fake clock) for 50 minutes, on one page. With `prompt`, the
 * fourth is the trigger of a survey, which shows and is answered; without, no event concerns a
 * survey: what the events alone cost.
 */
async function steady(name, prompt, id) {
  const seen = []
  const context = await visitor(seen)
  const p = await context.newPage()
  await p.clock.install()
  await load(p)
  await settle(p, 300)
  const atLoad = seen.length
  for (let i = 0; i < EVENTS; i++) {
    await p.evaluate((name) => window.hetki.track(name), prompt ? eventName(i) : 'page.section')
    if (prompt && i == 3) await answer(p)
    await p.clock.runFor(3000)
  }
  await settle(p, 500)
  rows.push([name, atLoad, seen.slice(atLoad), id])
  await context.close()
}
await steady('steady: one every 3 s for 50 min, one page', true, 'steady')
await steady('steady, no survey shows: the events alone', false, 'steady-events')
{
  const seen = []
  const context = await visitor(seen)
  const p = await context.newPage()
  for (let n = 0; n < EVENTS / 10; n++) {
    await load(p)
    for (let i = 0; i < 10; i++) await p.evaluate((name) => window.hetki.track(name), eventName(n * 10 + i))
    if (n == 0) await answer(p)
  }
  await p.goto('about:blank') // leaving the last page flushes its activity
  await settle(p, 300)
  rows.push(['pages: 100 page loads of 10 events', 0, seen, 'pages'])
  await context.close()
}

console.log(`IndexedDB transactions for ${EVENTS} track() calls, Chromium ${browser.version()}\n`)
console.log('| scenario | at page load | with the 1,000 events | of which |')
console.log('| --- | ---: | ---: | --- |')
for (const [name, atLoad, during] of rows) console.log(`| ${name} | ${atLoad} | ${during.length} | ${summary(during)} |`)
mkdirSync('bench/.out', { recursive: true })
const rowsJson = rows.map(([scenario, atLoad, during, id]) => ({ id, scenario, atLoad, perThousandEvents: during.length, of: summary(during) }))
writeFileSync('bench/.out/storage.json', JSON.stringify({ chromium: browser.version(), events: EVENTS, results: rowsJson }, null, 2) + '\n')
await browser.close()
await demo.close()
