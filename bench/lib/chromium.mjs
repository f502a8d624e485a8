// Chromium for the benchmarks: the tests' launcher (test/fixtures/chromium.mjs), and a wait for lazy loads.
export { launchChromium } from '../../test/fixtures/chromium.mjs'

/** Waits until the page has made no request for `quiet` ms (at most `max` ms): lazy loads settle. */
export async function settle(page, quiet = 500, max = 4000) {
  let last = Date.now()
  const seen = () => (last = Date.now())
  page.on('request', seen)
  const start = Date.now()
  while (Date.now() - last < quiet && Date.now() - start < max) await page.waitForTimeout(100)
  page.off('request', seen)
}
