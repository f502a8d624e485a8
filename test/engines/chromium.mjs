// Chromium behind the engine-neutral interface (engine.d.mts), from the tests' own launcher
// (test/fixtures/chromium.mjs): playwright-core over CDP, headless. A profile is a browser context,
// a window a page of it (headless Chromium draws every page as visible).
import { launchChromium } from '../fixtures/chromium.mjs'

/** @param {import('playwright-core').Page} page */
const wrap = (page) => ({
  goto: async (url) => void (await page.goto(url)),
  reload: async () => void (await page.reload()),
  evaluate: (fn, arg) => page.evaluate(fn, arg),
  click: (x, y) => page.mouse.click(x, y),
  press: (key) => page.keyboard.press(key),
  type: (text) => page.keyboard.type(text),
  screenshot: () => page.screenshot(),
  close: () => page.close(),
})

/** Launches Debian's Chromium; `options.args` are extra command-line flags. */
export async function launch(options = {}) {
  const browser = await launchChromium(options.args ?? [])
  return {
    name: 'chromium',
    version: browser.version(),
    async profile({ width = 1280, height = 720 } = {}) {
      const context = await browser.newContext({ viewport: { width, height } })
      return {
        open: async (url) => {
          const page = await context.newPage()
          if (url) await page.goto(url)
          return wrap(page)
        },
        close: () => context.close(),
      }
    },
    close: () => browser.close(),
  }
}
