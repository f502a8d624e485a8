// Hostile pages, part 1: a strict CSP (with and without Trusted Types) and hostile global CSS, on
// the whole flow: config by URL, the trigger, the engine, widget, sources and delivery chunks, the
// answer at the collector. Widget-only CSS/CSP cases are in test/e2e/widget-safety.test.ts.
import { describe, expect, it } from 'vitest'
import { STRICT_CSP, useHostile } from './harness'

const h = useHostile()

/** Every chunk, so that each is loaded under the page's policy. */
const whole = { sources: { pageViews: true }, journey: { props: ['plan'] } }

const chunks = (requests: string[]) => [...new Set(requests.filter((u) => u.includes('/hetki/')).map((u) => new URL(u).pathname))].sort()

describe('a strict Content Security Policy', () => {
  const policies: [string, string][] = [
    ["default-src 'self'; style-src 'self'", STRICT_CSP],
    ["with Trusted Types required (trusted-types 'none')", STRICT_CSP + "; require-trusted-types-for 'script'; trusted-types 'none'"],
    ['with Trusted Types required and a named policy of the page', STRICT_CSP + "; require-trusted-types-for 'script'; trusted-types shop"],
  ]
  it.each(policies)('%s: the whole flow works and the page gets no violation report', async (_, csp) => {
    const o = await h.open('csp', { csp, config: whole })
    await h.answers(o)
    expect(chunks(o.requests)).toEqual([
      '/hetki/hetki-delivery.js',
      '/hetki/hetki-engine.js',
      '/hetki/hetki-sources.js',
      '/hetki/hetki-widget.js',
      '/hetki/hetki.js',
    ])
    expect(await o.problems()).toEqual([])
    // The policy is in force: the page's own inline script is refused, and reported.
    await o.page.evaluate(() => {
      // Under Trusted Types the assignment itself throws (and is reported).
      try {
        const s = document.createElement('script')
        s.textContent = 'window.inlineRan = 1'
        document.head.append(s)
      } catch {}
    })
    await expect.poll(async () => (await o.problems()).length).toBeGreaterThan(0)
    expect(await o.page.evaluate(() => (window as any).inlineRan)).toBeUndefined()
    await o.close()
  })
})

/**
 * What a page's CSS can and cannot do. It cannot reach into the shadow root, and it cannot hide,
 * move or shrink the prompt with rules on `hetki-survey` (the `:host` reset is `!important`, and
 * for important rules the shadow tree wins). It can theme it through the `--hetki-*` custom
 * properties, which inherit by design.
 */
const HOSTILE_CSS = `
* { all: unset !important; }
html, body { font-size: 64px !important; line-height: 3 !important; font-family: serif !important; }
hetki-survey, [data-hetki-survey], body > hetki-survey { display: none !important; visibility: hidden !important; opacity: 0 !important;
  position: absolute !important; left: -9999px !important; transform: scale(0) !important; width: 0 !important; height: 0 !important;
  overflow: hidden !important; clip-path: inset(50%) !important; pointer-events: none !important; z-index: -1 !important; }
hetki-survey *, section, h2, p, span, div { display: none !important; }
button { font-size: 80px !important; width: 10px !important; height: 10px !important; display: none !important; }
:host { display: none !important; }
main, main * { display: block !important; }
:root { --hetki-accent: rgb(200, 0, 0); }
`

describe('hostile global CSS', () => {
  it('does not hide, move or restyle the prompt; the whole flow works; the page keeps its own styles; --hetki-* theme it', async () => {
    h.files.set('/hostile/hostile.css', { type: 'text/css', body: HOSTILE_CSS })
    const o = await h.open('css', { config: whole, head: '<link rel="stylesheet" href="/hostile/hostile.css">' })
    await h.ready(o.page)
    expect(await o.page.locator('h1').evaluate((e) => getComputedStyle(e).fontSize)).toBe('64px')
    await o.page.evaluate(() => (window as any).hetki.track('go'))
    const prompt = o.page.locator(`[data-hetki-survey="${o.name}"]`)
    const yes = prompt.getByRole('button', { name: 'Yes' })
    await yes.waitFor()
    // Measured where the card rests, not halfway through its entrance.
    await prompt.locator('section').evaluate((s) => Promise.all(s.getAnimations().map((a) => a.finished)))
    const card = (await prompt.locator('section').boundingBox())!
    expect(card.width).toBe(360)
    expect(card.x + card.width).toBeCloseTo(1280 - 16, 0)
    expect(card.y + card.height).toBeCloseTo(720 - 16, 0)
    expect(await yes.evaluate((b) => getComputedStyle(b).fontSize)).toBe('15px')
    // The one thing a page may change: the documented theme properties.
    expect(await prompt.locator('section').evaluate((s) => getComputedStyle(s).getPropertyValue('--accent').trim())).toBe('rgb(200, 0, 0)')
    // A real click at the card's place, so nothing of the page sits on top of it.
    const b = (await yes.boundingBox())!
    await o.page.mouse.click(b.x + b.width / 2, b.y + b.height / 2)
    await expect.poll(() => prompt.getByRole('status').textContent()).toBe('Thank you for your answer!')
    expect((await h.stored(o.name)).answers).toEqual({ q: true })
    await h.hostWorks(o.page)
    expect(await o.problems()).toEqual([])
    await o.close()
  })
})
