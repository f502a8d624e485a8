// `node scripts/results-screenshots.mjs` (after `npm run build`): the results app
// (packages/collector/app/) as the README shows it, rendered in Chromium into docs/screenshots/:
// results-desktop.png (1280 wide) and results-phone.png (390 wide), signed in with the demo's admin
// token, the last 28 days: the top of the page and the first touchpoint's card (on the phone: down
// to its root cause), not the whole page. The data are the real collector's (its build in
// packages/collector/dist) over the demo's seed, stored through its ingest with a fixed clock
// (test/e2e/results-app.seeded.mjs, shared with the e2e test), so the pictures do not change by chance.
import { existsSync, mkdirSync } from 'node:fs'
import { launchChromium } from '../test/fixtures/chromium.mjs'
import { FIXED_CLOCK, TOKENS, startSeededCollector } from '../test/e2e/results-app.seeded.mjs'

const OUT = 'docs/screenshots'
const entry = new URL('../packages/collector/dist/index.js', import.meta.url)
if (!existsSync(entry)) {
  console.error('results-screenshots runs the built collector: npm run build first.')
  process.exit(1)
}
const fixture = await startSeededCollector(await import(entry.href))
// Font hinting off: the same pixels on every machine.
const browser = await launchChromium(['--font-render-hinting=none'])
mkdirSync(OUT, { recursive: true })
try {
  for (const [name, width, height, until] of [
    ['results-desktop', 1280, 900, 'section.touchpoint'],
    ['results-phone', 390, 844, 'section.touchpoint .cause'],
  ]) {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, reducedMotion: 'reduce', timezoneId: 'UTC' })
    await context.addInitScript(FIXED_CLOCK)
    const page = await context.newPage()
    await page.goto(fixture.url + '/app/')
    await page.getByLabel('Access token').fill(TOKENS.admin)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.locator('section.touchpoint').first().waitFor()
    await page.waitForFunction(() => document.querySelectorAll('figure.trend canvas').length >= 5)
    await page.evaluate(() => document.fonts.ready)
    const path = `${OUT}/${name}.png`
    const box = await page.locator(until).first().boundingBox()
    if (!box) throw new Error(`${until} is not on the page`)
    await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width, height: Math.ceil(box.y + box.height + 16) } })
    console.log(path)
    await context.close()
  }
} finally {
  await browser.close()
  await fixture.close()
}
