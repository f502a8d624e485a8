// Firefox behind the engine-neutral interface (engine.d.mts): Debian's firefox-esr, driven by
// puppeteer-core over WebDriver BiDi (the protocol Firefox maintains; CDP support is gone from it).
// Headless. A profile is a BiDi user context (its own storage and cookies); a window is a
// top-level window of its own, never a tab: Firefox hides a background tab, and Hetki rightly
// never prompts there.
import { existsSync } from 'node:fs'
import puppeteer from 'puppeteer-core'

/** FIREFOX_PATH, else Debian's firefox-esr; a clear error naming the package when neither exists. */
export function firefoxPath() {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'
  if (!existsSync(path))
    throw new Error(`No Firefox at ${path}: install Debian's firefox-esr (apt-get install -y firefox-esr), or set FIREFOX_PATH to a Firefox binary.`)
  return path
}

/** @param {import('puppeteer-core').Page} page */
const wrap = (page) => ({
  goto: async (url) => void (await page.goto(url)),
  reload: async () => void (await page.reload()),
  evaluate: (fn, arg) => page.evaluate(fn, arg),
  click: (x, y) => page.mouse.click(x, y),
  // Puppeteer presses one key at a time: "Shift+Tab" holds the first while pressing the next.
  async press(combo) {
    // Puppeteer's BiDi keyboard knows the space bar as ' ' only.
    const keys = combo.split('+').map((k) => (k == 'Space' ? ' ' : k))
    for (const k of keys.slice(0, -1)) await page.keyboard.down(k)
    await page.keyboard.press(keys.at(-1))
    for (const k of keys.slice(0, -1).reverse()) await page.keyboard.up(k)
  },
  type: (text) => page.keyboard.type(text),
  screenshot: async () => Buffer.from(await page.screenshot()),
  close: () => page.close(),
})

/** Launches Firefox; `options.prefs` are extra about:config preferences. */
export async function launch(options = {}) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    defaultViewport: null,
    protocolTimeout: 60_000,
    extraPrefsFirefox: {
      // Loopback only on the test machines: no captive-portal or connectivity probes.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      ...options.prefs,
    },
  })
  return {
    name: 'firefox',
    version: await browser.version(),
    async profile({ width = 1280, height = 720 } = {}) {
      const context = await browser.createBrowserContext()
      return {
        open: async (url) => {
          const page = await context.newPage({ type: 'window' })
          await page.setViewport({ width, height })
          if (url) await page.goto(url)
          return wrap(page)
        },
        close: () => context.close(),
      }
    },
    close: () => browser.close(),
  }
}
