// The survey on a phone, in Chromium's mobile emulation (390×844 CSS px, touch, 3× pixels): answered
// by taps, every target measured, nothing scrolling sideways, the open-text field kept above the
// on-screen keyboard, the bottom sheet clear of the home indicator's safe area.
import type { BrowserContextOptions, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { fixtureServer, widgetPage } from '../fixtures/pages.mjs'
import { watchErrors } from '../helpers/browser'
import { useChromiumAndDemo } from '../helpers/setup'
import { axeViolations, widgetHarness } from '../helpers/widget'

const fixtures = fixtureServer()
const env = useChromiumAndDemo(fixtures.handle)
const { stored } = widgetHarness(
  () => env.browser,
  () => env.demo,
  fixtures,
)

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 }

/**
 * Opens a fixture page (in `lang`) with this survey on a phone and sends the trigger. `cover`: the
 * page asks for the whole screen (`viewport-fit=cover`), and the phone reports these safe-area insets.
 */
async function open(survey: Record<string, unknown>, context: BrowserContextOptions = PHONE, cover?: { top: number; bottom: number }, lang = 'en') {
  const path = '/fixture/' + survey.id + '.html'
  let html = widgetPage(survey, { lang })
  if (cover) html = html.replace('initial-scale=1">', 'initial-scale=1, viewport-fit=cover">')
  fixtures.set(path, html)
  const ctx = await env.browser.newContext(context)
  const page = await ctx.newPage()
  const errors = watchErrors(page)
  const cdp = await ctx.newCDPSession(page)
  if (cover) await cdp.send('Emulation.setSafeAreaInsetsOverride', { insets: { ...cover, left: 0, right: 0 } })
  await page.goto(env.demo.url + path)
  await page.waitForFunction(() => 'hetki' in window)
  await page.evaluate(() => (window as any).hetki.track('go'))
  const prompt = page.locator('hetki-survey')
  await settle(prompt)
  return { page, prompt, errors, cdp, close: () => ctx.close() }
}

/** Waits for the card to rest where it shows (its entrance animation done). */
async function settle(prompt: Locator) {
  await prompt.locator('section').waitFor()
  await prompt.locator('section').evaluate((s) => Promise.all(s.getAnimations().map((a) => a.finished)))
}

interface Target {
  name: string
  left: number
  top: number
  width: number
  height: number
}

/** Everything in the card a finger can hit, with its box in CSS px. */
const targets = (prompt: Locator): Promise<Target[]> =>
  prompt.locator('section').evaluate((card) =>
    [...card.querySelectorAll('button, label, textarea, input[type=text], a')].map((e) => {
      const r = e.getBoundingClientRect()
      const name = e.getAttribute('aria-label') || (e as HTMLElement).innerText.trim() || e.tagName.toLowerCase()
      return { name, left: r.left, top: r.top, width: r.width, height: r.height }
    }),
  )

/** Checks the 44 px of a touch screen (WCAG 2.5.5; 2.5.8 asks 24) and that nothing leaves the screen sideways. */
async function fingerFriendly(page: Page, prompt: Locator) {
  const width = await page.evaluate(() => innerWidth)
  const found = await targets(prompt)
  expect(found.length).toBeGreaterThan(0)
  for (const t of found) {
    expect(t.width, t.name).toBeGreaterThanOrEqual(44 - 0.01)
    expect(t.height, t.name).toBeGreaterThanOrEqual(44 - 0.01)
    expect(t.left, t.name).toBeGreaterThanOrEqual(0)
    expect(t.left + t.width, t.name).toBeLessThanOrEqual(width + 0.01)
  }
  // No horizontal scroll, on the page or inside the card.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
  expect(await prompt.locator('section').evaluate((s) => s.scrollWidth <= s.clientWidth)).toBe(true)
}

describe('on a phone', () => {
  it('is a touch screen to CSS, as on a real phone', async () => {
    const { page, close } = await open({ id: 'phone-pointer', questions: [{ id: 'q', template: 'goal' }] })
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true)
    await close()
  })

  for (const width of [390, 320])
    it(`NPS at ${width} px: 0–5 and 6–10 in two rows of 44 px targets, answered by a tap`, async () => {
      const { page, prompt, errors, close } = await open(
        { id: 'phone-nps-' + width, questions: [{ id: 'q', template: 'nps' }] },
        { ...PHONE, viewport: { width, height: 700 } },
      )
      const box = (await prompt.locator('section').boundingBox())!
      expect(box.x).toBe(0)
      expect(box.width).toBe(width)
      await fingerFriendly(page, prompt)
      const points = (await targets(prompt)).filter((t) => /^\d+ of 10/.test(t.name))
      expect(points).toHaveLength(11)
      const rows = [...new Set(points.map((p) => Math.round(p.top)))]
      expect(rows).toHaveLength(2)
      expect(points.filter((p) => Math.round(p.top) == rows[0]).map((p) => parseInt(p.name))).toEqual([0, 1, 2, 3, 4, 5])
      expect(await axeViolations(page)).toEqual([])
      await prompt.getByRole('button', { name: '9 of 10' }).tap()
      await expect.poll(() => prompt.getByRole('status').textContent()).toBe('Thank you for your answer!')
      expect(await stored('phone-nps-' + width)).toEqual({ q: 9 })
      expect(errors).toEqual([])
      await close()
    })

  it('right to left (Hebrew) it is the same full-width bottom sheet, mirrored inside', async () => {
    const { page, prompt, close } = await open({ id: 'phone-rtl', questions: [{ id: 'q', template: 'feeling' }] }, PHONE, undefined, 'he')
    await prompt.getByRole('dialog', { name: 'איך הייתה החוויה?' }).waitFor()
    const card = (await prompt.locator('section').boundingBox())!
    expect(card).toMatchObject({ x: 0, width: 390 })
    expect(card.y + card.height).toBe(844)
    const close_ = (await prompt.getByRole('button', { name: 'סגירת הסקר' }).boundingBox())!
    expect(close_.x).toBeLessThan(100)
    await fingerFriendly(page, prompt)
    await close()
  })

  it('every question type answered by taps, every target at least 44 px, nothing scrolling sideways', async () => {
    const options = [
      { id: 'price', label: 'Price' },
      { id: 'speed', label: 'Delivery time' },
    ]
    const { page, prompt, errors, close } = await open({
      id: 'phone-all',
      questions: [
        { id: 'goal', template: 'goal' },
        { id: 'feel', template: 'feeling' },
        { id: 'effort', template: 'effort' },
        { id: 'better', type: 'choice', multiple: true, other: true, text: 'What could we do better?', options },
        { id: 'why', type: 'text', text: 'Anything else?' },
      ],
    })
    const step = async (tap: () => Promise<void>) => {
      await fingerFriendly(page, prompt)
      await tap()
    }
    await step(() => prompt.getByRole('button', { name: 'No' }).tap())
    await step(() => prompt.getByRole('button', { name: 'Pleased' }).tap())
    await step(() => prompt.getByRole('button', { name: /^6 of 7/ }).tap())
    await prompt.getByRole('checkbox', { name: 'Other' }).waitFor()
    await prompt.getByText('Delivery time').tap()
    await prompt.getByText('Other', { exact: true }).tap()
    await prompt.getByRole('textbox', { name: 'Other, please specify' }).fill('Sizes')
    await step(() => prompt.getByRole('button', { name: 'Next' }).tap())
    await prompt.getByRole('textbox', { name: 'Anything else?' }).fill('Thanks')
    await step(() => prompt.getByRole('button', { name: 'Send' }).tap())
    await expect.poll(() => prompt.getByRole('status').textContent()).toBe('Thank you for your answer!')
    expect(await stored('phone-all')).toEqual({
      goal: false,
      feel: { id: 'pleased', weight: 50 },
      effort: 6,
      better: ['speed', 'other'],
      better_other: 'Sizes',
      why: 'Thanks',
    })
    expect(errors).toEqual([])
    await close()
  })

  it('the open-text question stays above the on-screen keyboard, wherever the visible part is', async () => {
    const { page, prompt, cdp, close } = await open({ id: 'phone-keyboard', questions: [{ id: 'why', type: 'text', text: 'What could we do better?' }] })
    const field = prompt.getByRole('textbox', { name: 'What could we do better?' })
    await field.tap()
    await expect.poll(() => field.evaluate((f) => (f.getRootNode() as ShadowRoot).activeElement == f)).toBe(true)
    /** Where the focused field is, against the part of the page the customer sees (the visual viewport). */
    const seen = () =>
      field.evaluate((f) => {
        const r = f.getBoundingClientRect()
        const v = window.visualViewport!
        return { vh: v.height, inside: r.top >= v.offsetTop && r.bottom <= v.offsetTop + v.height }
      })
    expect(await seen()).toEqual({ vh: 844, inside: true })
    // The keyboard: a phone's keyboard leaves the layout viewport (which position: fixed follows)
    // as it is and shrinks the visual viewport. Headless Chromium has no keyboard and no call that
    // shrinks only the visual viewport at scale 1; a page scale of 2 is the one way it makes
    // visualViewport.height smaller than the layout viewport, the same geometry a keyboard makes.
    await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 2 })
    await expect.poll(seen).toEqual({ vh: 422, inside: true })
    // And with the visible part moved down the page (as Safari moves it to the focused field); a
    // touch-sourced gesture does not pan the visual viewport in headless Chromium, a mouse one does.
    await cdp.send('Input.synthesizeScrollGesture', { x: 100, y: 300, yDistance: -200, gestureSourceType: 'mouse', speed: 2000 })
    await expect.poll(() => page.evaluate(() => window.visualViewport!.offsetTop)).toBeGreaterThan(100)
    await expect.poll(seen).toEqual({ vh: 422, inside: true })
    // The keyboard closes: back at the bottom of the screen.
    await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 1 })
    await expect.poll(() => prompt.locator('section').evaluate((s) => Math.round(s.getBoundingClientRect().bottom))).toBe(844)
    await close()
  })

  it('the bottom sheet keeps its controls out of the safe area of a page drawn under the home indicator', async () => {
    const { prompt, close } = await open({ id: 'phone-safe', questions: [{ id: 'q', template: 'csat' }] }, PHONE, { top: 47, bottom: 34 })
    expect(await prompt.locator('section').evaluate((s) => getComputedStyle(s).paddingBottom)).toBe('34px')
    const card = (await prompt.locator('section').boundingBox())!
    // The sheet's background reaches the bottom edge, its controls stay above the 34 px inset.
    expect(card.y + card.height).toBe(844)
    const lowest = Math.max(...(await targets(prompt)).map((t) => t.top + t.height))
    const ends = (await prompt.locator('.ends').boundingBox())!
    expect(Math.max(lowest, ends.y + ends.height)).toBeLessThanOrEqual(844 - 34)
    await close()
  })

  it('exit intent on a touch screen: a finger flicking the page back up, not the page scrolling itself or a short drag', async () => {
    const survey = { id: 'phone-exit', trigger: { event: 'page.exit_intent' }, questions: [{ id: 'goal', template: 'goal' }] }
    const config = { debug: true, sources: { exitIntent: { touch: true } }, journey: { props: ['via'] } }
    fixtures.set(
      '/fixture/phone-exit.html',
      widgetPage(survey, { config, body: '<article>' + '<p>A long read, paragraph after paragraph.</p>'.repeat(300) + '</article>' }),
    )
    const ctx = await env.browser.newContext(PHONE)
    const page = await ctx.newPage()
    const errors = watchErrors(page)
    const cdp = await ctx.newCDPSession(page)
    const listening = page.waitForEvent('console', (m) => m.text().startsWith('[hetki] journey sources on'))
    await page.goto(env.demo.url + '/fixture/phone-exit.html')
    await listening
    /** Lets the page dispatch the scroll events of what was just done (they fire with the next frame). */
    const frames = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
    /**
     * A finger on the screen moving down in these steps ([px, ms after the last]), then lifted: the
     * page scrolls up by as much, then flings on at the speed the steps' times give (the events
     * carry those times, so the speed does not depend on how busy the machine is).
     */
    const drag = async (steps: [number, number][]) => {
      let at = Date.now() / 1000
      let y = 80
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 200, y }], timestamp: at })
      for (const [px, ms] of steps)
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: 200, y: (y += px) }], timestamp: (at += ms / 1000) })
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [], timestamp: at + 0.01 })
      await frames()
    }
    const y = () => page.evaluate(() => scrollY)

    // The page scrolling itself a long way up (a "back to top" link, a restored position): no finger, no exit intent.
    await page.evaluate(() => scrollTo(0, 3000))
    await frames()
    await page.evaluate(() => scrollTo(0, 2000))
    await frames()
    // A finger moving the page back up slowly, as when re-reading a paragraph, and resting before it lifts.
    await drag([
      [50, 150],
      [50, 150],
      [50, 150],
      [50, 150],
      [0, 300],
    ])
    expect(await y()).toBeLessThan(2000)
    expect(await y()).toBeGreaterThan(1700)
    // A marker in the journey trail: an exit intent before it would be one of the cases above.
    await page.evaluate(() => (window as any).hetki.track('flick.next'))
    // A flick: 700 px up within 30 ms, more than half of the 844 px screen, and flinging on.
    const before = await y()
    await drag([[700, 30]])
    expect(before - (await y())).toBeGreaterThanOrEqual(422)
    const prompt = page.locator('[data-hetki-survey="phone-exit"]')
    await prompt.getByRole('dialog', { name: 'Did you get done what you came for?' }).waitFor()
    const sent = page.waitForRequest((r) => r.url().endsWith('/collect') && r.method() == 'POST' && (r.postData() || '').includes('"completed":true'))
    await prompt.getByRole('button', { name: 'Yes' }).tap()
    const record = (await sent).postDataJSON().records.find((r: { kind: string }) => r.kind == 'response')
    const steps = (record.trail as { event: string; props?: object }[]).filter((s) => ['flick.next', 'page.exit_intent'].includes(s.event))
    expect(steps).toEqual([
      { event: 'flick.next', at: expect.any(String) },
      { event: 'page.exit_intent', at: expect.any(String), props: { via: 'scroll' } },
    ])
    expect(errors).toEqual([])
    await ctx.close()
  })
})
