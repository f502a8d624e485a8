// The generator (gen.ts) as a classic script for Chromium pages: payloads with cycles, Proxies and
// odd prototypes cannot cross page.evaluate, so the page makes them itself from the same seed.
import { buildSync } from 'esbuild'
import { resolve } from 'node:path'
import type { BrowserContext } from 'playwright-core'

let bundled: string | undefined

/** gen.ts bundled to a script that sets `window.HetkiFuzz`. */
export const generatorScript = (): string =>
  (bundled ??=
    buildSync({
      entryPoints: [resolve(__dirname, 'gen.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'HetkiFuzz',
      target: 'es2022',
      write: false,
    }).outputFiles[0]!.text + '\nwindow.HetkiFuzz = HetkiFuzz\n')

/**
 * Before any script of the page: the generator, and a record of what reaches the page that
 * Playwright's events may not name (unhandled rejections).
 */
export async function prepare(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: generatorScript() })
  await context.addInitScript(() => {
    const w = window as any
    w.rejections = []
    addEventListener('unhandledrejection', (e) => w.rejections.push(String(e.reason?.message ?? e.reason)))
  })
}

/** Runs `count` random API calls in the page from `seed`; resolves when they are made. */
export const fireInPage = (seed: number, count: number, names: string[], big: boolean) =>
  `(() => {
    const F = window.HetkiFuzz, h = window.hetki, r = F.rng(${seed}), names = ${JSON.stringify(names)}
    const ids = ['where', 'count', 'after', 'delayed', ...F.WEIRD_STRINGS]
    let made = 0
    for (let i = 0; i < ${count}; i++) {
      const k = r.int(100)
      try {
        if (k < 80) h.track(F.eventName(r, names), F.payload(r, ${big} && r.chance(0.02)))
        else if (k < 90) h.identify(r.chance(0.7) ? r.pick(F.WEIRD_STRINGS) : F.hostile(r, false), F.payload(r, false))
        else if (k < 94) h.show(r.chance(0.5) ? r.pick(ids) : F.hostile(r, false))
        else if (k < 96) h.consent(F.hostile(r, false))
        else if (k < 98) h.reset()
        else h.init(F.hostile(r, false))
        made++
      } catch (e) {
        window.thrown = (window.thrown || 0) + 1
      }
    }
    return made
  })()`

const ALLOWED = /^\[hetki\] invalid config, Hetki is disabled: /
/** Chromium's own network log, not a script's: a mutated `endpoint` or `widgetUrl` that 404s. */
const NETWORK = /^Failed to load resource: /

/** Console errors other than the one documented line a broken config gives (and the browser's log of a wrong URL). */
export const unexpected = (errors: string[]) => errors.filter((e) => !ALLOWED.test(e.replace(/^console: /, '')) && !NETWORK.test(e.replace(/^console: /, '')))
