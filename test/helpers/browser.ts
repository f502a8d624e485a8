import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'

/** Flags for Debian's Chromium on a machine with no network but loopback. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']

export function chromePath(): string {
  const path = process.env.CHROME_PATH || CANDIDATES.find((p) => existsSync(p))
  if (!path || !existsSync(path))
    throw new Error(
      'No Chromium found for the end-to-end tests. Install it (apt-get install -y chromium) or set CHROME_PATH to a Chromium binary.',
    )
  return path
}

export const launch = (): Promise<Browser> =>
  chromium.launch({ executablePath: chromePath(), headless: true, args: FLAGS })

/** Collects what a page must never see from Hetki: uncaught errors and console errors. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push('pageerror: ' + e.message))
  page.on('console', (m) => {
    if (m.type() == 'error') errors.push('console: ' + m.text())
  })
  return errors
}
