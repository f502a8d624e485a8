// Delivery features a host or a backend notices, in Chromium against the real demo collector:
// the beacon when the page goes away, CORS with and without a preflight, consent, an adapter,
// and the sender loading only when there is something to send.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'

import { watchErrors } from '../helpers/browser'
import { useChromiumAndDemo } from '../helpers/setup'
import { flakyCollector } from '../helpers/flaky'
import { answer, leftInOutbox, openPage, scriptPage, sdkErrors, twoQuestions } from '../helpers/survey'

const json = (value: unknown): [string, string] => ['application/json', JSON.stringify(value)]
const html = (text: string): [string, string] => ['text/html; charset=utf-8', text]

const pages: Record<string, [string, string]> = {
  '/shop.html': html(scriptPage('/plain.json')),
  '/plain.json': json({ endpoint: '/collect', surveys: [twoQuestions] }),
  '/touchpoint.html': html(scriptPage('/touchpoint.json')),
  '/touchpoint.json': json({
    endpoint: '/collect',
    touchpoints: [{ id: 'checkout', name: 'Checkout', owner: 'Web shop team', stage: 'purchase', channel: 'web' }],
    surveys: [{ ...twoQuestions, touchpoint: 'checkout' }],
  }),
  '/timeout.html': html(scriptPage('/timeout.json')),
  '/timeout.json': json({ endpoint: '/collect', delivery: { timeout: 1 }, surveys: [twoQuestions] }),
  '/consent.html': html(scriptPage('/consent.json')),
  '/consent.json': json({ endpoint: '/collect', requireConsent: true, delivery: { timeout: 1 }, surveys: [twoQuestions] }),
  // The ES module build with a transport adapter, as a bundler user would write it.
  '/adapter.html': html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<script type="module">
import * as hetki from '/hetki/hetki.mjs'
import { dataLayer } from '/hetki/adapters/datalayer.js'
window.hetki = hetki
hetki.init(${JSON.stringify({ endpoint: '/collect', surveys: [twoQuestions] })}, { transport: dataLayer() })
</script></head><body><h1>Shop</h1></body></html>`),
}
const flaky = flakyCollector(pages)
/** The same server under another origin (localhost rather than 127.0.0.1), for cross-origin posts. */
let otherOrigin: string

const env = useChromiumAndDemo(flaky.handle)
beforeAll(async () => {
  otherOrigin = env.demo.url.replace('127.0.0.1', 'localhost')
  for (const plainText of [false, true]) {
    const name = plainText ? 'cross-plain' : 'cross-json'
    pages[`/${name}.html`] = html(scriptPage(`/${name}.json`))
    pages[`/${name}.json`] = json({ endpoint: env.demo.url + '/collect', delivery: { plainText }, surveys: [twoQuestions] })
  }
})
beforeEach(async () => {
  await env.demo.store.clear()
  Object.assign(flaky.state, { mode: 'ok', passBeacons: false, requests: {}, beacons: 0, preflights: 0 })
})

describe('delivery in the browser', () => {
  it('hands pending answers to sendBeacon when the page goes away, and the collector stores them', async () => {
    const context = await env.browser.newContext()
    const page = await openPage(context, env.demo.url + '/shop.html')
    // fetch never gets an answer; only the beacon (text/plain) gets through.
    flaky.state.mode = 'hang'
    flaky.state.passBeacons = true
    const given = await answer(page, 1)
    expect(await env.demo.store.all()).toHaveLength(0)
    await page.goto('about:blank')
    // The completed answer, not an earlier version of it (the collector keeps the newest by id).
    await expect.poll(() => env.demo.store.all()).toEqual([expect.objectContaining({ id: given.id, answers: given.answers, completed: true })])
    expect(flaky.state.beacons).toBeGreaterThan(0)
    await context.close()
  })

  it('still reaches a collector that hung on several timed-out sends, once it recovers', async () => {
    const context = await env.browser.newContext()
    const page = await openPage(context, env.demo.url + '/timeout.html')
    flaky.state.mode = 'hang'
    const given = await answer(page, 1)
    // Nudge a new send each time the previous one is in flight, until Chromium's six connections
    // per host would all be pinned if a timed-out send kept its connection open.
    for (let sent = flaky.state.requests.hang || 0; sent < 6; sent++) {
      await expect.poll(() => flaky.state.requests.hang || 0, { timeout: 10_000 }).toBeGreaterThan(sent)
      await page.evaluate(() => dispatchEvent(new Event('online')))
    }
    await expect.poll(() => flaky.state.requests.hang || 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(6)
    flaky.state.mode = 'ok'
    await page.evaluate(() => dispatchEvent(new Event('online')))
    await expect.poll(async () => (await env.demo.store.all()).map((r) => r.id), { timeout: 15_000 }).toEqual([given.id])
    await context.close()
  })

  it('has one tab at a time send: two tabs coming back online deliver each answer once', async () => {
    const context = await env.browser.newContext()
    const [page1, page2] = [await openPage(context, env.demo.url + '/shop.html'), await openPage(context, env.demo.url + '/shop.html')]
    // Load the widget and the sender in both tabs, then answer offline in both.
    await answer(page1, 1)
    await answer(page2, 2)
    await expect.poll(async () => (await env.demo.store.all()).length).toBe(2)
    await env.demo.store.clear()
    await context.setOffline(true)
    const given = [await answer(page1, 3), await answer(page2, 4), await answer(page1, 5), await answer(page2, 6)]
    await context.setOffline(false)
    await expect.poll(async () => (await env.demo.store.all()).length).toBe(given.length)
    await expect.poll(() => Promise.all([leftInOutbox(page1), leftInOutbox(page2)])).toEqual([0, 0])
    // Both tabs heard `online` at the same moment; the Web Lock let one send and the other find nothing left.
    expect((await env.demo.store.all()).map((r) => r.deliveries)).toEqual(given.map(() => 1))
    expect((await env.demo.store.moments()).map((m) => m.deliveries)).toEqual(given.map(() => 1))
    await context.close()
  })

  it('posts JSON cross-origin through a CORS preflight the collector answers', async () => {
    const context = await env.browser.newContext()
    const page = await openPage(context, otherOrigin + '/cross-json.html')
    const errors = watchErrors(page)
    const given = await answer(page, 2)
    await expect.poll(async () => (await env.demo.store.all()).map((r) => r.id)).toEqual([given.id])
    expect(flaky.state.preflights).toBeGreaterThan(0)
    expect(sdkErrors(errors)).toEqual([])
    await context.close()
  })

  it('with plainText posts cross-origin with no preflight at all', async () => {
    const context = await env.browser.newContext()
    const page = await openPage(context, otherOrigin + '/cross-plain.html')
    const given = await answer(page, 3)
    await expect.poll(async () => (await env.demo.store.all()).map((r) => r.id)).toEqual([given.id])
    expect(flaky.state.preflights).toBe(0)
    await context.close()
  })

  it('loads the sender only when there is something to send', async () => {
    const context = await env.browser.newContext()
    const page = await context.newPage()
    const scripts: string[] = []
    page.on('request', (r) => scripts.push(new URL(r.url()).pathname))
    await page.goto(env.demo.url + '/shop.html')
    await page.waitForFunction(() => typeof (window as any).hetki?.on == 'function' && !(window as any).hetki.q)
    // Coming back online (like becoming visible again) with nothing pending loads nothing either.
    await page.evaluate(() => dispatchEvent(new Event('online')))
    await page.waitForLoadState('networkidle')
    expect(scripts).not.toContain('/hetki/hetki-delivery.js')
    await answer(page, 4)
    await expect.poll(async () => (await env.demo.store.all()).length).toBe(1)
    expect(scripts.filter((p) => p == '/hetki/hetki-delivery.js')).toHaveLength(1)
    await context.close()
  })

  it('routes records to an adapter instead of the endpoint, without it in the core', async () => {
    const context = await env.browser.newContext()
    const page = await openPage(context, env.demo.url + '/adapter.html')
    const given = await answer(page, 5)
    const pushed = () => page.evaluate(() => ((window as any).dataLayer || []).map((e: any) => e.event))
    await expect.poll(pushed).toEqual(['hetki.shown', 'hetki.response', 'hetki.response'])
    const last = await page.evaluate(() => (window as any).dataLayer.at(-1).hetki)
    expect(last).toMatchObject({ hetki_record_id: given.id, survey_id: 'journey', answer_goal: given.answers.goal, completed: true })
    await expect.poll(() => leftInOutbox(page)).toBe(0)
    expect(flaky.state.requests).toEqual({})
    await context.close()
  })
})

describe('the wire format', () => {
  it('is what packages/sdk/wire-format.schema.json says, for responses, partial responses, shown and dismissed', async () => {
    const schema = JSON.parse(readFileSync('packages/sdk/wire-format.schema.json', 'utf8'))
    // Formats (date-time) are checked below by parsing; ajv-formats is not worth a dependency here.
    const validate = new Ajv2020({ allErrors: true, validateFormats: false }).compile(schema)
    const context = await env.browser.newContext()
    const page = await context.newPage()
    const bodies: any[] = []
    page.on('request', (r) => r.method() == 'POST' && new URL(r.url()).pathname == '/collect' && bodies.push(JSON.parse(r.postData()!)))
    await page.goto(env.demo.url + '/touchpoint.html?email=someone%40example.com')
    await page.waitForFunction(() => typeof (window as any).hetki?.on == 'function' && !(window as any).hetki.q)
    const done = await answer(page, 1)
    const partial = await answer(page, 2, true)
    await expect.poll(async () => (await env.demo.store.all()).length).toBe(2)
    await expect.poll(async () => (await env.demo.store.moments()).length).toBe(3)
    // Playwright reports requests a little after the collector has them.
    await expect.poll(() => bodies.flatMap((b) => b.records).filter((r: any) => r.kind == 'dismissed').length).toBe(1)

    for (const body of bodies) expect(validate(body) || validate.errors).toBe(true)
    const records = bodies.flatMap((b) => b.records)
    expect(new Set(records.map((r: any) => r.kind))).toEqual(new Set(['shown', 'response', 'dismissed']))
    for (const r of records) {
      for (const t of [r.at, r.startedAt, r.updatedAt].filter(Boolean)) expect(new Date(t).toISOString()).toBe(t)
      // The path only: the query string (here an e-mail address) never leaves the page by default.
      expect(r).toMatchObject({ path: '/touchpoint.html', touchpoint: { id: 'checkout', owner: 'Web shop team' } })
      expect(JSON.stringify(r)).not.toContain('example.com')
    }
    const last = (id: string) => records.filter((r: any) => r.id == id).at(-1)
    expect(last(done.id)).toMatchObject({ kind: 'response', responseId: done.id, answers: done.answers, completed: true })
    expect(last(partial.id)).toMatchObject({ kind: 'response', answers: partial.answers, completed: false })
    expect(records.filter((r: any) => r.kind == 'dismissed').map((r: any) => r.responseId)).toEqual([partial.id])
    await context.close()
  })
})

describe('consent', () => {
  it('stores nothing before consent, and consent(false) forgets answers not yet delivered', async () => {
    const context = await env.browser.newContext()
    const page = await openPage(context, env.demo.url + '/consent.html')
    // No prompt, and not even a database, before consent.
    await page.evaluate(() => (window as any).hetki.show('journey'))
    expect(await page.locator('[data-hetki-survey]').count()).toBe(0)
    expect(await page.evaluate(() => indexedDB.databases().then((dbs) => dbs.map((d) => d.name)))).toEqual([])

    await page.evaluate(() => (window as any).hetki.consent(true))
    flaky.state.mode = '500'
    await answer(page, 6)
    expect(await leftInOutbox(page)).toBeGreaterThan(0)
    await page.evaluate(() => (window as any).hetki.consent(false))
    await expect.poll(() => leftInOutbox(page)).toBe(0)

    // The collector recovers and the customer consents again on the next page: the withdrawn answer stays gone.
    flaky.state.mode = 'ok'
    await page.reload()
    await page.evaluate(() => (window as any).hetki.consent(true))
    const later = await answer(page, 7)
    await expect.poll(async () => (await env.demo.store.all()).map((r) => r.id)).toEqual([later.id])
    await context.close()
  })
})
