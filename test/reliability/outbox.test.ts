// The delivery promise, end to end in Chromium: every answer given reaches the collector exactly
// once, across a collector that fails in every way it can, going offline, reloads and a closed tab.
import { describe, expect, it } from 'vitest'
import type { BrowserContext } from 'playwright-core'
import { watchErrors } from '../helpers/browser'
import { useChromiumAndDemo } from '../helpers/setup'
import { flakyCollector, type Mode } from '../helpers/flaky'
import { answer, expectDeliveredOnce, hetkiReady, leftInOutbox, openPage, scriptPage, sdkErrors, twoQuestions, type Given } from '../helpers/survey'

const config = {
  endpoint: '/collect',
  // A short timeout, so a hanging collector costs the test seconds rather than minutes.
  delivery: { timeout: 1 },
  surveys: [twoQuestions],
}

const flaky = flakyCollector({
  '/shop.html': ['text/html; charset=utf-8', scriptPage('/reliability.json')],
  '/reliability.json': ['application/json', JSON.stringify(config)],
})

const env = useChromiumAndDemo(flaky.handle)

const open = (context: BrowserContext) => openPage(context, env.demo.url + '/shop.html')

describe('the outbox under a flaky collector', () => {
  it('delivers every answer exactly once through 500s, hangs, dropped connections, 429, offline, reloads and a closed tab', async () => {
    const context = await env.browser.newContext()
    const given: Given[] = []
    const mode = (m: Mode) => void (flaky.state.mode = m)
    let n = 0

    const page1 = await open(context)
    const errors1 = watchErrors(page1)
    mode('500')
    given.push(await answer(page1, n++), await answer(page1, n++))
    mode('hang')
    given.push(await answer(page1, n++, true), await answer(page1, n++))
    await page1.reload()
    await hetkiReady(page1)
    mode('drop')
    given.push(await answer(page1, n++))

    const page2 = await open(context)
    const errors2 = watchErrors(page2)
    mode('429')
    given.push(await answer(page2, n++))

    await context.setOffline(true)
    given.push(await answer(page1, n++), await answer(page2, n++), await answer(page1, n++))

    // Back online into a hanging collector; the first tab is closed while its request hangs.
    mode('hang')
    await context.setOffline(false)
    given.push(await answer(page1, n++))
    await page1.close()

    mode('500')
    given.push(await answer(page2, n++))
    await page2.reload()
    await hetkiReady(page2)
    expect(await env.demo.store.all()).toHaveLength(0)

    // The collector recovers: the next answer nudges the remaining tab, which sends everything.
    mode('ok')
    given.push(await answer(page2, n++))
    await expect.poll(async () => (await env.demo.store.all()).length, { timeout: 30_000 }).toBe(given.length)
    await expect.poll(() => leftInOutbox(page2), { timeout: 10_000 }).toBe(0)

    const stored = await expectDeliveredOnce(env.demo, given)
    expect(sdkErrors([...errors1, ...errors2])).toEqual([])

    // The figures docs/delivery.md reports. Deliveries beyond one per response are updates of a
    // partial answer, and retries or beacons that arrived after an earlier copy: the upsert absorbs them.
    const deliveries = stored.reduce((sum, r) => sum + r.deliveries, 0)
    console.log(
      `reliability: ${given.length} answers given (${given.filter((g) => !g.completed).length} partial) on 2 tabs; ` +
        `${stored.length} stored, one row per id, 0 missing; ${deliveries} accepted deliveries of those responses ` +
        `(${deliveries - stored.length} more than one per response, absorbed by the upsert); ` +
        `POSTs by collector mode ${JSON.stringify(flaky.state.requests)}, ${flaky.state.beacons} of them beacons`,
    )
    await context.close()
  })
})
