// The results app's "Why not shown" view in Chromium, served by the real collector (its CSP, its
// tokens, GET /api/diagnostics) over the demo's seed of fleet diagnostics
// (demo/sample-diagnostics.mjs, stored through the collector's ingest): one funnel per survey, the
// biggest loss said in words a PM acts on, "too few devices" where the sample cannot carry it,
// owners seeing their own surveys only. Numbers are checked against the API's own answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launch, watchErrors } from '../helpers/browser'
import { axeViolations } from '../helpers/widget'
import { startCollector } from '../../packages/collector/src/start'
import { ingest } from '../../packages/collector/src/ingest/index'
import type { Diagnostics } from '../../packages/collector/src/diagnostics/contract'
// @ts-expect-error plain JavaScript, shared with scripts/results-screenshots.mjs
import { FIXED_CLOCK, TOKENS, startSeededCollector } from './results-app.seeded.mjs'

let browser: Browser
let fixture: { url: string; close(): Promise<void> }

beforeAll(async () => {
  ;[browser, fixture] = await Promise.all([launch(), startSeededCollector({ startCollector, ingest })])
})
afterAll(async () => {
  await browser?.close()
  await fixture?.close()
})

/** The API's answer for the 28 days up to the seed's today (28 Nov 2026), what the page's default period asks. */
async function api(token: string = TOKENS.admin, days = 28): Promise<Diagnostics> {
  const from = new Date(Date.UTC(2026, 10, 29) - days * 86_400_000).toISOString()
  const res = await fetch(`${fixture.url}/api/diagnostics?from=${from}&to=2026-11-29T00:00:00.000Z`, { headers: { authorization: `Bearer ${token}` } })
  expect(res.status).toBe(200)
  return (await res.json()) as Diagnostics
}

async function open(token: string, hash = '#view=diagnostics', width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, timezoneId: 'UTC' })
  await context.addInitScript(FIXED_CLOCK)
  const page = await context.newPage()
  const errors = watchErrors(page)
  await page.goto(`${fixture.url}/app/${hash}`)
  await page.getByLabel('Access token').fill(token)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await loaded(page)
  return { page, errors, close: () => context.close() }
}

async function loaded(page: Page) {
  await expect.poll(() => page.locator('#status').textContent()).toMatch(/^Showing /)
  await expect.poll(() => page.locator('#view[aria-busy]').count()).toBe(0)
}

async function go(page: Page, hash: string) {
  await page.evaluate((h) => (location.hash = h), hash)
  await loaded(page)
}

const card = (page: Page, survey: string) => page.locator(`section.why[data-survey="${survey}"]`)
const pct = (v: number) => `${v.toFixed(0)} %`

describe('why not shown', () => {
  it('one funnel per survey, in order, with the counts of the API and the biggest loss in a sentence', async () => {
    const d = await api()
    const { page, errors, close } = await open(TOKENS.admin)
    expect(await page.locator('section.why h2').allTextContents()).toEqual([
      'csat-order · Web shop checkout',
      'goal-help · Help centre',
      'ces-move · Moving home',
      'nps-invoice · Invoices',
    ])
    const csat = d.surveys.find((s) => s.survey === 'csat-order')!
    expect(csat.enough).toBe(true)
    // Returning customers: "show once" holds most triggers back, and the page says so in words.
    expect(await card(page, 'csat-order').locator('.why-headline').textContent()).toBe(
      `${pct(csat.biggestLoss!.share)} of triggers were held back by the “show once” rule: already shown on the device.`,
    )
    expect(csat.biggestLoss!.share).toBeGreaterThan(50)
    expect(await card(page, 'csat-order').locator('.why-steps > li .step').allTextContents()).toEqual([
      'Trigger seen',
      'In the audience',
      'In the sample',
      'Allowed by pacing',
      'Won the tab claim',
      'Shown',
    ])
    const counts = await card(page, 'csat-order').locator('.why-steps > li > .num').allTextContents()
    expect(counts).toEqual(csat.funnel.map((f) => `${f.count.toLocaleString('en-GB')} (${pct(f.share)})`))
    expect(await card(page, 'csat-order').locator('[data-reason="claim"]').textContent()).toMatch(/^− \d+ \(\d+ %\) were lost to a prompt in another tab$/)
    expect(await card(page, 'csat-order').locator('.meta').textContent()).toBe(
      `${csat.devices} devices reported ${csat.triggered.toLocaleString('en-GB')} triggers (25 % of devices report: about ${csat.estimatedTriggered.toLocaleString('en-GB')} triggers across all devices) · owner: Web shop team`,
    )
    // Moving home: a handful of devices; no number is read out as if it were known.
    const move = d.surveys.find((s) => s.survey === 'ces-move')!
    expect(move.enough).toBe(false)
    expect(await card(page, 'ces-move').locator('.why-headline').textContent()).toMatch(
      new RegExp(
        `^Too few devices to read yet: ${move.devices} devices reported\\. The biggest loss so far, .+ \\(\\d+ % of triggers\\), could be anywhere from \\d+ % to \\d+ %; it is read out once it is known to ±10 points\\.$`,
      ),
    )
    // The data table behind each funnel.
    await card(page, 'csat-order').locator('details.data summary').click()
    expect(await card(page, 'csat-order').locator('details.data tbody tr').count()).toBe(6)
    expect(await page.locator('.definitions summary').count()).toBe(1)
    expect(errors).toEqual([])
    await close()
  })

  it('the period changes the numbers; filters that do not apply to counts step aside', async () => {
    const { page, errors, close } = await open(TOKENS.admin)
    // No page, language or baseline in diagnostics.
    for (const label of ['Language', 'Page', 'Compare with']) expect(await page.getByLabel(label, { exact: true }).isVisible(), label).toBe(false)
    for (const label of ['Period', 'Touchpoint', 'Survey', 'Owner']) expect(await page.getByLabel(label, { exact: true }).isVisible(), label).toBe(true)
    await page.getByLabel('Period', { exact: true }).selectOption('7')
    await loaded(page)
    expect(page.url()).toContain('days=7')
    const week = (await api(TOKENS.admin, 7)).surveys.find((s) => s.survey === 'csat-order')!
    expect(await card(page, 'csat-order').locator('.why-steps > li > .num').first().textContent()).toBe(`${week.triggered.toLocaleString('en-GB')} (100 %)`)
    // A period before the seed: nothing reported, and the page says why there may be nothing.
    await go(page, '#view=diagnostics&from=2025-01-01&to=2025-01-31')
    expect(await page.locator('section.why').count()).toBe(0)
    expect(await page.locator('.empty').textContent()).toBe(
      'No device reported a decision in this period. Diagnostics are off in the config: add "diagnostics": { "sample": 0.1 } to hetki.json to have one device in ten report.',
    )
    expect(errors).toEqual([])
    await close()
  })

  it('an owner’s token sees that owner’s surveys only, and a 403 for another’s', async () => {
    const { page, errors, close } = await open(TOKENS.webShop)
    expect(await page.locator('section.why h2').allTextContents()).toEqual(['csat-order · Web shop checkout'])
    expect((await api(TOKENS.webShop)).surveys.map((s) => s.survey)).toEqual(['csat-order'])
    await page.evaluate(() => (location.hash = '#view=diagnostics&survey=nps-invoice'))
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('403')
    expect(await page.locator('section.why').count()).toBe(0)
    expect(errors.filter((e) => !e.includes('403'))).toEqual([])
    await close()
  })

  it('at 360 px and 1280 px nothing scrolls sideways and axe finds no violations', async () => {
    for (const width of [360, 1280]) {
      const { page, errors, close } = await open(TOKENS.admin, '#view=diagnostics', width)
      await card(page, 'csat-order').locator('details.data summary').click()
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${width}`).toBeLessThanOrEqual(0)
      expect(await axeViolations(page), `${width}`).toEqual([])
      expect(errors).toEqual([])
      await close()
    }
  })
})
