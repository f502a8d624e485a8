// Pacing across pages and tabs, in Chromium. "Tabs" are pages of one browser context: they share
// IndexedDB, Web Locks and BroadcastChannel, as the tabs of one site do.
import { describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { launchChromium } from '../fixtures/chromium.mjs'
import { launch, watchErrors } from '../helpers/browser'
import { useChromiumAndDemo } from '../helpers/setup'
import type { Reason } from '../../packages/sdk/src/pure/rules/trace'
import { why } from '../../packages/sdk/src/pure/rules/words'

const env = useChromiumAndDemo()

const question = (text: string) => [{ id: 'q1', type: 'rating', scale: 5, text }]

/** A survey per event name, with its own pacing. */
const surveys = (...list: [id: string, event: string, pacing?: object][]) =>
  list.map(([id, event, pacing]) => ({ id, trigger: { event }, questions: question('How was ' + id + '?'), ...(pacing && { pacing }) }))

/**
 * A page of the demo's origin running Hetki with `config`. Each pacing verdict of the debug trace
 * is kept in `window.verdicts` as [survey id, pass, reason], so a test can wait for a decision
 * instead of a timer; `verdicts()` words the reasons as the debug panel does.
 */
function html(config: object) {
  return `<!doctype html><html lang="en"><body>
    <script>
      window.verdicts = []
      const debug = console.debug
      console.debug = (...args) => {
        if (args[1] == 'survey' && args[3] && args[3].step == 'pacing') verdicts.push([args[2], args[3].pass, args[3].why])
        debug.apply(console, args)
      }
    </script>
    <script type="application/json" id="hetki-config">${JSON.stringify({ endpoint: '/collect', debug: true, ...config })}</script>
    <script src="/hetki/hetki.js"></script>
  </body></html>`
}

async function site(config: object): Promise<BrowserContext> {
  const context = await env.browser.newContext()
  await context.route(env.demo.url + '/pacing.html', (route) => route.fulfill({ contentType: 'text/html', body: html(config) }))
  return context
}

async function tab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  await page.goto(env.demo.url + '/pacing.html')
  await page.waitForFunction(() => (window as any).hetki?.track)
  return page
}

type Verdict = [string, boolean, string]
const verdicts = async (page: Page): Promise<Verdict[]> =>
  ((await page.evaluate(() => (window as any).verdicts)) as [string, boolean, Reason][]).map(([id, pass, reason]) => [id, pass, why(reason)])

/** Tracks `event` in `page` and resolves to the pacing verdict on `surveyId` that follows. */
async function track(page: Page, event: string, surveyId: string): Promise<Verdict> {
  const before = (await verdicts(page)).length
  await page.evaluate((e) => (window as any).hetki.track(e), event)
  await expect.poll(async () => (await verdicts(page)).slice(before).some((v) => v[0] == surveyId)).toBe(true)
  return (await verdicts(page)).slice(before).find((v) => v[0] == surveyId)!
}

const prompts = (page: Page) => page.locator('[data-hetki-survey]').count()

/** Closes the prompt of `page` without an answer, as the customer would with Escape. */
async function dismiss(page: Page) {
  await page.locator('[data-hetki-survey]').getByRole('button').first().focus()
  await page.keyboard.press('Escape')
  await expect.poll(() => prompts(page)).toBe(0)
}

describe('pacing across tabs', () => {
  it('never shows a survey answered in one tab in another, nor while it is open there', async () => {
    const context = await site({ surveys: surveys(['csat', 'order.completed', { frequency: 'untilAnswered' }]) })
    const [a, b] = [await tab(context), await tab(context)]
    const errors = [...watchErrors(a), ...watchErrors(b)]

    expect(await track(a, 'order.completed', 'csat')).toEqual(['csat', true, 'allowed'])
    const prompt = a.locator('[data-hetki-survey="csat"]')
    await prompt.getByRole('dialog').waitFor()

    expect(await track(b, 'order.completed', 'csat')).toEqual(['csat', false, 'a prompt is open in another tab'])
    expect(await prompts(b)).toBe(0)

    await prompt.getByRole('button', { name: /^4\b/ }).click()
    await expect.poll(async () => (await env.demo.store.all()).filter((r) => r.survey_id == 'csat').length).toBe(1)
    await expect.poll(() => prompts(a), { timeout: 10_000 }).toBe(0)

    // B heard of the answer from A: still "until answered", and it was answered.
    expect(await track(b, 'order.completed', 'csat')).toEqual(['csat', false, 'answered'])
    expect(await prompts(b)).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })

  it('holds a cap reached in one tab in the others, and after a reload', async () => {
    const context = await site({
      pacing: { maxPerSession: 1 },
      surveys: surveys(['checkout', 'checkout.done'], ['support', 'chat.closed']),
    })
    const [a, b] = [await tab(context), await tab(context)]
    expect((await track(a, 'checkout.done', 'checkout'))[1]).toBe(true)
    await dismiss(a)

    expect(await track(b, 'chat.closed', 'support')).toEqual(['support', false, 'maxPerSession reached'])
    await b.reload()
    await b.waitForFunction(() => (window as any).hetki?.track)
    expect(await track(b, 'chat.closed', 'support')).toEqual(['support', false, 'maxPerSession reached'])
    expect(await prompts(b)).toBe(0)
    await context.close()
  })

  it('shows exactly one prompt when eight tabs fire the same trigger at the same instant, round after round', async () => {
    const ROUNDS = 40
    const list = Array.from({ length: ROUNDS }, (_, r) => ['round' + r, 'go.' + r] as [string, string])
    const context = await site({ surveys: surveys(...list) })
    const tabs = await Promise.all(Array.from({ length: 8 }, () => tab(context)))
    const errors = tabs.flatMap(watchErrors)
    // Every tab tracks the event the instant a BroadcastChannel message reaches it.
    for (const page of tabs)
      await page.evaluate(() => {
        new BroadcastChannel('test-go').onmessage = (e) => (window as any).hetki.track(e.data)
      })
    const starter = await context.newPage()
    await starter.goto(env.demo.url + '/hetki/hetki.js') // any page of the origin

    const shownBy: number[] = []
    for (let r = 0; r < ROUNDS; r++) {
      await starter.evaluate((event) => new BroadcastChannel('test-go').postMessage(event), 'go.' + r)
      const decided = async () => Promise.all(tabs.map(async (p) => (await verdicts(p)).filter((v) => v[0] == 'round' + r)))
      await expect.poll(async () => (await decided()).every((v) => v.length == 1), { timeout: 15_000 }).toBe(true)
      const passed = (await decided()).map((v) => v[0]![1])
      expect(passed.filter(Boolean)).toHaveLength(1)
      const winner = passed.indexOf(true)
      shownBy.push(winner)
      // What the customer sees: one prompt, in one tab.
      await tabs[winner]!.locator(`[data-hetki-survey="round${r}"]`).getByRole('dialog').waitFor()
      expect((await Promise.all(tabs.map(prompts))).reduce((a, b) => a + b)).toBe(1)
      await dismiss(tabs[winner]!)
      // The next round starts once the winner has let go of the prompt lock.
      await expect.poll(() => starter.evaluate(async () => (await navigator.locks.query()).held!.length)).toBe(0)
    }
    expect(shownBy).toHaveLength(ROUNDS)
    // The race is real: different tabs win different rounds.
    expect(new Set(shownBy).size).toBeGreaterThan(1)
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('pacing on one device', () => {
  it('keeps the state after a reload, and forgets it on reset()', async () => {
    const context = await site({ surveys: surveys(['csat', 'order.completed']) })
    const page = await tab(context)
    expect((await track(page, 'order.completed', 'csat'))[1]).toBe(true)
    await dismiss(page)
    await page.reload()
    await page.waitForFunction(() => (window as any).hetki?.track)
    expect((await track(page, 'order.completed', 'csat'))[2]).toMatch(/^shown once already, on \d{4}-\d\d-\d\d \d\d:\d\d UTC$/)

    await page.evaluate(() => (window as any).hetki.reset())
    expect(await track(page, 'order.completed', 'csat')).toEqual(['csat', true, 'allowed'])
    await page.locator('[data-hetki-survey="csat"]').getByRole('dialog').waitFor()
    await context.close()
  })

  it('keeps working with IndexedDB blocked, and caps hold within the page', async () => {
    // A sandboxed document has an opaque origin, which IndexedDB and Web Locks refuse for real
    // (SecurityError), as private modes and blocked site data do. Chromium would also keep an
    // opaque origin from reaching the loopback test server; a real site serves from the internet.
    const sandboxed = await launchChromium(['--disable-features=LocalNetworkAccessChecks'])
    const context = await sandboxed.newContext()
    const config = { pacing: { maxPerSession: 1 }, surveys: surveys(['checkout', 'checkout.done'], ['support', 'chat.closed']) }
    await context.route(env.demo.url + '/pacing.html', (route) =>
      route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': 'sandbox allow-scripts' }, body: html(config) }),
    )
    // From an opaque origin the widget is a cross-origin module: it needs CORS, as on a CDN.
    await context.route(env.demo.url + '/hetki/hetki-widget.js', async (route) => {
      const response = await route.fetch()
      await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } })
    })
    const page = await context.newPage()
    const errors = watchErrors(page)
    const said: string[] = []
    page.on('console', (m) => said.push(m.text()))
    await page.goto(env.demo.url + '/pacing.html')
    await page.waitForFunction(() => (window as any).hetki?.track)
    const opening = () => {
      try {
        return String(indexedDB.open('probe'))
      } catch (e) {
        return String(e)
      }
    }
    expect(await page.evaluate(opening)).toMatch(/^SecurityError/)

    expect((await track(page, 'checkout.done', 'checkout'))[1]).toBe(true)
    await page.locator('[data-hetki-survey="checkout"]').getByRole('button', { name: /^5\b/ }).click()
    await expect.poll(async () => (await env.demo.store.all()).filter((r) => r.survey_id == 'checkout').length).toBe(1)
    await expect.poll(() => prompts(page), { timeout: 10_000 }).toBe(0)
    expect(await track(page, 'chat.closed', 'support')).toEqual(['support', false, 'maxPerSession reached'])
    expect(said.some((t) => t.includes('IndexedDB unavailable'))).toBe(true)
    expect(errors).toEqual([])
    await sandboxed.close()
  })
})
