// `npm run screenshots:demo`: the demo as the README shows it, rendered in Chromium into
// docs/screenshots/. demo-prompt.png: the order page right after a declined card and the order,
// with the CSAT prompt in the corner; demo-prompt-fi.png: the same on the Finnish page. demo-results.png: the results page over the sample answers
// (demo/sample-data.mjs) plus that customer's. Needs a fresh `npm run build`.
import { mkdirSync } from 'node:fs'
import { launchChromium } from '../test/fixtures/chromium.mjs'
import { startDemoCollector } from '../test/fixtures/collector.mjs'
import { sampleRecords } from '../demo/sample-data.mjs'

const OUT = 'docs/screenshots'
// A fixed "now", so the dates on the results page do not change from one run to the next.
const NOW = Date.UTC(2026, 10, 23, 9, 0)

const demo = await startDemoCollector()
// Font hinting off: the same pixels on every machine.
const browser = await launchChromium(['--font-render-hinting=none'])
mkdirSync(OUT, { recursive: true })

try {
  await demo.save(sampleRecords(NOW))
  const context = await browser.newContext({ viewport: { width: 1000, height: 620 }, reducedMotion: 'reduce' })

  const shop = await context.newPage()
  await shop.goto(demo.url + '/')
  await shop.waitForFunction(() => typeof window.hetki?.on == 'function' && !window.hetki.q)
  await shop.getByRole('button', { name: /Pay with card/ }).click()
  await shop.getByRole('button', { name: 'Place order' }).click()
  const prompt = shop.locator('[data-hetki-survey="csat-order"]')
  await prompt.getByRole('dialog', { name: 'How satisfied are you with your order?' }).waitFor()
  await shop.evaluate(() => document.fonts.ready)
  await shop.screenshot({ path: `${OUT}/demo-prompt.png` })
  console.log(`${OUT}/demo-prompt.png`)
  // This customer's answer joins the sample ones on the results page.
  await prompt.getByRole('button', { name: /^2\b/ }).click()
  await prompt.getByRole('textbox', { name: 'What went wrong?' }).fill('The card was declined and I did not know why.')
  await prompt.getByRole('button', { name: 'Send' }).click()
  await prompt.getByRole('status').filter({ hasText: 'Thank you' }).waitFor()
  while (!(await demo.all()).some((r) => r.completed && !r.id.startsWith('sample-'))) await new Promise((r) => setTimeout(r, 100))

  const results = await context.newPage()
  await results.setViewportSize({ width: 1100, height: 900 })
  await results.goto(demo.url + '/results.html')
  await results.locator('ol.lows > li').first().waitFor()
  await results.evaluate(() => document.fonts.ready)
  await results.screenshot({ path: `${OUT}/demo-results.png`, fullPage: true })
  console.log(`${OUT}/demo-results.png`)

  // The same moment for a Finnish visitor: another device (a fresh context), the /fi/ order page.
  const finnish = await browser.newContext({ viewport: { width: 1000, height: 620 }, reducedMotion: 'reduce' })
  const kauppa = await finnish.newPage()
  await kauppa.goto(demo.url + '/fi/')
  await kauppa.waitForFunction(() => typeof window.hetki?.on == 'function' && !window.hetki.q)
  await kauppa.getByRole('button', { name: /Maksa kortilla/ }).click()
  await kauppa.getByRole('button', { name: 'Tee tilaus' }).click()
  await kauppa.locator('[data-hetki-survey="csat-order"]').getByRole('dialog', { name: 'Kuinka tyytyväinen olet tilaukseesi?' }).waitFor()
  await kauppa.evaluate(() => document.fonts.ready)
  await kauppa.screenshot({ path: `${OUT}/demo-prompt-fi.png` })
  console.log(`${OUT}/demo-prompt-fi.png`)
} finally {
  await browser.close()
  await demo.close()
}
