// `npm run screenshots:debug`: the debug overlay on a page where surveys were held back for the
// usual reasons (cooldown, sampling, priority, a trigger not seen), cropped to the panel, into
// docs/screenshots/debug-overlay.png. Needs a fresh `npm run build`.
import { mkdirSync } from 'node:fs'
import { launchChromium } from '../test/fixtures/chromium.mjs'
import { startDemoCollector } from '../test/fixtures/collector.mjs'
import { fixtureServer } from '../test/fixtures/pages.mjs'

const OUT = 'docs/screenshots'
const question = (text) => [{ id: 'q', type: 'rating', scale: 5, text }]
const config = {
  endpoint: '/collect',
  pacing: { cooldownDays: 3 },
  surveys: [
    { id: 'csat-order', trigger: { event: 'order.completed' }, questions: question('How satisfied are you with your order?') },
    { id: 'ces-payment', trigger: { event: 'payment.failed' }, questions: question('How easy was it to pay?') },
    { id: 'nps-orders', trigger: { event: 'order.completed', count: 3 }, audience: { sample: 0.25 }, priority: -1, questions: question('How likely…?') },
    { id: 'goal-help', trigger: { event: 'page.exit_intent' }, audience: { urls: ['/help*'] }, questions: question('Did you find what you came for?') },
  ],
}
const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Checkout</title>
<script type="application/json" id="hetki-config">${JSON.stringify(config)}</script>
<script async src="/hetki/hetki.js"></script></head><body><h1>Checkout</h1></body></html>`

const fixtures = fixtureServer()
fixtures.set('/checkout', html)
const demo = await startDemoCollector({ handle: fixtures.handle })
// Font hinting off: the same pixels on every machine.
const browser = await launchChromium(['--font-render-hinting=none'])
mkdirSync(OUT, { recursive: true })

try {
  const context = await browser.newContext({ viewport: { width: 900, height: 1000 }, reducedMotion: 'reduce' })
  const page = await context.newPage()
  await page.goto(demo.url + '/checkout?hetki_debug=1')
  await page
    .locator('hetki-debug')
    .getByRole('button', { name: /^Hetki debug/ })
    .click()
  await page.evaluate(() => window.hetki.track('order.completed'))
  const prompt = page.locator('[data-hetki-survey="csat-order"]')
  await prompt.getByRole('button', { name: /^5\b/ }).click()
  await prompt.getByRole('button', { name: 'Close survey' }).click()
  await page.evaluate(() => window.hetki.track('payment.failed'))
  const overlay = page.locator('hetki-debug')
  await overlay.locator('[data-survey="ces-payment"] .state').filter({ hasText: 'cooldown' }).waitFor()
  await overlay.locator('[data-survey="ces-payment"] summary').click()
  await page.mouse.move(0, 0)
  await page.evaluate(() => document.fonts.ready)
  const file = `${OUT}/debug-overlay.png`
  await overlay.locator('section').screenshot({ path: file })
  console.log(file)
  await context.close()
} finally {
  await browser.close()
  await demo.close()
}
