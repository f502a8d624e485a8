// Debian's Chromium via playwright-core, with the flags of test/helpers/browser.ts.
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']

export function launchChromium() {
  const path = process.env.CHROME_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync)
  if (!path) throw new Error('No Chromium: apt-get install -y chromium, or set CHROME_PATH')
  return chromium.launch({ executablePath: path, headless: true, args: FLAGS })
}

/** Waits until the page has made no request for `quiet` ms (at most `max` ms): lazy loads settle. */
export async function settle(page, quiet = 500, max = 4000) {
  let last = Date.now()
  const seen = () => (last = Date.now())
  page.on('request', seen)
  const start = Date.now()
  while (Date.now() - last < quiet && Date.now() - start < max) await page.waitForTimeout(100)
  page.off('request', seen)
}
