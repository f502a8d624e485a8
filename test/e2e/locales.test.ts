// UI languages in the script tag build: each language's strings come in a locale file of their own
// (dist/hetki-locale-<code>.js, next to hetki.js), fetched only for a survey shown in it; the
// survey follows the page's <html lang> live, right to left for Arabic and Hebrew.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { fixtureServer } from '../fixtures/pages.mjs'
import { useChromiumAndDemo } from '../helpers/setup'
import { axeViolations, widgetHarness } from '../helpers/widget'

const fixtures = fixtureServer()
const env = useChromiumAndDemo(fixtures.handle)
const { show, stored } = widgetHarness(
  () => env.browser,
  () => env.demo,
  fixtures,
)

/** The locale files the page has asked for so far, by language code. */
function localeRequests(page: Page): string[] {
  const asked: string[] = []
  page.on('request', (r) => {
    const m = /\/hetki-locale-([a-z]+)\.js$/.exec(new URL(r.url()).pathname)
    if (m) asked.push(m[1]!)
  })
  return asked
}

const twoQuestions = (id: string) => ({
  id,
  questions: [
    { id: 'goal', template: 'goal' },
    { id: 'q', template: 'csat' },
  ],
})

describe('UI languages', () => {
  it('a German page gets German strings from the one locale file it needs; an English page fetches none', async () => {
    let asked: string[] = []
    const de = await show(twoQuestions('lang-de'), { lang: 'de-DE' }, {}, async (page) => void (asked = localeRequests(page)))
    await de.prompt.getByRole('dialog', { name: 'Konnten Sie erledigen, weswegen Sie gekommen sind?' }).waitFor()
    expect(await de.prompt.getByRole('button', { name: 'Umfrage schließen' }).count()).toBe(1)
    expect(asked).toEqual(['de'])
    expect(await axeViolations(de.page)).toEqual([])
    expect(de.errors).toEqual([])
    await de.close()

    const en = await show(twoQuestions('lang-en'), { lang: 'en' }, {}, async (page) => void (asked = localeRequests(page)))
    await en.prompt.getByRole('dialog', { name: 'Did you get done what you came for?' }).waitFor()
    expect(asked).toEqual([])
    await en.close()
  })

  it("follows the page's <html lang> live: German, then Hebrew mirrored right to left, the answers kept", async () => {
    const { page, prompt, errors, close } = await show(twoQuestions('lang-live'), { lang: 'de' })
    await prompt.getByRole('button', { name: 'Ja' }).click()
    await prompt.getByRole('dialog', { name: 'Wie zufrieden sind Sie?' }).waitFor()
    expect(await prompt.getByText('Frage 2 von 2').count()).toBe(1)
    expect(await prompt.getAttribute('dir')).toBe('ltr')

    // The page switches language, as a single-page app's language menu does.
    await page.evaluate(() => (document.documentElement.lang = 'he'))
    await prompt.getByRole('dialog', { name: 'מה רמת שביעות הרצון שלכם?' }).waitFor()
    expect(await prompt.getAttribute('dir')).toBe('rtl')
    expect(await prompt.getByText('שאלה 2 מתוך 2').count()).toBe(1)
    // Mirrored: the card in the bottom-left corner, the close button at the left of the heading,
    // the scale running from right (1) to left (5), "very low" under the 1 on the right.
    const box = async (name: string) => (await prompt.getByRole('button', { name }).boundingBox())!
    expect((await prompt.locator('section').boundingBox())!.x).toBe(16)
    const heading = (await prompt.locator('h2').boundingBox())!
    expect((await box('סגירת הסקר')).x).toBeLessThan(heading.x)
    expect((await box('1 מתוך 5, נמוכה מאוד')).x).toBeGreaterThan((await box('5 מתוך 5, גבוהה מאוד')).x)
    const low = (await prompt.getByText('נמוכה מאוד').boundingBox())!
    const high = (await prompt.getByText('גבוהה מאוד').boundingBox())!
    expect(low.x).toBeGreaterThan(high.x)
    expect(await axeViolations(page)).toEqual([])

    await prompt.getByRole('button', { name: '4 מתוך 5' }).click()
    await expect.poll(() => prompt.getByRole('status').textContent()).toBe('תודה על התשובה!')
    expect(await stored('lang-live')).toEqual({ goal: true, q: 4 })
    expect(errors).toEqual([])
    await close()
  })

  it('a locale file that cannot be loaded leaves the survey in English rather than not showing it', async () => {
    const { prompt, close } = await show(twoQuestions('lang-missing'), { lang: 'fr' }, {}, async (page) => {
      await page.route('**/hetki-locale-fr.js', (route) => route.fulfill({ status: 404, body: '' }))
    })
    await prompt.getByRole('dialog', { name: 'Did you get done what you came for?' }).waitFor()
    expect(await prompt.getByRole('button', { name: 'Close survey' }).count()).toBe(1)
    await close()
  })

  it('each locale file is small: under 700 B gzip -9, one per language of the source folder', () => {
    const dist = resolve(__dirname, '../../dist')
    const built = readdirSync(dist).filter((f) => /^hetki-locale-[a-z]{2}\.js$/.test(f))
    const sources = readdirSync(resolve(__dirname, '../../packages/widget/src/locales')).filter((f) => /^[a-z]{2}\.ts$/.test(f))
    expect(built.map((f) => f.slice(13, 15))).toEqual(sources.map((f) => f.slice(0, 2)))
    for (const f of built) expect(gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, f).toBeLessThan(700)
  })
})
