/**
 * The script-tag entry (`dist/hetki.js`). It installs the API on `window.hetki`, replays the calls
 * the loader snippet queued, in order, and reads the config from `data-config` (a URL to JSON) or
 * from an inline `<script type="application/json" id="hetki-config">`.
 */
import * as api from './hetki'
import { setBase } from './chunks'
import { fail } from '../shared/log'
import { settle } from '../shared/guard'

type Call = [keyof typeof api, unknown[]]

const w = window as unknown as { hetki?: { q?: Call[] } }
const script = document.currentScript as HTMLScriptElement | null

const call = ([method, args]: Call): number => {
  const fn = api[method] as ((...a: unknown[]) => void) | undefined
  if (typeof fn === 'function') fn(...(args || []))
  return 0
}

// Install unless Hetki is already there (the script included twice). The snippet's stub is told
// apart by its queue: a Proxy stub answers every property, so only `q` being an array is a sure sign.
const stub = w.hetki
const queued = stub && Array.isArray(stub.q) ? stub.q : undefined
if (!stub || queued) {
  // The lazy chunks sit next to this script, wherever it is served from (a CDN, say).
  if (script && script.src) setBase(script.src)
  w.hetki = { ...api, version: '0.1.0' } as never
  if (queued) {
    for (const c of queued.splice(0)) call(c)
    // A page may still hold the stub from the snippet; whatever it pushes from now on runs at once.
    // Byte trick: reduce runs each call and returns 0, a number as push returns, in one expression.
    queued.push = (...calls: Call[]) => calls.reduce((_, c) => call(c), 0)
  }

  const url = script && script.getAttribute('data-config')
  const inline = document.getElementById('hetki-config')
  if (url) {
    settle(
      // Inside a then: a page's fetch replacement may throw synchronously.
      Promise.resolve()
        .then(() => fetch(url, { credentials: 'same-origin' }))
        .then((res) => (res.ok ? res.json() : Promise.reject(new Error('HTTP ' + res.status))))
        .then(api.init, (e: Error) => fail('the config at ' + url + ' could not be loaded (' + e.message + '), Hetki is disabled')),
    )
  } else if (inline) {
    let config: unknown
    try {
      config = JSON.parse(inline.textContent || '')
    } catch (e) {
      fail('the inline #hetki-config is not valid JSON (' + (e as Error).message + '), Hetki is disabled')
    }
    // In a task of its own, after the script's evaluation (docs/bench.md, start-up).
    if (config) setTimeout(api.init, 0, config)
  }
}
