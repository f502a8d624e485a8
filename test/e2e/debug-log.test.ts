// The debug flag reaches every lazy chunk: each is built with its own copy of the debug log, and
// what a chunk catches (so that it never reaches the host page) must still be told in debug mode.
// The debug overlay's copy used to stay off, so whatever went wrong in it vanished silently.
import { describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { fixtureServer } from '../fixtures/pages.mjs'
import { watchErrors } from '../helpers/browser'
import { useChromiumAndDemo } from '../helpers/setup'

const fixtures = fixtureServer()
const env = useChromiumAndDemo(fixtures.handle)

const page = (config: object) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Log</title><link rel="icon" href="data:,">
  <script type="application/json" id="hetki-config">${JSON.stringify({ endpoint: '/collect', ...config })}</script>
  <script async src="/hetki/hetki.js"></script></head><body><main><h1>Log</h1></main></body></html>`

const survey = { id: 'csat', trigger: { event: 'order' }, questions: [{ id: 'q1', type: 'rating', text: 'How was it?' }] }

/** A page that refuses the overlay its shadow root (an old library, a strict framework): the overlay's own code throws. */
async function hostilePage(context: BrowserContext): Promise<{ page: Page; said: string[] }> {
  const page = await context.newPage()
  await page.addInitScript(() => {
    const attach = Element.prototype.attachShadow
    Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
      if (this.localName == 'hetki-debug') throw new Error('this page refuses shadow roots')
      return attach.call(this, init)
    }
  })
  const said: string[] = []
  page.on('console', (m) => m.type() == 'debug' && said.push(m.text()))
  return { page, said }
}

describe('debug mode in every chunk', () => {
  it('an error caught inside the debug overlay reaches the debug log, and never the page', async () => {
    fixtures.set('/log/overlay.html', page({ surveys: [survey] }))
    const context = await env.browser.newContext()
    const { page: p, said } = await hostilePage(context)
    const errors = watchErrors(p)
    await p.goto(env.demo.url + '/log/overlay.html?hetki_debug=1')
    await expect.poll(() => said.find((s) => s.includes('this page refuses shadow roots'))).toMatch(/^\[hetki\] error/)
    // The rest of Hetki goes on: the survey still shows.
    await p.evaluate(() => (window as any).hetki.track('order'))
    await p.locator('[data-hetki-survey="csat"]').getByRole('dialog').waitFor()
    expect(errors).toEqual([])
    await context.close()
  })

  it('so does one inside the overlay that explains a broken config', async () => {
    fixtures.set('/log/broken.html', page({ surveys: [{ ...survey, delay: 'soon' }] }))
    const context = await env.browser.newContext()
    const { page: p, said } = await hostilePage(context)
    await p.goto(env.demo.url + '/log/broken.html?hetki_debug=1')
    await expect.poll(() => said.find((s) => s.includes('this page refuses shadow roots'))).toMatch(/^\[hetki\] error/)
    await context.close()
  })
})
