// `npm run screenshots:demo`: the demo as the README shows it, rendered in Chromium into
// docs/screenshots/. demo-prompt.png: the order page right after a declined card and the order,
// with the CSAT prompt in the corner; demo-prompt-fi.png: the same on the Finnish page. The results
// app's screenshots are scripts/results-screenshots.mjs. Needs a fresh `npm run build`.
import { mkdirSync } from 'node:fs'
import { launchChromium } from '../test/fixtures/chromium.mjs'
import { startDemoCollector } from '../test/fixtures/collector.mjs'

const OUT = 'docs/screenshots'
const demo = await startDemoCollector()
// Font hinting off: the same pixels on every machine.
const browser = await launchChromium(['--font-render-hinting=none'])
mkdirSync(OUT, { recursive: true })

try {
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
