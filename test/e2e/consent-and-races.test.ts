// Consent, reset and the moments between an event and its prompt, in Chromium: what a person who
// said no, or a page that moved on, must never see.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { waitSaid } from '../helpers/said'
import { useChromiumAndDemo } from '../helpers/setup'

const env = useChromiumAndDemo()

const survey = (id: string, event: string, extra = {}) => ({
  id,
  trigger: { event },
  questions: [{ id: 'q1', type: 'rating', scale: 5, text: 'How was ' + id + '?' }],
  ...extra,
})

/** Resolves when debug mode logs `text` (reasons worded as the debug panel words them). */
const said = (page: Page, text: string) => waitSaid(page, (t) => t.includes(text))

/** A page of the demo's origin running Hetki in debug mode; `before` runs before any other script. */
async function open(config: object, body = '', before?: () => void): Promise<Page> {
  const context = await env.browser.newContext()
  const page = await context.newPage()
  if (before) await page.addInitScript(before)
  // For the whole context, so that a second tab gets the page too.
  await context.route(env.demo.url + '/page.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><body>${body}
        <script type="application/json" id="hetki-config">${JSON.stringify({ endpoint: '/collect', debug: true, ...config })}</script>
        <script src="/hetki/hetki.js"></script></body></html>`,
    }),
  )
  // Ready, not just loaded: an event tracked before is queued, and judged on the path of the moment
  // it is taken from the queue (the SPA test below would see the navigation happen before it).
  const ready = said(page, 'ready with')
  await page.goto(env.demo.url + '/page.html')
  await ready
  return page
}

const prompts = (page: Page) => page.locator('[data-hetki-survey]').count()
const databases = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))

/** A second tab of the same browser profile, on the same page. */
async function secondTab(page: Page): Promise<Page> {
  const tab = await page.context().newPage()
  const ready = said(tab, 'ready with')
  await tab.goto(env.demo.url + '/page.html')
  await ready
  return tab
}

/** Lets a message between tabs (BroadcastChannel) arrive. */
const between = (page: Page) => page.evaluate(() => new Promise((r) => setTimeout(r, 300)))

describe('across tabs', () => {
  it('a reset in one tab makes the others forget the person too: what they did before never travels with a later answer', async () => {
    const config = { journey: { props: ['sku'] }, surveys: [survey('csat', 'order.completed')] }
    const a = await open(config)
    const b = await secondTab(a)
    await b.evaluate(() => (window as any).hetki.track('cart.viewed', { sku: 'before-logout' }))
    await a.evaluate(() => (window as any).hetki.reset())
    await between(b)
    await b.evaluate(() => (window as any).hetki.track('order.completed'))
    const prompt = b.locator('[data-hetki-survey="csat"]')
    await prompt.getByRole('button', { name: /^4/ }).click()
    await expect.poll(async () => (await env.demo.store.all()).find((r) => r.survey_id == 'csat' && r.completed)).toBeTruthy()
    const record = (await env.demo.store.all()).find((r) => r.survey_id == 'csat' && r.completed)!
    expect(JSON.stringify(record.trail)).not.toContain('before-logout')
    await a.context().close()
  })

  it('consent withdrawn in one tab holds in the others: they show nothing more, and let its databases be deleted', async () => {
    const a = await open({ requireConsent: true, surveys: [survey('nps', 'order.completed')] })
    const b = await secondTab(a)
    // The customer said yes in the second tab, which opened the databases; then no in the first.
    await b.evaluate(() => (window as any).hetki.consent(true))
    await expect.poll(() => databases(b)).toContain('hetki')
    await a.evaluate(() => (window as any).hetki.consent(false))
    await between(b)
    const waiting = said(b, 'show: waiting for consent')
    await b.evaluate(() => {
      const h = (window as any).hetki
      h.track('order.completed')
      h.show('nps')
    })
    await waiting
    expect(await prompts(b)).toBe(0)
    // Held open by the second tab, they could never be deleted (and every later page would wait on that).
    await expect.poll(() => databases(b)).toEqual([])
    await a.context().close()
  })
})

describe('consent', () => {
  it('with consent required, saying no (and resetting) before any yes creates no database at all', async () => {
    const page = await open({ requireConsent: true, surveys: [survey('csat', 'order.completed')] })
    const waiting = said(page, 'show: waiting for consent')
    await page.evaluate(() => {
      const h = (window as any).hetki
      h.consent(false)
      h.reset()
      h.track('order.completed')
      h.show('csat')
    })
    await waiting
    expect(await databases(page)).toEqual([])
    expect(await prompts(page)).toBe(0)
    await page.context().close()
  })

  it('a no holds even when the config does not require consent', async () => {
    const page = await open({ surveys: [survey('csat', 'order.completed')] })
    const waiting = said(page, 'show: waiting for consent')
    await page.evaluate(() => {
      const h = (window as any).hetki
      h.consent(false)
      h.track('order.completed')
      h.show('csat')
    })
    await waiting
    expect(await prompts(page)).toBe(0)
    await page.context().close()
  })

  it('a no given while the engine loads stops the prompt that event would have shown', async () => {
    const page = await open({ requireConsent: true, surveys: [survey('csat', 'order.completed')] })
    const stopped = said(page, 'not shown: reset or consent withdrawn meanwhile')
    await page.evaluate(() => {
      const h = (window as any).hetki
      h.consent(true)
      h.track('order.completed')
      h.consent(false)
    })
    await stopped
    expect(await prompts(page)).toBe(0)
    await page.context().close()
  })

  it('a reset while the engine loads stops the prompt decided on the previous person', async () => {
    const page = await open({ surveys: [survey('csat', 'order.completed')] })
    const stopped = said(page, 'not shown: reset or consent withdrawn meanwhile')
    await page.evaluate(() => {
      const h = (window as any).hetki
      h.track('order.completed')
      h.reset()
    })
    await stopped
    expect(await prompts(page)).toBe(0)
    await page.context().close()
  })
})

describe('one prompt after another', () => {
  it('a prompt closed by consent(false) lets the next one show at once after consent(true)', async () => {
    const page = await open({ surveys: [survey('first', 'one'), survey('second', 'two')] })
    await page.evaluate(() => (window as any).hetki.track('one'))
    await page.locator('[data-hetki-survey="first"]').getByRole('dialog').waitFor()
    await page.evaluate(() => {
      const h = (window as any).hetki
      h.consent(false)
      h.consent(true)
      h.track('two')
    })
    await page.locator('[data-hetki-survey="second"]').getByRole('dialog').waitFor({ timeout: 5000 })
    expect(await prompts(page)).toBe(1)
    await page.context().close()
  })

  it('an event for another survey while the first prompt is being claimed: the first still shows', async () => {
    const page = await open({ surveys: [survey('first', 'one'), survey('second', 'two')] })
    // The first prompt's claim waits for the widget: hold the widget back until the second event is in.
    let release!: () => void
    const held = new Promise<void>((r) => (release = r))
    await page.route('**/hetki-widget.js', async (route) => (await held, route.continue()))
    const claiming = said(page, 'survey first qualifies')
    await page.evaluate(() => (window as any).hetki.track('one'))
    await claiming
    // Its verdict, whichever: not shown (a prompt is open), or refused by pacing.
    const second = page.waitForEvent('console', (m) => m.text().includes('survey second') && !m.text().includes('qualifies'))
    await page.evaluate(() => (window as any).hetki.track('two'))
    await second
    release()
    await page.locator('[data-hetki-survey="first"]').getByRole('dialog').waitFor({ timeout: 5000 })
    expect(await prompts(page)).toBe(1)
    await page.context().close()
  })
})

describe('the page moved on', () => {
  it('an SPA navigation while the engine loads cancels the prompt of the page left', async () => {
    const page = await open({ surveys: [survey('csat', 'order.completed')] })
    const left = said(page, 'not shown: the customer left')
    await page.evaluate(() => {
      ;(window as any).hetki.track('order.completed')
      history.pushState({}, '', '/elsewhere')
    })
    await left
    expect(await prompts(page)).toBe(0)
    await page.context().close()
  })

  it('a tab the customer is not looking at shows no prompt', async () => {
    const page = await open({ surveys: [survey('csat', 'order.completed')] }, '', () => {
      Object.defineProperty(document, 'hidden', { get: () => true })
      Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' })
    })
    const hidden = said(page, 'not shown: the page is hidden')
    await page.evaluate(() => (window as any).hetki.track('order.completed'))
    await hidden
    expect(await prompts(page)).toBe(0)
    await page.context().close()
  })

  it('an inline prompt whose place the page removed does not block the next prompt', async () => {
    const page = await open({ surveys: [survey('inline', 'a', { placement: 'inline', target: '#slot' }), survey('corner', 'b')] }, '<div id="slot"></div>')
    await page.evaluate(() => (window as any).hetki.track('a'))
    await page.locator('#slot [data-hetki-survey="inline"]').getByRole('button', { name: /^1\b/ }).waitFor()
    // An SPA route change replaces the part of the page that held the prompt.
    await page.evaluate(() => document.getElementById('slot')!.remove())
    await page.evaluate(() => (window as any).hetki.track('b'))
    await page.locator('[data-hetki-survey="corner"]').getByRole('dialog').waitFor()
    await page.context().close()
  })
})
