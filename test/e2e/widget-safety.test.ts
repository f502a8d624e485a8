// The widget in other people's pages: hostile CSS under a strict CSP, copy that looks like HTML,
// focus it must not steal, host shortcuts it must not trigger, small screens, RTL, dark mode.
import { describe, expect, it } from 'vitest'

import { fixtureServer, widgetPage } from '../fixtures/pages.mjs'
import { waitSaid } from '../helpers/said'
import { useChromiumAndDemo } from '../helpers/setup'
import { axeViolations, focused, press, widgetHarness } from '../helpers/widget'

const fixtures = fixtureServer()
const { show, stored } = widgetHarness(
  () => env.browser,
  () => env.demo,
  fixtures,
)

const env = useChromiumAndDemo(fixtures.handle)

const THANKS = 'Thank you for your answer!'
const csat = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  questions: [{ id: 'q', template: 'csat' }],
  ...extra,
})

describe('the widget in a hostile page', () => {
  it('still shows a correct, working survey under `* { all: unset !important }`, huge fonts, hidden divs and a strict CSP', async () => {
    const { page, prompt, errors, close } = await show(csat('hostile'), { css: true })
    const violations: string[] = []
    page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()))
    // The hostile sheet did load and apply to the page itself.
    expect(await page.locator('h1').evaluate((h) => getComputedStyle(h).fontSize)).toBe('64px')
    const card = prompt.locator('section')
    const box = (await card.boundingBox())!
    // The card keeps its own size and place (bottom right of a 1280×720 window), whatever the page says.
    expect(box.width).toBe(360)
    expect(box.height).toBeLessThan(200)
    expect(box.x + box.width).toBeCloseTo(1280 - 16, 0)
    expect(box.y + box.height).toBeCloseTo(720 - 16, 0)
    const one = prompt.getByRole('button', { name: /^1 of 5/ })
    expect(await one.evaluate((b) => getComputedStyle(b).fontSize)).toBe('15px')
    expect(await one.isVisible()).toBe(true)
    expect(await axeViolations(page)).toEqual([])
    await press(page, 'Tab', 'Tab', 'End', 'Enter')
    await expect.poll(() => prompt.getByRole('status').textContent()).toBe(THANKS)
    expect(await stored('hostile')).toEqual({ q: 5 })
    expect(violations).toEqual([])
    expect(errors).toEqual([])
    await close()
  })

  it('renders survey copy as text only and refuses links that are not http(s)', async () => {
    const text = '<img src=x onerror="window.pwned=1">Was it <b>good</b>?'
    const { page, prompt, close } = await show({
      id: 'copy',
      questions: [{ id: 'q', type: 'yesno', text }],
      link: { text: 'More', url: 'javascript:window.pwned=1' },
    })
    expect(await prompt.getByRole('heading').textContent()).toBe(text)
    expect(await prompt.locator('img, b').count()).toBe(0)
    await prompt.getByRole('button', { name: 'Yes' }).click()
    await expect.poll(() => prompt.getByRole('status').textContent()).toBe(THANKS)
    expect(await prompt.getByRole('link').count()).toBe(0)
    expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined()
    await close()
  })

  it('shows an https link with the thank-you, opening in a new tab', async () => {
    const { prompt, close } = await show({
      id: 'link',
      questions: [{ id: 'q', type: 'yesno', text: 'Done?' }],
      thanks: { en: 'Thanks, that helps.' },
      link: { text: 'Read what we changed', url: 'https://example.com/changes' },
    })
    await prompt.getByRole('button', { name: 'No' }).click()
    await expect.poll(() => prompt.getByRole('status').textContent()).toBe('Thanks, that helps.')
    const link = prompt.getByRole('link', { name: 'Read what we changed' })
    expect(await link.getAttribute('href')).toBe('https://example.com/changes')
    expect(await link.getAttribute('target')).toBe('_blank')
    await close()
  })
})

describe('focus and keys', () => {
  it('appears without taking focus, and keys typed inside never reach the host page shortcuts', async () => {
    const { page, prompt, close } = await show(
      { id: 'focus', questions: [{ id: 't', type: 'text', text: 'Anything else?' }] },
      { body: '<label>Search <input id="search"></label>' },
      {},
      async (page) => {
        // The page counts keys, like a site's keyboard shortcuts; the customer is typing in its search field.
        await page.evaluate(() => {
          ;(window as any).keys = 0
          document.addEventListener('keydown', () => (window as any).keys++)
        })
        await page.locator('#search').focus()
      },
    )
    await page.keyboard.type('abc')
    expect(await page.locator('#search').inputValue()).toBe('abc')
    expect(await page.evaluate(() => (window as any).keys)).toBe(3)
    // Into the survey with Tab; typing there reaches the field but not the page.
    await press(page, 'Tab')
    await expect.poll(() => focused(page)).toBe('Close survey')
    await press(page, 'Tab')
    await expect.poll(() => focused(page)).toBe('textarea')
    await page.keyboard.type('/?g')
    expect(await prompt.getByRole('textbox').inputValue()).toBe('/?g')
    expect(await page.evaluate(() => (window as any).keys)).toBe(4) // the first Tab, from the page
    // Escape closes it, and focus goes back to where the customer was before tabbing in.
    await press(page, 'Escape')
    await expect.poll(() => prompt.count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search')
    await close()
  })

  it('announces itself politely, without moving focus', async () => {
    const { page, prompt, close } = await show(csat('announce'))
    const status = prompt.getByRole('status')
    expect(await status.getAttribute('role')).toBe('status')
    await expect.poll(() => status.textContent()).toBe('A short survey opened: How satisfied are you?')
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY')
    await close()
  })

  it('keeps the answers given before Escape, as a partial response', async () => {
    const { page, prompt, close } = await show({
      id: 'partial',
      questions: [
        { id: 'q1', template: 'csat' },
        { id: 'q2', template: 'goal' },
      ],
    })
    await press(page, 'Tab', 'Tab', 'ArrowRight', 'Enter')
    await prompt.getByRole('dialog', { name: 'Did you get done what you came for?' }).waitFor()
    await expect.poll(() => focused(page)).toBe('Yes')
    await press(page, 'Escape')
    await expect.poll(() => prompt.count()).toBe(0)
    expect(await stored('partial', false)).toEqual({ q1: 2 })
    await close()
  })
})

describe('layouts', () => {
  it('on a phone the corner popover becomes a bottom sheet and every target is at least 24 px', async () => {
    const { page, prompt, close } = await show(
      { id: 'mobile', questions: [{ id: 'q', template: 'nps' }] },
      {},
      { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true },
    )
    const box = (await prompt.locator('section').boundingBox())!
    // A bottom sheet: the whole width, the eleven NPS points in two rows (test/e2e/phone.test.ts).
    expect(box.x).toBe(0)
    expect(box.width).toBe(320)
    expect(box.y + box.height).toBe(640)
    for (const button of await prompt.getByRole('button').all()) {
      const b = (await button.boundingBox())!
      expect(Math.min(b.width, b.height)).toBeGreaterThanOrEqual(24)
    }
    expect(await axeViolations(page)).toEqual([])
    await close()
  })

  it('right-to-left: mirrored corner, copy in the page language, arrows follow the reading direction', async () => {
    const { page, prompt, close } = await show(
      {
        id: 'rtl',
        questions: [{ id: 'q', type: 'rating', text: { en: 'How was it?', ar: 'كيف كانت تجربتك؟' }, scale: 5 }],
      },
      { lang: 'ar' },
    )
    await prompt.getByRole('dialog', { name: 'كيف كانت تجربتك؟' }).waitFor()
    expect(await prompt.getAttribute('dir')).toBe('rtl')
    expect((await prompt.locator('section').boundingBox())!.x).toBe(16)
    expect(await axeViolations(page)).toEqual([])
    await press(page, 'Tab', 'Tab', 'ArrowLeft', 'ArrowLeft', 'ArrowRight', 'Enter')
    // The UI strings are Arabic too (the locale file hetki-locale-ar.js).
    await expect.poll(() => prompt.getByRole('status').textContent()).toBe('شكرًا على إجابتك!')
    expect(await stored('rtl')).toEqual({ q: 2 })
    await close()
  })

  const background = (prompt: Awaited<ReturnType<typeof show>>['prompt']) => prompt.locator('section').evaluate((s) => getComputedStyle(s).backgroundColor)

  it('follows prefers-color-scheme: dark, and passes axe in dark', async () => {
    const { page, prompt, close } = await show(csat('dark'), {}, { colorScheme: 'dark' })
    expect(await background(prompt)).toBe('rgb(31, 33, 38)')
    expect(await axeViolations(page)).toEqual([])
    await close()
  })

  it('themes through custom properties from the config; mode forces light or dark', async () => {
    const theme = { mode: 'light', accent: '#0b6e4f', bg: '#fffdf5', 'dark-bg': '#000000', 'x;}:host{display:none': 'red' }
    const { page, prompt, close } = await show(
      { id: 'theme', theme, questions: [{ id: 't', type: 'text', text: 'Anything else?' }] },
      {},
      { colorScheme: 'dark' },
    )
    expect(await background(prompt)).toBe('rgb(255, 253, 245)')
    const send = prompt.getByRole('button', { name: 'Send' })
    expect(await send.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(11, 110, 79)')
    expect(await send.isVisible()).toBe(true)
    expect(await axeViolations(page)).toEqual([])
    await close()
    const dark = await show({ id: 'theme-dark', theme: { mode: 'dark', 'dark-bg': '#000000' }, questions: [{ id: 'q', template: 'csat' }] })
    expect(await background(dark.prompt)).toBe('rgb(0, 0, 0)')
    await dark.close()
  })

  it('does not animate under prefers-reduced-motion', async () => {
    const animation = async (reducedMotion: 'reduce' | 'no-preference') => {
      const { prompt, close } = await show(csat('motion-' + reducedMotion), {}, { reducedMotion })
      const name = await prompt.locator('section').evaluate((s) => getComputedStyle(s).animationName)
      await close()
      return name
    }
    expect(await animation('no-preference')).toBe('hetki-in')
    expect(await animation('reduce')).toBe('none')
  })

  it('takes the language from the browser when neither config nor page says', async () => {
    const { prompt, close } = await show(csat('browser-lang'), { lang: '' }, { locale: 'sv-SE' })
    await prompt.getByRole('dialog', { name: 'Hur nöjd är du?' }).waitFor()
    expect(await prompt.getByRole('button', { name: 'Stäng enkäten' }).count()).toBe(1)
    await close()
  })

  it('axe does report a problem inside the shadow root (so the zero counts above mean something)', async () => {
    const { page, close } = await show(csat('axe-check'))
    await page.evaluate(() => document.querySelector('hetki-survey')!.shadowRoot!.querySelector('section')!.append(document.createElement('button')))
    expect((await axeViolations(page)).join()).toContain('button-name')
    await close()
  })

  it('an inline survey whose target is missing does not show at all', async () => {
    const survey = { id: 'no-target', placement: 'inline', target: '#nowhere', questions: [{ id: 'q', template: 'csat' }] }
    fixtures.set('/fixture/no-target.html', widgetPage(survey, { config: { debug: true } }))
    const context = await env.browser.newContext()
    const page = await context.newPage()
    await page.goto(env.demo.url + '/fixture/no-target.html')
    await page.waitForFunction(() => 'hetki' in window)
    const verdict = waitSaid(page, (t) => t.includes('not shown: no target'))
    await page.evaluate(() => (window as any).hetki.track('go'))
    await verdict
    expect(await page.locator('hetki-survey').count()).toBe(0)
    await context.close()
  })
})
