// The engine suites' pages, served next to the real demo collector (its `handle` hook): a page per
// test with an inline or URL config, the demo's strict CSP unless told otherwise, and, before Hetki,
// the recorder (what the page saw: errors, rejections, CSP reports, console lines, pacing
// verdicts) and any scripts that take an API away. Everything a test needs in the page arrives as
// a file of the origin, so it works under the strictest CSP and in every engine alike (WebDriver
// classic has no init scripts).
import type { IncomingMessage, ServerResponse } from 'node:http'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { CSP } from '../fixtures/pages.mjs'

/** Runs in the page before any other script: keeps what the page saw in `window.__seen`. */
function recorder() {
  const w = window as any
  const seen = (w.__seen = {
    errors: [] as string[],
    rejections: [] as string[],
    csp: [] as string[],
    log: [] as string[],
    args: [] as unknown[],
    verdicts: [] as unknown[],
  })
  addEventListener('error', (e) => seen.errors.push(String((e as ErrorEvent).message || (e.target as Element)?.outerHTML)), true)
  addEventListener('unhandledrejection', (e) => seen.rejections.push(String(e.reason && (e.reason.stack || e.reason))))
  document.addEventListener('securitypolicyviolation', (e) => seen.csp.push(e.violatedDirective + ' ' + e.blockedURI))
  const show = (a: unknown) => {
    if (typeof a == 'string') return a
    if (a instanceof Error) return String(a)
    try {
      return JSON.stringify(a)
    } catch {
      return String(a)
    }
  }
  const clone = (a: unknown) => {
    try {
      return typeof a == 'string' ? a : a instanceof Error ? String(a) : JSON.parse(JSON.stringify(a) ?? 'null')
    } catch {
      return String(a)
    }
  }
  for (const level of ['debug', 'log', 'info', 'warn', 'error'] as const) {
    const original = console[level]
    console[level] = function (this: Console, ...args: unknown[]) {
      try {
        seen.log.push(level + ': ' + args.map(show).join(' '))
        // The same line as JSON values: the SDK logs its reasons as data, which the tests word
        // with its own wording module (setup.ts's said).
        seen.args.push([level, args.map(clone)])
        const verdict = args[3] as { step?: string; pass?: boolean; why?: unknown } | undefined
        // The debug trace's pacing verdict: [survey id, pass, why].
        if (args[0] == '[hetki]' && args[1] == 'survey' && verdict?.step == 'pacing') seen.verdicts.push([args[2], verdict.pass, verdict.why])
      } catch {}
      return original.apply(this, args)
    }
  }
}

/**
 * APIs a test can take away before Hetki loads, each as old or unusual engines lack it. The
 * constructable stylesheets go as in Safari before 16.4: `new CSSStyleSheet()` throws and there is
 * no `adoptedStyleSheets`.
 */
export const WITHOUT = {
  locks: 'delete Navigator.prototype.locks',
  broadcastchannel: 'delete window.BroadcastChannel',
  'idb-commit': 'delete IDBTransaction.prototype.commit',
  'constructable-stylesheets': `{
    const Native = CSSStyleSheet
    const Fake = function CSSStyleSheet() { throw new TypeError('Illegal constructor') }
    Fake.prototype = Native.prototype
    window.CSSStyleSheet = Fake
    delete Document.prototype.adoptedStyleSheets
    delete ShadowRoot.prototype.adoptedStyleSheets
  }`,
  'abortsignal-timeout': 'delete AbortSignal.timeout',
  sendbeacon: 'delete Navigator.prototype.sendBeacon',
} as const
export type Api = keyof typeof WITHOUT

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export interface PageSpec {
  /** The config; `endpoint: '/collect'` unless it says otherwise. */
  config?: Record<string, unknown>
  /** By URL (data-config, the default) or inline (#hetki-config). */
  configBy?: 'url' | 'inline'
  /** The CSP header: the demo's strict policy unless given; null for none. */
  csp?: string | null
  /** The page's `lang`. */
  lang?: string
  /** Extra HTML at the end of <head> (before Hetki), and in <main>. */
  head?: string
  body?: string
  /** APIs removed before Hetki loads. */
  without?: Api[]
  /** Load axe-core (as a file of the origin) for dom.ts's axeViolations. */
  axe?: boolean
  /** The page's Cache-Control, `no-store` unless given (Firefox keeps no such page in its back/forward cache). */
  cacheControl?: string
}

interface File {
  type: string
  body: string
  headers?: Record<string, string>
}

/** A request hook serving the engine suites' pages and files; `page()` registers one and returns its path. */
export function enginePages() {
  const files = new Map<string, File>([
    ['/engines/recorder.js', { type: 'text/javascript', body: `(${recorder})()` }],
    ['/engines/axe.js', { type: 'text/javascript', body: AXE }],
    ['/favicon.ico', { type: 'image/x-icon', body: '' }],
    ...Object.entries(WITHOUT).map(([api, js]) => [`/engines/without/${api}.js`, { type: 'text/javascript', body: js + '\n' }] as [string, File]),
  ])
  let n = 0
  return {
    files,
    /** Registers a page; returns its path (unique per call: `name` plus a counter). */
    page(name: string, spec: PageSpec = {}): string {
      const id = `${name}-${++n}`
      const config = { endpoint: '/collect', ...spec.config }
      const json = JSON.stringify(config)
      const csp = spec.csp === undefined ? CSP : spec.csp
      files.set(`/engines/${id}.json`, { type: 'application/json', body: json })
      const tag =
        spec.configBy == 'inline'
          ? `<script type="application/json" id="hetki-config">${json.replace(/</g, '\\u003c')}</script><script async src="/hetki/hetki.js"></script>`
          : `<script async src="/hetki/hetki.js" data-config="/engines/${id}.json"></script>`
      files.set(`/engines/${id}.html`, {
        type: 'text/html',
        headers: { ...(csp && { 'content-security-policy': csp }), ...(spec.cacheControl && { 'cache-control': spec.cacheControl }) },
        body: `<!doctype html><html lang="${spec.lang ?? 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${name}</title>
<script src="/engines/recorder.js"></script>
${(spec.without ?? []).map((api) => `<script src="/engines/without/${api}.js"></script>`).join('\n')}
${spec.axe ? '<script src="/engines/axe.js"></script>' : ''}
${spec.head ?? ''}
${tag}
</head><body><main><h1>${name}</h1>${spec.body ?? ''}</main></body></html>`,
      })
      return `/engines/${id}.html`
    },
    handle(req: IncomingMessage, res: ServerResponse): boolean {
      const file = files.get(new URL(req.url!, 'http://x').pathname)
      if (!file || req.method != 'GET') return false
      res.writeHead(200, { 'content-type': file.type + '; charset=utf-8', 'cache-control': 'no-store', ...file.headers })
      res.end(file.body)
      return true
    },
  }
}
