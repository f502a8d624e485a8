// Leaving a page and coming back, on every engine. WebKit keeps the page left in its back/forward
// cache with its JavaScript frozen: an IndexedDB transaction still running then (a write started
// when the page hid) stays open for as long as the page is cached, and every other page of the site
// waits on it. Hetki settles its transactions when the page is left (packages/sdk/src/shared/store.ts).
// Nor does a write started in pagehide reach IndexedDB there, committed or not: the journey is also
// written on beforeunload, while the page still runs (packages/sdk/src/core/journey.ts).
import { describe, expect, it } from 'vitest'
import type { Win } from './engine.mjs'
import { click, prompts, waitFor } from './dom'
import { ENGINE, hetki, ready, saying, useEngine } from './setup'

const env = useEngine()

const survey = (id: string) => ({ id, trigger: { event: 'go.' + id }, questions: [{ id: 'q1', type: 'rating', scale: 5, text: 'How was ' + id + '?' }] })
const stored = (id: string) => expect.poll(async () => (await env.demo.store.all()).find((r) => r.survey_id == id && r.completed)?.answers)

describe('leaving a page', () => {
  it('with a prompt open, right after an event: the next page is not held up, its survey shows and its answer is delivered', async () => {
    await env.demo.store.clear()
    const profile = await env.profile()
    const config = { debug: true, surveys: [survey('first'), survey('second')] }
    const win: Win = await env.open(profile, 'leaving', { config })
    await saying(win, 'ready with')
    await hetki(win, 'track', 'go.first')
    await waitFor(win, { survey: 'first', role: 'dialog' })
    // Activity since the last write: leaving writes it (the session goes on in the next page).
    await hetki(win, 'track', 'browsed')

    await win.goto(env.url(env.pages.page('next', { config })))
    await ready(win)
    await saying(win, 'ready with')
    await hetki(win, 'track', 'go.second')
    await click(win, { survey: 'second', role: 'button', name: /^4\b/ })
    await stored('second').toEqual({ q1: 4 })
    await expect.poll(() => prompts(win)).toBe(0)
    await profile.close()
  })

  it("right after an event (a click that tracks, then navigates): the event travels with the next page's journey", async () => {
    await env.demo.store.clear()
    const profile = await env.profile()
    const config = {
      debug: true,
      journey: { props: ['sku'] },
      surveys: [{ ...survey('after'), trigger: { event: 'checkout.done', after: { event: 'cart.viewed', within: '1h' } } }],
    }
    const win = await env.open(profile, 'cart', { config })
    await saying(win, 'ready with')
    await hetki(win, 'track', 'cart.viewed', { sku: 'tent' })
    await win.goto(env.url(env.pages.page('checkout', { config })))
    await ready(win)
    await saying(win, 'ready with')
    await hetki(win, 'track', 'checkout.done')
    await click(win, { survey: 'after', role: 'button', name: /^5\b/ })
    await stored('after').toEqual({ q1: 5 })
    const record = (await env.demo.store.all()).find((r) => r.survey_id == 'after')!
    expect(record.trail).toContainEqual(expect.objectContaining({ event: 'cart.viewed', props: { sku: 'tent' } }))
    await profile.close()
  })

  // WebKit only. Chromium's case is in test/e2e/journey.test.ts, which lifts Playwright's default of
  // no back/forward cache; this suite's Chromium keeps that default. Firefox restores no page here
  // (this suite's windows: a new browser context, `type: 'window'`), though a tab of its default
  // context restores the same Hetki page, event tracked, every time (checked by hand, puppeteer and
  // dist/hetki.js; docs/engines.md): the cause is the harness, not found yet.
  it.skipIf(ENGINE !== 'webkit')(
    'a page where Hetki followed the journey stays in the back/forward cache: going back restores it, and it carries on',
    async () => {
      await env.demo.store.clear()
      const profile = await env.profile()
      const config = { debug: true, surveys: [survey('back')] }
      // A page a browser may cache (the suite's pages are no-store, which Firefox never keeps).
      const win = await env.open(profile, 'kept', { config, cacheControl: 'no-cache' })
      await saying(win, 'ready with')
      // Something to save when leaving (the journey is written on beforeunload and pagehide).
      await hetki(win, 'track', 'browsed')
      await win.evaluate(() => {
        ;(window as any).kept = 'this page'
        addEventListener('pageshow', (e) => ((window as any).restored = e.persisted))
      })
      await win.goto(env.url(env.pages.page('elsewhere', { config })))
      await ready(win)
      await win.evaluate(() => void setTimeout(() => history.back()))
      const restored = () =>
        win.evaluate(() => ((window as any).kept ? { kept: (window as any).kept, restored: (window as any).restored } : null)).catch(() => null)
      await expect.poll(restored).toEqual({ kept: 'this page', restored: true })
      await hetki(win, 'track', 'go.back')
      await click(win, { survey: 'back', role: 'button', name: /^3\b/ })
      await stored('back').toEqual({ q1: 3 })
      await profile.close()
    },
  )
})
