// Debug mode and preview, in Chromium, on pages served with the demo's strict CSP: the overlay
// explains in a PM's words why each survey did or did not show, and a preview shows a survey
// whatever its rules say, flagged in what is sent, without touching pacing.
import { describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { fixtureServer } from '../fixtures/pages.mjs'
import { watchErrors } from '../helpers/browser'
import { useChromiumAndDemo } from '../helpers/setup'

const fixtures = fixtureServer()
const env = useChromiumAndDemo(fixtures.handle)

const survey = (id: string, event: string, extra: object = {}) => ({
  id,
  trigger: { event },
  questions: [{ id: 'q1', type: 'rating', scale: 5, text: 'How was ' + id + '?' }],
  ...extra,
})

/** Serves `paths` with Hetki and `config` (inline JSON: a data block, allowed by the strict CSP). */
function site(config: object, ...paths: string[]) {
  const json = JSON.stringify({ endpoint: '/collect', ...config }).replace(/</g, '\\u003c')
  for (const path of paths)
    fixtures.set(
      path,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${path}</title>
      <script type="application/json" id="hetki-config">${json}</script>
      <script async src="/hetki/hetki.js"></script></head><body><h1>${path}</h1><a href="/">Home</a></body></html>`,
    )
}

async function visit(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(env.demo.url + path)
  await page.waitForFunction(() => typeof (window as any).hetki?.track == 'function')
  return page
}

const go = async (page: Page, path: string) => {
  await page.goto(env.demo.url + path)
  await page.waitForFunction(() => typeof (window as any).hetki?.track == 'function')
}

const track = (page: Page, event: string) => page.evaluate((e) => (window as any).hetki.track(e), event)

/** What the overlay says about one survey, in the words a PM reads in its summary line. */
const verdict = (page: Page, id: string) =>
  page.evaluate(
    (id) => document.querySelector('hetki-debug')?.shadowRoot?.querySelector(`[data-survey="${id}"] .state`)?.textContent ?? '',
    id,
  )

/** Everything the overlay says. */
const overlayText = (page: Page) => page.evaluate(() => document.querySelector('hetki-debug')?.shadowRoot?.textContent ?? '')
const overlays = (page: Page) => page.locator('hetki-debug').count()
const prompt = (page: Page, id: string) => page.locator(`[data-hetki-survey="${id}"]`)

/** Answers the one-question survey on screen and waits until it is gone. */
async function answer(page: Page, id: string) {
  await prompt(page, id).getByRole('button', { name: /^4\b/ }).click()
  await prompt(page, id).getByRole('button', { name: 'Close survey' }).click({ timeout: 2000 }).catch(() => {})
  await expect.poll(() => prompt(page, id).count()).toBe(0)
}

/** The collector's records of one survey. */
const stored = (surveyId: string) => ({
  responses: env.demo.store.all().filter((r) => r.survey_id == surveyId),
  moments: env.demo.store.moments().filter((m) => m.survey_id == surveyId),
})

describe('debug mode explains each survey', () => {
  it('a survey blocked by cooldown, until "Reset pacing" lifts it', async () => {
    site({ pacing: { cooldownDays: 3 }, surveys: [survey('first', 'a'), survey('second', 'b')] }, '/debug/cooldown.html')
    const context = await env.browser.newContext()
    const page = await visit(context, '/debug/cooldown.html?hetki_debug=1')
    const errors = watchErrors(page)
    await page.locator('hetki-debug').waitFor()
    // It appears without taking focus.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY')
    expect(await verdict(page, 'second')).toContain('trigger not seen yet: waiting for event "b"')

    await track(page, 'a')
    await expect.poll(() => verdict(page, 'first')).toMatch(/^shown/)
    await answer(page, 'first')
    const answeredAt = Date.now()
    await track(page, 'b')
    await expect.poll(() => verdict(page, 'second')).toMatch(/^not shown: pacing: cooldown until \d{4}-\d\d-\d\d \d\d:\d\d UTC$/)
    const until = Date.parse((await verdict(page, 'second')).match(/(\d{4}-\d\d-\d\d) (\d\d:\d\d)/)!.slice(1).join('T') + 'Z')
    expect(Math.abs(until - (answeredAt + 3 * 864e5))).toBeLessThan(2 * 60_000)
    expect(await overlayText(page)).toMatch(/Cooldown until \d{4}/)
    expect(await prompt(page, 'second').count()).toBe(0)

    await page.locator('hetki-debug').getByRole('button', { name: 'Reset pacing' }).click()
    await expect.poll(() => overlayText(page)).toContain('Pacing reset in every tab')
    await track(page, 'b')
    await prompt(page, 'second').getByRole('dialog').waitFor()
    await expect.poll(() => verdict(page, 'second')).toMatch(/^shown/)
    expect(errors).toEqual([])
    await context.close()
  })

  it('a survey out of the sample, one whose trigger was not seen, and one that lost on priority', async () => {
    site(
      {
        surveys: [
          survey('sampled', 'buy', { audience: { sample: 0 } }),
          survey('waiting', 'never.happens'),
          survey('low', 'help', { priority: 1 }),
          survey('high', 'help', { priority: 2 }),
        ],
      },
      '/debug/reasons.html',
    )
    const context = await env.browser.newContext()
    const page = await visit(context, '/debug/reasons.html?hetki_debug=1')
    const errors = watchErrors(page)
    await page.locator('hetki-debug').waitFor()
    // Before any event: the standing right now, as if the trigger fired.
    expect(await verdict(page, 'sampled')).toBe('trigger not seen yet: waiting for event "buy"; if it fired now, not shown: not in the 0 % sample')
    expect(await verdict(page, 'waiting')).toBe('trigger not seen yet: waiting for event "never.happens"; would show if it fired now')

    await track(page, 'buy')
    await expect.poll(() => verdict(page, 'sampled')).toBe('not shown: not in the 0 % sample')
    await track(page, 'help')
    await expect.poll(() => verdict(page, 'low')).toBe('not shown: another survey had priority: "high"')
    await expect.poll(() => verdict(page, 'high')).toMatch(/^shown/)
    // The journey trail lists what happened.
    expect(await overlayText(page)).toMatch(/buy[\s\S]*help/)
    expect(await verdict(page, 'waiting')).toContain('waiting for event "never.happens"')
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('turning debug mode on and off', () => {
  it('by URL flag, remembered across the pages of the tab until ?hetki_debug=0; by API; keyboard and collapsible', async () => {
    site({ surveys: [survey('csat', 'order')] }, '/debug/one.html', '/debug/two.html')
    const context = await env.browser.newContext()
    const requested: string[] = []
    context.on('request', (r) => requested.push(new URL(r.url()).pathname))
    const page = await visit(context, '/debug/one.html?hetki_debug=1')
    const errors = watchErrors(page)
    await page.locator('hetki-debug').waitFor()

    // A multi-page journey: no flag on the next page, still in debug mode.
    await go(page, '/debug/two.html')
    await page.locator('hetki-debug').waitFor()

    // Collapsible with the keyboard, and it stays as the PM left it.
    const toggle = page.locator('hetki-debug').getByRole('button', { name: /^Hetki debug/ })
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    await toggle.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false')
    expect(await page.locator('hetki-debug').getByRole('button', { name: 'Reset pacing' }).isVisible()).toBe(false)
    await go(page, '/debug/one.html')
    expect(await page.locator('hetki-debug').getByRole('button', { name: /^Hetki debug/ }).getAttribute('aria-expanded')).toBe('false')

    // Off by URL, remembered too.
    await go(page, '/debug/one.html?hetki_debug=0')
    await go(page, '/debug/two.html')
    await track(page, 'order')
    await prompt(page, 'csat').getByRole('dialog').waitFor()
    expect(await overlays(page)).toBe(0)

    // On and off by API.
    await page.evaluate(() => (window as any).hetki.debug(true))
    await page.locator('hetki-debug').waitFor()
    await expect.poll(() => verdict(page, 'csat')).toMatch(/^shown/)
    await page.evaluate(() => (window as any).hetki.debug(false))
    await expect.poll(() => overlays(page)).toBe(0)
    await go(page, '/debug/one.html')
    expect(await overlays(page)).toBe(0)
    expect(requested.filter((p) => p.endsWith('/hetki-debug.js')).length).toBeGreaterThan(0)
    expect(errors).toEqual([])
    await context.close()
  })

  it('without debug mode, the page never downloads hetki-debug.js', async () => {
    site({ surveys: [survey('plain', 'order')] }, '/debug/plain.html')
    const context = await env.browser.newContext()
    const requested: string[] = []
    context.on('request', (r) => requested.push(new URL(r.url()).pathname))
    const page = await visit(context, '/debug/plain.html')
    await track(page, 'order')
    await answer(page, 'plain')
    await expect.poll(() => stored('plain').responses.length).toBe(1)
    expect(requested).toContain('/hetki/hetki-engine.js')
    expect(requested.filter((p) => p.includes('hetki-debug'))).toEqual([])
    expect(await overlays(page)).toBe(0)
    await context.close()
  })
})

describe('preview', () => {
  it('by URL shows a survey whose rules would not match, sends its records flagged, and events say so', async () => {
    site({ surveys: [survey('hidden', 'never.happens', { audience: { urls: ['/elsewhere/*'], sample: 0 } })] }, '/debug/preview.html')
    const context = await env.browser.newContext()
    const page = await context.newPage()
    const errors = watchErrors(page)
    // The loader snippet's queue: the listener is there before Hetki starts.
    await page.addInitScript(() => {
      ;(window as any).events = []
      ;(window as any).hetki = { q: [['on', ['survey:shown', (e: unknown) => (window as any).events.push(e)]]] }
    })
    await page.goto(env.demo.url + '/debug/preview.html?hetki_preview=hidden')
    await prompt(page, 'hidden').getByRole('dialog').waitFor()
    expect(await page.evaluate(() => (window as any).events)).toEqual([expect.objectContaining({ surveyId: 'hidden', preview: true })])
    await answer(page, 'hidden')
    await expect.poll(() => stored('hidden').responses.length).toBe(1)
    expect(stored('hidden').responses[0]).toMatchObject({ completed: true, preview: true })
    await expect.poll(() => stored('hidden').moments.map((m) => [m.kind, m.preview])).toEqual([['shown', true]])
    expect(errors).toEqual([])
    await context.close()
  })

  it('by API leaves pacing untouched: after a dismissed preview, the real trigger still shows the survey, unflagged', async () => {
    site({ surveys: [survey('once', 'order')] }, '/debug/untouched.html')
    const context = await env.browser.newContext()
    const page = await visit(context, '/debug/untouched.html')
    await page.evaluate(() => (window as any).hetki.preview('once'))
    await prompt(page, 'once').getByRole('dialog').waitFor()
    await prompt(page, 'once').getByRole('button', { name: 'Close survey' }).click()
    await expect.poll(() => prompt(page, 'once').count()).toBe(0)
    await expect.poll(() => stored('once').moments.map((m) => [m.kind, m.preview])).toEqual([
      ['shown', true],
      ['dismissed', true],
    ])
    // A reload reads pacing back from IndexedDB: nothing was written.
    await go(page, '/debug/untouched.html')
    await track(page, 'order')
    await answer(page, 'once')
    await expect.poll(() => stored('once').responses.map((r) => r.preview)).toEqual([false])
    await context.close()
  })
})
