// A long session in Chromium (docs/fuzzing.md, memory bounds): 20,000 tracked events with
// properties and hundreds of SPA navigations with every built-in source on must leave what Hetki
// stores in IndexedDB under a fixed size, and reset() / consent() / navigations repeated many times
// must not leave more live listeners, timers or BroadcastChannels behind the more they are repeated.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { watchErrors } from '../helpers/browser'
import { useChromiumAndDemo } from '../helpers/setup'

const LONG = process.env.HETKI_FUZZ == 'long'
const env = useChromiumAndDemo()

const KEEP = 10
// Debug logging through the config, not ?hetki_debug=1: that also opens the debug panel, whose
// redraws replace elements, and dropped elements still count as live listeners here.
const config = {
  debug: true,
  endpoint: '/collect',
  sources: {
    pageViews: true,
    clicks: [{ selector: 'button', event: 'ui.clicked' }],
    scrollDepth: [25, 50, 100],
    timeOnPage: [1, 30],
    rageClick: true,
    formAbandon: true,
    idle: 30,
  },
  journey: { keep: KEEP, props: ['plan', 'note'] },
  delivery: { maxRecords: 20 },
  pacing: { maxPerSession: 1e9 },
  surveys: [
    { id: 'count', trigger: { event: 'pay', where: { method: 'card' }, count: 3, within: '1h' }, questions: [{ id: 'q', type: 'rating', text: 'Q' }] },
    {
      id: 'after',
      trigger: { event: 'help', after: { event: 'page.viewed', within: '1h' }, unless: { event: 'ui.clicked', within: '1m' } },
      questions: [{ id: 'q', type: 'rating', text: 'Q' }],
    },
  ],
}

/**
 * Before Hetki loads: counts what is live. Listeners by (target, type, listener, capture), timers
 * from set to fired or cleared, BroadcastChannels from construction to close().
 */
function instrument() {
  const w = window as any
  const listeners = new Map<EventTarget, Set<string>>()
  const ids = new WeakMap<object, number>()
  let nextId = 0
  const idOf = (fn: unknown) => {
    if (!fn || (typeof fn != 'object' && typeof fn != 'function')) return String(fn)
    if (!ids.has(fn as object)) ids.set(fn as object, ++nextId)
    return String(ids.get(fn as object))
  }
  const key = (type: string, fn: unknown, options: unknown) =>
    type + '|' + idOf(fn) + '|' + !!(typeof options == 'object' ? (options as any)?.capture : options)
  const add = EventTarget.prototype.addEventListener
  const remove = EventTarget.prototype.removeEventListener
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, fn: any, options?: any) {
    let set = listeners.get(this)
    if (!set) listeners.set(this, (set = new Set()))
    set.add(key(type, fn, options))
    return add.call(this, type, fn, options)
  }
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, fn: any, options?: any) {
    listeners.get(this)?.delete(key(type, fn, options))
    return remove.call(this, type, fn, options)
  }
  const timers = new Set<number>()
  const set = window.setTimeout
  const clear = window.clearTimeout
  w.setTimeout = (fn: any, ms?: number, ...args: any[]) => {
    const id: number = set(
      (...a: any[]) => {
        timers.delete(id)
        return typeof fn == 'function' ? fn(...a) : undefined
      },
      ms,
      ...args,
    )
    timers.add(id)
    return id
  }
  w.clearTimeout = (id: number) => (timers.delete(id), clear(id))
  const intervals = new Set<number>()
  const setI = window.setInterval
  const clearI = window.clearInterval
  w.setInterval = (...a: any[]) => {
    const id = (setI as any)(...a)
    intervals.add(id)
    return id
  }
  w.clearInterval = (id: number) => (intervals.delete(id), clearI(id))
  let channels = 0
  const BC = window.BroadcastChannel
  w.BroadcastChannel = class extends BC {
    constructor(name: string) {
      super(name)
      channels++
    }
    override close() {
      channels--
      super.close()
    }
  }
  w.live = () => ({
    listeners: [...listeners.values()].reduce((n, s) => n + s.size, 0),
    timers: timers.size,
    intervals: intervals.size,
    channels,
  })
}

const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head>
<body style="height: 3000px"><form id="f"><input name="x"></form><button>Go</button>
<script type="application/json" id="hetki-config">${JSON.stringify(config)}</script>
<script src="/hetki/hetki.js"></script></body></html>`

/** Everything Hetki keeps in this origin's IndexedDB, as JSON: its size, and the journey. */
const stored = (page: Page) =>
  page.evaluate(async () => {
    const read = (db: string) =>
      new Promise<Record<string, unknown>>((done, fail) => {
        const open = indexedDB.open(db)
        open.onerror = () => fail(open.error)
        open.onsuccess = () => {
          const idb = open.result
          if (!idb.objectStoreNames.length) return (done({}), idb.close())
          const tx = idb.transaction(idb.objectStoreNames[0]!, 'readonly')
          const store = tx.objectStore(idb.objectStoreNames[0]!)
          const keys = store.getAllKeys()
          const values = store.getAll()
          tx.oncomplete = () => {
            done(Object.fromEntries(keys.result.map((k, i) => [String(k), values.result[i]])))
            idb.close()
          }
        }
      })
    const state = await read('hetki')
    const outbox = await read('hetki-outbox')
    const journey = state['journey:v1'] as { trail: unknown[]; history: Record<string, unknown[]> } | undefined
    return {
      bytes: JSON.stringify(state).length + JSON.stringify(outbox).length,
      trail: journey?.trail.length ?? 0,
      history: Math.max(0, ...Object.values(journey?.history || {}).map((h) => h.length)),
      outbox: Object.keys(outbox).length,
    }
  })

/** Waits for the batched journey write (500 ms after a burst) by asking the page to hide and show. */
const flush = async (page: Page) => {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
    document.dispatchEvent(new Event('visibilitychange'))
    delete (document as any).visibilityState
  })
  await page.evaluate(() => new Promise((done) => setTimeout(done, 700)))
}

/** The app page in a new context (after `before`, if given), once the journey sources are on. */
async function openApp(before?: () => void) {
  const context = await env.browser.newContext()
  if (before) await context.addInitScript(before)
  await context.route(env.demo.url + '/app/**', (route) => route.fulfill({ contentType: 'text/html', body: html }))
  const page = await context.newPage()
  const errors = watchErrors(page)
  const journeyOn = page.waitForEvent('console', (m) => m.text().startsWith('[hetki] journey sources on'))
  await page.goto(env.demo.url + '/app/start')
  await journeyOn
  return { context, page, errors }
}

describe('a long session in Chromium', () => {
  it('keeps what Hetki stores under a fixed size however many events and navigations', { timeout: LONG ? 3_600_000 : 60_000 }, async () => {
    const { context, page, errors } = await openApp()

    /** `n` events with properties (some large), and a navigation every 100. */
    const session = (n: number, from: number) =>
      page.evaluate(
        ({ n, from }) => {
          const h = (window as any).hetki
          for (let i = from; i < from + n; i++) {
            const big = i % 997 == 0 ? 'x'.repeat(100_000) : 'note ' + i
            h.track(i % 3 ? 'pay' : 'help', { method: i % 2 ? 'card' : 'bank', plan: 'p' + (i % 7), note: big, n: i })
            if (i % 100 == 0) {
              history.pushState({}, '', '/app/page' + (i % 1000))
              document.querySelector('button')!.click()
              if (i % 300 == 0) history.back()
            }
          }
        },
        { n, from },
      )
    const TOTAL = LONG ? 200_000 : 20_000
    const sizes: { events: number; bytes: number; trail: number; history: number; outbox: number }[] = []
    for (let done = 0; done < TOTAL; ) {
      const n = Math.min(5000, TOTAL - done)
      await session(n, done)
      done += n
      await flush(page)
      sizes.push({ events: done, ...(await stored(page)) })
    }
    console.log(
      '[fuzz memory] stored after N events:',
      sizes.map((s) => `${s.events}: ${s.bytes} B, trail ${s.trail}, history ≤ ${s.history}/event, outbox ${s.outbox}`).join('; '),
    )
    for (const s of sizes) {
      expect(s.trail).toBeLessThanOrEqual(KEEP)
      expect(s.history).toBeLessThanOrEqual(50)
      expect(s.outbox).toBeLessThanOrEqual(20)
      // The fixed bound: 10 trail entries and 2 × 50 history entries of at most ~1 KB of properties each, plus pacing.
      expect(s.bytes).toBeLessThan(64 * 1024)
    }
    expect(errors).toEqual([])
    await context.close()
  })

  it('leaves no more live listeners, timers or channels the more reset(), consent() and navigations repeat', async () => {
    const { context, page, errors } = await openApp(instrument)

    const rounds = (n: number) =>
      page.evaluate(async (n) => {
        const h = (window as any).hetki
        for (let i = 0; i < n; i++) {
          h.track('pay', { method: 'card' })
          h.reset()
          h.consent(false)
          h.consent(true)
          history.pushState({}, '', '/app/r' + i)
          history.back()
          // The test's own listener removes itself, so that the count is Hetki's alone.
          await new Promise<void>((done) => {
            const heard = () => (removeEventListener('popstate', heard), done())
            addEventListener('popstate', heard)
          })
          document.querySelector('button')!.click()
          dispatchEvent(new Event('scroll'))
        }
        // Let the batched writes and the 1 s pacing batch run out.
        await new Promise((done) => setTimeout(done, 1500))
        return (window as any).live()
      }, n)
    const after50 = await rounds(50)
    const after250 = await rounds(200)
    console.log('[fuzz memory] live after 50 rounds:', JSON.stringify(after50), 'after 250:', JSON.stringify(after250))
    // What is left comes and goes with unsaved state (the journey listens to beforeunload and keeps
    // a save timer only while something is unsaved): wait for it to settle rather than read it once.
    const settled = (l: typeof after50) =>
      l.listeners <= after50.listeners && l.timers <= after50.timers && l.intervals <= after50.intervals && l.channels <= after50.channels
    if (!settled(after250)) await expect.poll(() => page.evaluate(() => (window as any).live()), { timeout: 20_000 }).toSatisfy(settled)
    expect(errors).toEqual([])
    await context.close()
  })
})
