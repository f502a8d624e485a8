// Installing Hetki: the one-line snippet queues calls made before the script arrives, an inline
// config works, and a broken config disables Hetki with one console error and nothing thrown.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { watchErrors } from '../helpers/browser'
import { useChromiumAndDemo } from '../helpers/setup'

const env = useChromiumAndDemo()

const SNIPPET = `<script>window.hetki=window.hetki||new Proxy({q:[]},{get:(t,m)=>t[m]||((...a)=>t.q.push([m,a]))})</script>`

const config = (extra = {}) =>
  JSON.stringify({
    endpoint: '/collect',
    surveys: [
      {
        id: 'csat-order',
        trigger: { event: 'order.completed' },
        questions: [{ id: 'q1', type: 'rating', scale: 5, text: 'How satisfied are you with your order?' }],
      },
    ],
    ...extra,
  })

/** Serves `html` at `/page.html` of the demo's origin, so /hetki/* and /collect are the real ones. */
async function pageWith(html: string): Promise<Page> {
  const context = await env.browser.newContext()
  const page = await context.newPage()
  await page.route(env.demo.url + '/page.html', (route) => route.fulfill({ contentType: 'text/html', body: html }))
  return page
}

describe('installing Hetki', () => {
  it('replays calls queued by the snippet before the script loaded, in order', async () => {
    await env.demo.store.clear()
    const page = await pageWith(`<!doctype html><html lang="en"><body>
      ${SNIPPET}
      <script>
        window.seen = []
        hetki.on('survey:shown', (e) => seen.push('shown:' + e.surveyId))
        hetki.on('survey:answered', (e) => seen.push('answered:' + e.value))
        hetki.init(${config()})
        hetki.track('order.completed')
      </script>
      <script async src="/hetki/hetki.js"></script>
    </body></html>`)
    const errors = watchErrors(page)
    await page.goto(env.demo.url + '/page.html')
    await page.getByRole('button', { name: /^2\b/ }).click()
    await expect.poll(() => page.evaluate(() => (window as any).seen)).toEqual(['shown:csat-order', 'answered:2'])
    await expect.poll(async () => (await env.demo.store.all()).length).toBe(1)
    expect((await env.demo.store.all())[0]).toMatchObject({ survey_id: 'csat-order', answers: { q1: 2 }, path: '/page.html' })
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('keeps working for a page that holds on to the snippet stub after the script loaded', async () => {
    const page = await pageWith(`<!doctype html><html lang="en"><body>
      ${SNIPPET}
      <script>window.stub = hetki; stub.init(${config()})</script>
      <script src="/hetki/hetki.js"></script>
    </body></html>`)
    await page.goto(env.demo.url + '/page.html')
    await page.evaluate(() => (window as any).stub.track('order.completed'))
    await page.getByRole('button', { name: /^3\b/ }).waitFor()
    await page.context().close()
  })

  it('reads an inline #hetki-config', async () => {
    const page = await pageWith(`<!doctype html><html lang="en"><body>
      <script type="application/json" id="hetki-config">${config()}</script>
      <script src="/hetki/hetki.js"></script>
      <button onclick="hetki.track('order.completed')">Buy</button>
    </body></html>`)
    await page.goto(env.demo.url + '/page.html')
    await page.getByRole('button', { name: 'Buy' }).click()
    await page.getByRole('button', { name: /^1\b/ }).waitFor()
    await page.context().close()
  })

  it('disables itself with one clear console error on a broken config, and never throws into the page', async () => {
    const page = await pageWith(`<!doctype html><html lang="en"><body>
      <script type="application/json" id="hetki-config">{"endpoint": "/collect", "surveys": [{"id": "x", "questions": []}]}</script>
      <script src="/hetki/hetki.js"></script>
    </body></html>`)
    const errors = watchErrors(page)
    await page.goto(env.demo.url + '/page.html')
    const result = await page.evaluate(() => {
      const h = (window as any).hetki
      // Wrong argument types and calls on a disabled SDK must all be harmless.
      return [h.track('order.completed'), h.track(42), h.track(), h.identify({}), h.show(null), h.on('x', 5), h.consent('yes'), h.reset()]
    })
    expect(result.every((r) => r === null || r === undefined)).toBe(true)
    expect(errors).toEqual(['console: [hetki] invalid config, Hetki is disabled: surveys[0].questions must be a non-empty array'])
    await page.context().close()
  })

  it('reports a config URL that cannot be loaded', async () => {
    const page = await pageWith(`<!doctype html><html lang="en"><body>
      <script src="/hetki/hetki.js" data-config="/missing.json"></script>
    </body></html>`)
    const errors = watchErrors(page)
    const failed = page.waitForEvent('console', (m) => m.type() == 'error' && m.text().startsWith('[hetki]'))
    await page.goto(env.demo.url + '/page.html')
    expect((await failed).text()).toBe('[hetki] the config at /missing.json could not be loaded (HTTP 404), Hetki is disabled')
    expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([
      'console: [hetki] the config at /missing.json could not be loaded (HTTP 404), Hetki is disabled',
    ])
    await page.context().close()
  })
})
