// The results app (packages/collector/app/) as touchpoint owners use it, in Chromium, served by the
// real collector (its CSP, its tokens, GET /api/scorecards and /api/texts) over the demo's seed
// (demo/sample-data.mjs, stored through the collector's ingest): the story the seed tells must be
// what the page says. A real change at the checkout after the card gateway fix, noise elsewhere,
// an under-covered stage, non-response bias at the checkout, open text, previews left out.
// Counts are checked against the API's own answer for the same query, and the story's shape
// (which change is real, which steps are greyed) against the seed's design.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launch, watchErrors } from '../helpers/browser'
import { axeViolations } from '../helpers/widget'
import { startCollector } from '../../packages/collector/src/start'
import { ingest } from '../../packages/collector/src/ingest/index'
import type { Scorecards } from '../../packages/collector/src/scorecards/contract'
// @ts-expect-error plain JavaScript, shared with scripts/results-screenshots.mjs
import { FIXED_CLOCK, TOKENS, startSeededCollector } from './results-app.seeded.mjs'

let browser: Browser
let fixture: { url: string; stored: number; requests: string[]; close(): Promise<void> }

beforeAll(async () => {
  ;[browser, fixture] = await Promise.all([launch(), startSeededCollector({ startCollector, ingest })])
  // About 5,000 records: ten weeks of the demo journey.
  expect(fixture.stored).toBeGreaterThan(4000)
})
afterAll(async () => {
  await browser?.close()
  await fixture?.close()
})

/** The API's own answer (what the page must show), read with `token`. */
async function api<T = Scorecards>(path: string, token: string = TOKENS.admin): Promise<T> {
  const res = await fetch(fixture.url + path, { headers: { authorization: `Bearer ${token}` } })
  expect(res.status, path).toBe(200)
  return (await res.json()) as T
}
/** The n of one metric in the API's answer for the 28 (or `days`) days up to the seed's today, 28 Nov 2026. */
async function apiN(touchpoint: string, metric: string, query = '', days = 28) {
  const from = new Date(Date.UTC(2026, 10, 29) - days * 86_400_000).toISOString()
  const answer = await api(`/api/scorecards?from=${from}&to=2026-11-29T00:00:00.000Z${query}`)
  return answer.touchpoints.find((t) => t.id === touchpoint)!.metrics.find((m) => m.name === metric)!.n
}

/** Opens the app at `hash`, signed in with `token` (through the form, as a person would). */
async function open(token: string | null, hash = '', width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, timezoneId: 'UTC' })
  // The seed's today: the period presets end with the browser's today.
  await context.addInitScript(FIXED_CLOCK)
  const page = await context.newPage()
  const errors = watchErrors(page)
  await page.goto(`${fixture.url}/app/${hash}`)
  if (token) {
    await page.getByLabel('Access token').fill(token)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await loaded(page)
  }
  return { page, errors, close: () => context.close() }
}

/** Waits until the view has drawn its answer. */
async function loaded(page: Page) {
  await expect.poll(() => page.locator('#status').textContent()).toMatch(/^Showing |open answers|No open answers/)
  await expect.poll(() => page.locator('#view[aria-busy]').count()).toBe(0)
}

const card = (page: Page, name: string) => page.getByRole('region', { name, exact: true })
const metricBlock = (page: Page, touchpoint: string, metric: string) => card(page, touchpoint).locator(`.metric[data-metric="${metric}"]`)

async function go(page: Page, hash: string) {
  await page.evaluate((h) => (location.hash = h), hash)
  await loaded(page)
}

/** Nothing scrolls sideways. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

describe('the results app', () => {
  it('asks for a token, explains a refused one, keeps it out of the URL, and forgets it on sign-out', async () => {
    const { page, errors, close } = await open(null)
    await page.getByLabel('Access token').fill('not-a-token')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '401' }).count()).toBe(1)
    expect(await page.locator('#app').isHidden()).toBe(true)

    await page.getByLabel('Access token').fill(TOKENS.admin)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await loaded(page)
    expect(await page.locator('section.touchpoint h2').allTextContents()).toEqual([
      'Web shop checkout',
      'Card payment',
      'Help centre',
      'Moving home',
      'Invoices',
    ])
    expect(await card(page, 'Card payment').textContent()).toContain('No survey was shown here in this period.')
    expect(page.url()).not.toContain(TOKENS.admin)
    expect(fixture.requests.some((r) => r.includes(TOKENS.admin))).toBe(false)
    expect(await page.evaluate(() => Object.values(sessionStorage))).toEqual([TOKENS.admin])

    await page.getByRole('button', { name: 'Sign out' }).click()
    expect(await page.getByRole('heading', { name: 'Sign in to the results' }).isVisible()).toBe(true)
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0)
    expect(await page.locator('section.touchpoint').count()).toBe(0)
    // The browser logs the refused request itself; nothing else may appear.
    expect(errors.filter((e) => !e.includes('status of 401'))).toEqual([])
    await close()
  })

  it('an owner’s token sees only that owner’s touchpoints, in every view, and a 403 says why', async () => {
    const { page, errors, close } = await open(TOKENS.webShop)
    expect(await page.locator('section.touchpoint h2').allTextContents()).toEqual(['Web shop checkout'])
    await go(page, '#view=owners')
    expect(await page.locator('section.owner h2').allTextContents()).toEqual(['Web shop team'])
    expect(await page.locator('section.owner .funnel .rate').textContent()).toMatch(/^\d+ % of \d+ prompts shown were answered/)
    await go(page, '#view=coverage')
    expect(await page.locator('section.stage tbody th').allTextContents()).toEqual(['Web shop checkout'])
    await go(page, '#view=texts')
    expect(await page.locator('.quote .meta').allTextContents()).not.toHaveLength(0)
    for (const meta of await page.locator('.quote .meta').allTextContents()) expect(meta).toMatch(/^Web shop checkout · /)
    // Someone else's touchpoint, by a shared link: refused with the reason, not an empty page.
    await page.evaluate(() => (location.hash = '#touchpoint=invoices'))
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('403')
    expect(await page.locator('section.touchpoint').count()).toBe(0)
    expect(errors.filter((e) => !e.includes('403'))).toEqual([])
    await close()
    // Another owner's token: that owner's touchpoint alone, and the API refuses the checkout to it.
    const billing = await open(TOKENS.billing)
    expect(await billing.page.locator('section.touchpoint h2').allTextContents()).toEqual(['Invoices'])
    await billing.close()
    const refused = await fetch(`${fixture.url}/api/scorecards?touchpoint=checkout`, { headers: { authorization: `Bearer ${TOKENS.billing}` } })
    expect(refused.status).toBe(403)
  })

  it('every metric says its n, 95 % interval and method; the fixed checkout is a real change, the rest is noise', async () => {
    const { page, errors, close } = await open(TOKENS.admin)
    const csat = metricBlock(page, 'Web shop checkout', 'csat')
    expect(await csat.locator('.headline').textContent()).toMatch(/^CSAT \d+ % ✓ Good$/)
    expect(await csat.locator('.stats').textContent()).toMatch(
      new RegExp(`^n = ${await apiN('checkout', 'csat')} · 95 % interval \\d+–\\d+ % \\(Wilson score interval\\)$`),
    )
    expect(await csat.locator('.change-text').textContent()).toMatch(/^▲ \+\d+ points, real change for the better \(95 % interval \+\d+…\+\d+\)$/)
    expect(await csat.locator('.formula').textContent()).toBe('CSAT = share of 4–5 answers on the 1–5 scale, in %')
    expect(await csat.locator('.targets').textContent()).toBe('Targets: good at 80 % or more, poor below 60 %')
    expect(await csat.locator('.change-detail').textContent()).toMatch(/ \(\d+ %, n = \d+; Newcombe’s interval\)$/)
    await csat.locator('details.how summary').click()
    expect(await csat.locator('details.how').textContent()).toContain('Wilson score interval (Wilson 1927) for shares')
    for (const [tp, m] of [
      ['Help centre', 'goal'],
      ['Help centre', 'emotion'],
      ['Moving home', 'ces'],
      ['Invoices', 'nps'],
    ] as const) {
      const change = await metricBlock(page, tp, m).locator('.change-text').textContent()
      expect(change, `${tp} ${m}`).toMatch(/^No clear change \(/)
    }
    expect(await page.locator('.metric .change.real').count()).toBe(1)
    // Too few answers for ±0.6 at the moving touchpoint: how many more it needs.
    expect(await metricBlock(page, 'Moving home', 'ces').locator('.precision').textContent()).toMatch(/^±\d\.\d now; \d+ more answers needed for ±0\.6$/)
    // The response rate with its definition, and the funnel's steps.
    const funnel = card(page, 'Web shop checkout').locator('.funnel')
    expect(await funnel.locator('.step').allTextContents()).toEqual([
      'Shown',
      'Answered',
      expect.stringMatching(/^of which complete \d+, partial \d+$/),
      'Dismissed',
      'Ignored',
    ])
    expect(await funnel.locator('.definition').textContent()).toMatch(
      /^Shown: prompts displayed in the period\..* Response rate = answered ÷ shown, with its Wilson 95 % interval\.$/,
    )
    // Root cause and non-response bias name events and places by their labels, never code names.
    const cause = card(page, 'Web shop checkout').locator('table.drivers tbody tr').first()
    expect(await cause.locator('th').textContent()).toBe('Card payment failed')
    expect(await cause.locator('td').nth(1).textContent()).toBe('Card payment (Payments team)')
    expect(await cause.locator('td').last().textContent()).toBe('● real: precedes low scores')
    const bias = card(page, 'Web shop checkout').locator('table.bias tbody tr').first()
    expect(await bias.locator('td').first().textContent()).toMatch(/^−\d+ pp \(/)
    expect(await bias.locator('td').last().textContent()).toBe('● real: answers are skewed')
    expect(await bias.locator('td').nth(1).textContent()).toBe('Card payment (Payments team)')
    expect(await page.locator('main').textContent()).not.toMatch(/payment\.failed|help\.article_read|order\.completed/)
    expect(errors).toEqual([])
    await close()
  })

  it('trend charts: drawn by uPlot with an accessible name and a data table; steps with too few answers are greyed, not points', async () => {
    const { page, errors, close } = await open(TOKENS.admin)
    const figures = page.locator('figure.trend')
    expect(await figures.count()).toBe(5)
    await expect.poll(() => page.locator('figure.trend canvas').count()).toBeGreaterThanOrEqual(5)
    // 28 days are drawn a week per step (params.ts): at the seed's traffic, a day per step greyed
    // almost every day and the checkout's rise drew no line. Every week of the checkout is drawn.
    const checkout = metricBlock(page, 'Web shop checkout', 'csat').locator('figure.trend')
    expect(await checkout.locator('figcaption').textContent()).toBe('CSAT per week, Web shop checkout')
    const checkoutLabel = (await checkout.locator('[role="img"]').getAttribute('aria-label'))!
    expect(checkoutLabel).toMatch(/^CSAT per week, Web shop checkout: (\d+ \w+ \d+ %(, )?){4}$/)
    await checkout.locator('summary').click()
    expect(await checkout.locator('tbody td:last-child').allTextContents()).toEqual(['drawn', 'drawn', 'drawn', 'drawn'])
    // Moving home gets about one prompt a day: no week has enough answers, so none is a point.
    const moving = metricBlock(page, 'Moving home', 'ces').locator('figure.trend')
    expect(await moving.getAttribute('aria-labelledby')).toBeTruthy()
    expect(await moving.locator('figcaption').textContent()).toBe('Effort (CES) per week, Moving home')
    expect(await moving.locator('[role="img"]').getAttribute('aria-label')).toBe('Effort (CES) per week, Moving home: no week has enough answers to draw')
    await moving.locator('summary').click()
    expect(await moving.locator('tbody td:last-child').allTextContents()).toEqual(Array(4).fill('too few answers: not drawn'))
    // A week's view is drawn by day, and a day's ten-odd checkout answers are mostly too few.
    await page.getByLabel('Period', { exact: true }).selectOption('7')
    await expect.poll(() => checkout.locator('figcaption').textContent()).toBe('CSAT per day, Web shop checkout')
    await checkout.locator('summary').click()
    const days = await checkout.locator('tbody td:last-child').allTextContents()
    expect(days).toHaveLength(7)
    expect(days).toContain('too few answers: not drawn')
    expect(errors).toEqual([])
    await close()
  })

  it('the period and the filters change the numbers and the address, not the token', async () => {
    const { page, errors, close } = await open(TOKENS.admin)
    const stats = () => metricBlock(page, 'Web shop checkout', 'csat').locator('.stats').textContent()
    const change = () => metricBlock(page, 'Web shop checkout', 'csat').locator('.change-text').textContent()
    const all = await apiN('checkout', 'csat')
    const fi = await apiN('checkout', 'csat', '&lang=fi')
    const fiWeek = await apiN('checkout', 'csat', '&lang=fi', 7)
    // The seed: a quarter of the customers speak Finnish.
    expect(fi).toBeGreaterThan(all / 8)
    expect(fi).toBeLessThan(all / 2)
    expect(await stats()).toMatch(new RegExp(`^n = ${all} `))

    await page.getByLabel('Language').fill('fi')
    await page.getByRole('button', { name: 'Apply' }).click()
    await expect.poll(stats).toMatch(new RegExp(`^n = ${fi} `))
    expect(page.url()).toContain('lang=fi')

    await page.getByLabel('Period', { exact: true }).selectOption('7')
    await expect.poll(stats).toMatch(new RegExp(`^n = ${fiWeek} `))
    expect(fiWeek).toBeLessThan(fi)
    // Last week against the week before: both after the fix, so no real change.
    expect(await change()).toMatch(/^No clear change/)

    await page.getByLabel('Survey').selectOption('nps-invoice')
    await expect.poll(() => page.locator('section.touchpoint h2').allTextContents()).toEqual(['Invoices'])

    // A shared link opens the same view for someone else signed in.
    const shared = page.url()
    expect(shared).toMatch(/#days=7&survey=nps-invoice&lang=fi$/)
    const other = await open(TOKENS.admin, shared.slice(shared.indexOf('#')))
    expect(await other.page.locator('section.touchpoint h2').allTextContents()).toEqual(['Invoices'])
    expect(await other.page.getByLabel('Language').inputValue()).toBe('fi')
    await other.close()

    await page.getByRole('button', { name: 'Clear filters' }).click()
    await expect.poll(() => page.locator('section.touchpoint').count()).toBe(5)

    await page.getByLabel('Period', { exact: true }).selectOption('custom')
    await page.getByLabel('From', { exact: true }).fill('2026-11-01')
    await page.getByLabel('To (included)', { exact: true }).fill('2026-11-28')
    await page.getByRole('button', { name: 'Apply' }).click()
    await expect.poll(() => page.locator('.period').first().textContent()).toBe('1 Nov – 28 Nov 2026, compared with 4 Oct – 31 Oct 2026.')

    // A chosen baseline instead of the period before: "measure again after acting".
    await page.getByLabel('Compare with').selectOption('custom')
    // The first two weeks of the seed, well before the fix: the fixed checkout is still a real change.
    await page.getByLabel('Baseline from').fill('2026-09-20')
    await page.getByLabel('Baseline to (included)').fill('2026-10-03')
    await page.getByRole('button', { name: 'Apply' }).click()
    // en-GB writes September "Sept" in recent ICU data, "Sep" in older.
    await expect.poll(() => page.locator('.period').first().textContent()).toMatch(/^1 Nov – 28 Nov 2026, compared with 20 Sept? – 3 Oct 2026\.$/)
    expect(await metricBlock(page, 'Web shop checkout', 'csat').locator('.change-detail').textContent()).toMatch(
      /^ against 20 Sept? – 3 Oct 2026 \(\d+ %, n = \d+; Newcombe’s interval\)$/,
    )
    expect(await change()).toMatch(/real change for the better/)
    expect(page.url()).toMatch(/bfrom=2026-09-20&bto=2026-10-03/)
    expect(errors).toEqual([])
    await close()
  })

  it('open answers: newest first, searchable, older ones on request, and no preview among them', async () => {
    const { page, errors, close } = await open(TOKENS.admin, '#view=texts')
    const quotes = () => page.locator('.quote blockquote').allTextContents()
    const first = await api<{ texts: { text: string; at: string }[]; next: string | null }>('/api/texts')
    expect(first.next).toBeTruthy()
    expect(await quotes()).toEqual(first.texts.map((t) => t.text))
    const times = first.texts.map((t) => t.at)
    expect(times).toEqual([...times].sort().reverse())
    // Only the filters that apply to open answers are offered here.
    expect(await page.getByLabel('Period', { exact: true }).isHidden()).toBe(true)
    expect(await page.getByLabel('Touchpoint').isVisible()).toBe(true)
    await page.getByRole('button', { name: 'Show older answers' }).click()
    await expect.poll(async () => (await quotes()).length).toBeGreaterThan(first.texts.length)
    await page.getByRole('searchbox', { name: 'Search the answers' }).fill('declined')
    await page.getByRole('button', { name: 'Search', exact: true }).click()
    await expect.poll(async () => (await quotes()).every((q) => q === 'My card was declined twice.')).toBe(true)
    expect(await page.locator('.quote .q').first().textContent()).toBe('What went wrong?')
    // The PM's preview answers ("Testing the survey") are in the database, never in the results.
    await page.getByRole('searchbox', { name: 'Search the answers' }).fill('Testing')
    await page.getByRole('button', { name: 'Search', exact: true }).click()
    await expect.poll(() => page.locator('#status').textContent()).toBe('No open answers match.')
    expect(errors).toEqual([])
    await close()
  })

  it('at 360 px nothing scrolls sideways, the lift stays on screen, and axe finds no violations in any view', async () => {
    const { page, errors, close } = await open(TOKENS.admin, '', 360)
    for (const hash of ['', '#view=owners', '#view=coverage', '#view=texts']) {
      if (hash) await go(page, hash)
      // Open every data table too: they must reflow as well.
      for (const d of await page.locator('details').all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true))
      expect(await overflow(page), hash || 'touchpoints').toBeLessThanOrEqual(0)
      expect(await axeViolations(page), hash || 'touchpoints').toEqual([])
    }
    await go(page, '#')
    const lift = card(page, 'Web shop checkout').locator('table.drivers tbody tr').first().locator('td').first()
    const box = (await lift.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(360)
    expect(await lift.textContent()).toMatch(/^\+\d+ pp \(\+\d+…\+\d+ pp\)$/)
    // The sign-in form too.
    await page.getByRole('button', { name: 'Sign out' }).click()
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    expect(await axeViolations(page)).toEqual([])
    expect(errors).toEqual([])
    await close()
  })

  it('at 1280 px axe finds no violations either', async () => {
    const { page, errors, close } = await open(TOKENS.admin)
    for (const hash of ['', '#view=owners', '#view=coverage']) {
      if (hash) await go(page, hash)
      expect(await overflow(page)).toBeLessThanOrEqual(0)
      expect(await axeViolations(page), hash || 'touchpoints').toEqual([])
    }
    expect(errors).toEqual([])
    await close()
  })

  it('numbers read right: signs, units and intervals, and a share of 0 % or a score at the bottom of its scale is never called good', async () => {
    const { page, close } = await open(null)
    // The page's own formatting module, as the browser loads it (a string: vitest would rewrite import()).
    const out = (await page.evaluate(`(async () => {
      const f = await import('/app/format.js')
      const pct = { scale: { unit: '%', min: 0, max: 100 } }
      const pts = { scale: { unit: 'points', min: -100, max: 100 } }
      const mean = { scale: { unit: 'mean', min: 1, max: 7 } }
      return {
        tones: [f.tone({ ...pct, tone: 'good', value: 0 }), f.tone({ ...pts, tone: 'good', value: -100 }), f.tone({ ...pct, tone: 'good', value: 81 }), f.tone({ ...pct, tone: null, value: 50 }), f.tone({ ...pct, tone: 'good', value: null })],
        values: [f.value(pct, 63.4), f.value(pts, -12), f.value(pts, 0), f.value(pts, 12), f.value(mean, 5.25), f.value(pct, null)],
        intervals: [f.interval(pct, 56.2, 68.9), f.interval(pts, -4, 28), f.interval(mean, 4.91, 5.5)],
        differences: [f.difference(pct, 18.4), f.difference(pct, -0.2), f.difference(mean, 0.44), f.differenceInterval(pct, 9, 27)],
      }
    })()`)) as { tones: string[]; values: string[]; intervals: string[]; differences: string[] }
    expect(out.tones).toEqual(['poor', 'poor', 'good', 'none', 'none'])
    expect(out.values).toEqual(['63 %', '−12', '0', '+12', '5.3 / 7', '–'])
    expect(out.intervals).toEqual(['56–69 %', '−4…+28', '4.9–5.5'])
    expect(out.differences).toEqual(['+18 points', '0 points', '+0.4', '+9…+27'])
    await close()
  })

  it('the keyboard reaches the views, the period, every filter and the data tables', async () => {
    const { page, errors, close } = await open(TOKENS.admin)
    const reached = new Set<string>()
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab')
      reached.add(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement
          return el.id || el.dataset.view || el.textContent?.trim().slice(0, 30) || el.tagName
        }),
      )
    }
    for (const id of [
      'signout',
      'touchpoints',
      'owners',
      'coverage',
      'texts',
      'f-period',
      'f-compare',
      'f-touchpoint',
      'f-owner',
      'f-survey',
      'f-lang',
      'f-path',
      'f-channel',
      'Apply',
      'f-clear',
      'Data table: CSAT per week',
    ])
      expect([...reached], id).toContain(id)
    // Enter on a view link switches the view.
    await page.locator('nav.views a[data-view="coverage"]').focus()
    await page.keyboard.press('Enter')
    // Polled: loaded() can pass on the view still showing, before the switch starts (a CI failure).
    await expect.poll(() => page.locator('section.stage').count()).toBe(3)
    await loaded(page)
    expect(errors).toEqual([])
    await close()
  })
})
