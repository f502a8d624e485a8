// Debug mode and preview, in Chromium, on pages served with the demo's strict CSP: the overlay
// explains in a PM's words why each survey did or did not show, and a preview shows a survey
// whatever its rules say, flagged in what is sent, without touching pacing.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import type { BrowserContext, Page } from 'playwright-core'
import { CSP, fixtureServer } from '../fixtures/pages.mjs'
import { watchErrors } from '../helpers/browser'
import { useChromiumAndDemo } from '../helpers/setup'
import { axeViolations } from '../helpers/widget'

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
  for (const path of paths) fixtures.set(path, html(config, path))
}

const html = (config: object, title: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}
  <script type="application/json" id="hetki-config">${JSON.stringify({ endpoint: '/collect', ...config }).replace(/</g, '\\u003c')}</script>
  <script async src="/hetki/hetki.js"></script></head><body><main><h1>${title}</h1><a href="/">Home</a></main></body></html>`

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
  page.evaluate((id) => document.querySelector('hetki-debug')?.shadowRoot?.querySelector(`[data-survey="${id}"] .state`)?.textContent ?? '', id)

/** Everything the overlay says. */
const overlayText = (page: Page) => page.evaluate(() => document.querySelector('hetki-debug')?.shadowRoot?.textContent ?? '')
const overlays = (page: Page) => page.locator('hetki-debug').count()
const prompt = (page: Page, id: string) => page.locator(`[data-hetki-survey="${id}"]`)

/** Answers the one-question survey on screen and waits until it is gone. */
async function answer(page: Page, id: string) {
  await prompt(page, id).getByRole('button', { name: /^4\b/ }).click()
  await prompt(page, id)
    .getByRole('button', { name: 'Close survey' })
    .click({ timeout: 2000 })
    .catch(() => {})
  await expect.poll(() => prompt(page, id).count()).toBe(0)
}

/** The collector's records of one survey. */
const stored = async (surveyId: string) => ({
  responses: (await env.demo.store.all()).filter((r) => r.survey_id == surveyId),
  moments: (await env.demo.store.moments()).filter((m) => m.survey_id == surveyId),
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
    const until = Date.parse(
      (await verdict(page, 'second'))
        .match(/(\d{4}-\d\d-\d\d) (\d\d:\d\d)/)!
        .slice(1)
        .join('T') + 'Z',
    )
    expect(Math.abs(until - (answeredAt + 3 * 864e5))).toBeLessThan(2 * 60_000)
    expect(await overlayText(page)).toMatch(/Cooldown until \d{4}/)
    expect(await prompt(page, 'second').count()).toBe(0)

    // Folded at first, a pill in the corner; unfolded, the button to reset pacing.
    await page
      .locator('hetki-debug')
      .getByRole('button', { name: /^Hetki debug \(2 surveys, 1 not shown\)$/ })
      .click()
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
          survey('waiting', 'never.happens', { pirority: 3 }),
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
    // The validator's findings in a config that runs: a typo, and a sample that asks nobody.
    expect(await overlayText(page)).toContain('error surveys[1].pirority: is not a known field here did you mean "priority"?')
    expect(await overlayText(page)).toMatch(/surveys\[0\]\.audience\.sample: [^\n]*nobody/)
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

    // Folded at first; unfolded and folded with the keyboard, and it stays as the PM left it.
    const toggle = page.locator('hetki-debug').getByRole('button', { name: /^Hetki debug/ })
    const resetButton = page.locator('hetki-debug').getByRole('button', { name: 'Reset pacing' })
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    expect(await resetButton.isVisible()).toBe(false)
    await toggle.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true')
    expect(await resetButton.isVisible()).toBe(true)
    await go(page, '/debug/one.html')
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    await toggle.focus()
    await page.keyboard.press('Space')
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false')

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
    await expect.poll(async () => (await stored('plain')).responses.length).toBe(1)
    expect(requested).toContain('/hetki/hetki-engine.js')
    expect(requested.filter((p) => p.includes('hetki-debug'))).toEqual([])
    expect(await overlays(page)).toBe(0)
    await context.close()
  })
})

describe("the overlay in other people's pages", () => {
  it('keeps its size and works under hostile page CSS, with no accessibility violations, and without stealing focus', async () => {
    fixtures.set(
      '/debug/hostile.html',
      html({ surveys: [survey('csat', 'order', { audience: { sample: 0 } })] }, 'Hostile', '<link rel="stylesheet" href="/fixture/hostile.css">'),
    )
    const context = await env.browser.newContext()
    const page = await visit(context, '/debug/hostile.html?hetki_debug=1')
    const errors = watchErrors(page)
    const overlay = page.locator('hetki-debug')
    const toggle = overlay.getByRole('button', { name: /^Hetki debug/ })
    await toggle.click()
    await track(page, 'order')
    await expect.poll(() => verdict(page, 'csat')).toBe('not shown: not in the 0 % sample')
    // Bottom left of the 1280×720 window, 400 px wide, in its own font size, whatever the page says.
    const box = (await overlay.locator('section').boundingBox())!
    expect([box.x, box.width, Math.round(box.y + box.height)]).toEqual([12, 400, 720 - 12])
    expect(await toggle.evaluate((b) => getComputedStyle(b).fontSize)).toBe('13px')
    await overlay.locator('summary').first().click()
    expect(await overlay.getByText('Last decision on this page').isVisible()).toBe(true)
    expect(await axeViolations(page)).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('works under Trusted Types, and explains a config that disables Hetki', async () => {
    const context = await env.browser.newContext()
    const page = await context.newPage()
    const errors = watchErrors(page)
    const strict = CSP + "; require-trusted-types-for 'script'; trusted-types 'none'"
    await page.route(
      (url) => url.pathname == '/debug/tt.html',
      (route) =>
        route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': strict }, body: html({ surveys: [survey('csat', 'order')] }, 'TT') }),
    )
    await page.route(
      (url) => url.pathname == '/debug/broken.html',
      (route) =>
        route.fulfill({
          contentType: 'text/html',
          headers: { 'content-security-policy': strict },
          body: html({ surveys: [survey('csat', 'order', { delay: 'soon' })] }, 'Broken'),
        }),
    )
    await page.goto(env.demo.url + '/debug/tt.html?hetki_debug=1')
    await page.waitForFunction(() => typeof (window as any).hetki?.track == 'function')
    await track(page, 'order')
    await expect.poll(() => verdict(page, 'csat')).toMatch(/^shown at/)
    expect(errors).toEqual([])
    // Trusted Types are enforced here: an HTML string sink is refused (and Chromium logs it).
    expect(
      await page.evaluate(() => {
        try {
          document.createElement('div').innerHTML = '<b>x</b>'
          return 'allowed'
        } catch {
          return 'refused'
        }
      }),
    ).toBe('refused')
    errors.length = 0

    await page.goto(env.demo.url + '/debug/broken.html')
    await page.locator('hetki-debug').waitFor()
    expect(await overlayText(page)).toContain('error surveys[0].delay: must be a duration such as "30m"')
    expect(await overlayText(page)).toContain('Hetki is disabled on this page until the config is fixed.')
    // The one console error a broken config always gives, and nothing else.
    expect(errors).toEqual(['console: [hetki] invalid config, Hetki is disabled: surveys[0].delay must be a duration such as "30m"'])
    await context.close()
  })
})

describe('preview', () => {
  it('by URL shows a survey whose rules would not match, sends its records flagged, and events say so', async () => {
    site({ surveys: [survey('hidden', 'never.happens', { audience: { urls: ['/elsewhere/*'], sample: 0 } })] }, '/debug/preview.html')
    const context = await env.browser.newContext()
    const page = await context.newPage()
    const errors = watchErrors(page)
    const bodies: any[] = []
    page.on('request', (r) => r.method() == 'POST' && new URL(r.url()).pathname == '/collect' && bodies.push(JSON.parse(r.postData()!)))
    // The loader snippet's queue: the listener is there before Hetki starts.
    await page.addInitScript(() => {
      ;(window as any).events = []
      ;(window as any).hetki = { q: [['on', ['survey:shown', (e: unknown) => (window as any).events.push(e)]]] }
    })
    await page.goto(env.demo.url + '/debug/preview.html?hetki_preview=hidden')
    await prompt(page, 'hidden').getByRole('dialog').waitFor()
    expect(await page.evaluate(() => (window as any).events)).toEqual([expect.objectContaining({ surveyId: 'hidden', preview: true })])
    await answer(page, 'hidden')
    await expect.poll(async () => (await stored('hidden')).responses.length).toBe(1)
    expect((await stored('hidden')).responses[0]).toMatchObject({ completed: true, preview: true })
    await expect.poll(async () => (await stored('hidden')).moments.map((m) => [m.kind, m.preview])).toEqual([['shown', true]])
    // What was sent is the documented wire format, every record flagged.
    const validate = new Ajv2020({ allErrors: true, validateFormats: false }).compile(JSON.parse(readFileSync('packages/sdk/wire-format.schema.json', 'utf8')))
    await expect.poll(() => bodies.flatMap((b) => b.records).length).toBeGreaterThanOrEqual(2)
    for (const body of bodies) expect(validate(body) || validate.errors).toBe(true)
    expect(new Set(bodies.flatMap((b) => b.records).map((r: any) => r.preview))).toEqual(new Set([true]))
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
    await expect
      .poll(async () => (await stored('once')).moments.map((m) => [m.kind, m.preview]))
      .toEqual([
        ['shown', true],
        ['dismissed', true],
      ])
    // A reload reads pacing back from IndexedDB: nothing was written.
    await go(page, '/debug/untouched.html')
    await track(page, 'order')
    await answer(page, 'once')
    await expect.poll(async () => (await stored('once')).responses.map((r) => r.preview)).toEqual([false])
    await context.close()
  })
})
