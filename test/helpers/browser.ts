import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../fixtures/chromium.mjs'

export const launch = (): Promise<Browser> => launchChromium()

/** Collects what a page must never see from Hetki: uncaught errors and console errors. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push('pageerror: ' + e.message))
  page.on('console', (m) => {
    if (m.type() == 'error') errors.push('console: ' + m.text())
  })
  return errors
}
