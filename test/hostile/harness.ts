// Hostile host pages: a fixture server for them, and the one flow every page must still get
// through (the page's own script works, a survey shows, its answer reaches the collector) with
// nothing from Hetki in the page's errors, rejections or CSP violation reports.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { BrowserContextOptions, Page } from 'playwright-core'
import { expect } from 'vitest'
import { watchErrors } from '../helpers/browser'
import { useChromiumAndDemo, type Env } from '../helpers/setup'

/** The demo's policy, which is stricter than `default-src 'self'; style-src 'self'`. */
export const STRICT_CSP = "default-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'"

/** The page's own script: it must keep working whatever Hetki meets. A file, as the CSP forbids inline script. */
const HOST_JS = `window.hostOk = true; window.hostClicks = 0;
document.addEventListener('DOMContentLoaded', function () {
  var b = document.getElementById('host-button')
  b && b.addEventListener('click', function () { document.getElementById('host-out').textContent = 'clicked ' + ++window.hostClicks })
})`

/** Runs before any script of the page: records what the page would see (errors, rejections, CSP reports). */
function recorder() {
  const w = window as any
  const seen = (w.__seen = { errors: [] as string[], rejections: [] as string[], csp: [] as string[] })
  addEventListener('error', (e) => seen.errors.push(String((e as ErrorEvent).message || (e.target as Element)?.outerHTML)), true)
  addEventListener('unhandledrejection', (e) => seen.rejections.push(String(e.reason && (e.reason.stack || e.reason))))
  document.addEventListener('securitypolicyviolation', (e) => seen.csp.push(e.violatedDirective + ' ' + e.blockedURI))
}

export const yesno = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  trigger: { event: 'go' },
  questions: [{ id: 'q', type: 'yesno', text: 'Did it work?' }],
  ...extra,
})

export interface PageSpec {
  /** The config (endpoint /collect and the survey `yesno(name)` unless given). */
  config?: Record<string, unknown>
  /** The CSP header; null for none. */
  csp?: string | null
  /** `url` (data-config, the default) or `inline` (#hetki-config). */
  configBy?: 'url' | 'inline'
  /** Extra HTML in <head> before Hetki, and in <body>. */
  head?: string
  body?: string
  /** Replaces the Hetki script tag (e.g. the loader snippet, twice the script). */
  hetki?: string
  /** Runs in the page before any of its scripts (the hostile part: patched globals, missing APIs). */
  before?: () => void
  context?: BrowserContextOptions
}

export interface Opened {
  page: Page
  name: string
  /** Every URL the page requested, in order. */
  requests: string[]
  /** Page errors, console errors, uncaught errors, unhandled rejections and CSP reports. */
  problems(): Promise<string[]>
  close(): Promise<void>
}

/**
 * One Chromium and the demo for a file, plus a server for its hostile pages: `/hostile/<name>.html`
 * with its config at `/hostile/<name>.json`, and extra files a test registers (`files`).
 */
export function useHostile() {
  const files = new Map<string, { type: string; body: string; headers?: Record<string, string> }>()
  files.set('/hostile/host.js', { type: 'text/javascript', body: HOST_JS })
  files.set('/favicon.ico', { type: 'image/x-icon', body: '' })
  /** Requests a test answers itself (a slow endpoint); return true when handled. */
  const hooks: ((req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>)[] = []
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    for (const hook of hooks) if (await hook(req, res)) return true
    const path = new URL(req.url!, 'http://x').pathname
    const file = files.get(path)
    if (!file) return false
    res.writeHead(200, { 'content-type': file.type + '; charset=utf-8', 'cache-control': 'no-store', ...file.headers })
    res.end(file.body)
    return true
  }
  const env: Env = useChromiumAndDemo(handle)
  let n = 0

  async function open(name: string, spec: PageSpec = {}): Promise<Opened> {
    name = name + '-' + ++n
    const config = { endpoint: '/collect', surveys: [yesno(name)], ...spec.config }
    const json = JSON.stringify(config)
    const tag =
      spec.hetki ??
      (spec.configBy == 'inline'
        ? `<script type="application/json" id="hetki-config">${json.replace(/</g, '\\u003c')}</script><script async src="/hetki/hetki.js"></script>`
        : `<script async src="/hetki/hetki.js" data-config="/hostile/${name}.json"></script>`)
    const csp = spec.csp === undefined ? STRICT_CSP : spec.csp
    files.set('/hostile/' + name + '.json', { type: 'application/json', body: json })
    files.set('/hostile/' + name + '.html', {
      type: 'text/html',
      headers: csp ? { 'content-security-policy': csp } : {},
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile: ${name}</title>
<script src="/hostile/host.js"></script>
${spec.head || ''}
${tag}
</head><body><main><h1>Shop</h1><button id="host-button">Buy</button><output id="host-out"></output>${spec.body || ''}</main></body></html>`,
    })
    const context = await env.browser.newContext(spec.context)
    const page = await context.newPage()
    const errors = watchErrors(page)
    const requests: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    await page.addInitScript(recorder)
    if (spec.before) await page.addInitScript(spec.before)
    await page.goto(env.demo.url + '/hostile/' + name + '.html')
    return {
      page,
      name,
      requests,
      async problems() {
        const seen = await page.evaluate(() => (window as any).__seen).catch(() => ({ errors: ['the page is gone'], rejections: [], csp: [] }))
        return [
          ...errors,
          ...seen.errors.map((e: string) => 'error: ' + e),
          ...seen.rejections.map((e: string) => 'rejection: ' + e),
          ...seen.csp.map((e: string) => 'csp: ' + e),
        ]
      },
      close: () => context.close(),
    }
  }

  /** Resolves once `window.hetki` is the real API (not the snippet's queue). */
  const ready = (page: Page) => page.waitForFunction(() => typeof (window as any).hetki?.on == 'function' && !(window as any).hetki.q)

  /** The page's own script still works: its button answers a click. */
  async function hostWorks(page: Page) {
    expect(await page.evaluate(() => (window as any).hostOk)).toBe(true)
    const before = await page.evaluate(() => (window as any).hostClicks)
    await page.locator('#host-button').click()
    await expect.poll(() => page.locator('#host-out').textContent()).toBe('clicked ' + (before + 1))
  }

  /** The collector's record for this survey, once it holds a completed one. */
  async function stored(surveyId: string, timeout = 10_000) {
    const find = async () => (await env.demo.store.all()).find((r) => r.survey_id == surveyId && r.completed)
    await expect.poll(find, { timeout }).toBeTruthy()
    return (await find())!
  }

  /** The whole flow a customer notices: the trigger shows the survey, a click answers it, the collector stores it. */
  async function answers(o: Opened, surveyId = o.name, props?: Record<string, unknown>) {
    await ready(o.page)
    await hostWorks(o.page)
    await o.page.evaluate((props) => (window as any).hetki.track('go', props), props)
    const prompt = o.page.locator(`[data-hetki-survey="${surveyId}"]`)
    await prompt.getByRole('button', { name: 'Yes' }).click()
    await expect.poll(() => prompt.getByRole('status').textContent()).toBe('Thank you for your answer!')
    const record = await stored(surveyId)
    expect(record.answers).toEqual({ q: true })
    await hostWorks(o.page)
    return record
  }

  return { env, files, hooks, open, ready, hostWorks, stored, answers }
}
