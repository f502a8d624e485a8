// Fuzzing Hetki in Chromium (docs/fuzzing.md): thousands of hostile track()/identify()/show()/
// consent()/reset() calls made inside the page from the seeded generator, and pages whose inline
// config is a mutated valid one. Nothing may reach the page: no pageerror, no unhandled rejection,
// no console error but the one documented "invalid config" line; Object.prototype stays clean;
// and a valid survey still shows afterwards and its answer reaches the collector.
import { afterAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { watchErrors } from '../helpers/browser'
import { useChromiumAndDemo } from '../helpers/setup'
import { bases, rich } from './configs'
import { BASE_SEED, mutate, rng, serialize, triggers } from './gen'
import { fireInPage, prepare, unexpected } from './inject'

const LONG = process.env.HETKI_FUZZ == 'long'
const SEED = process.env.HETKI_FUZZ_SEED ? +process.env.HETKI_FUZZ_SEED : BASE_SEED
const scale = (n: number) => (LONG ? n * 10 : n)
const counts = { configs: 0, payloads: 0, errors: 0 }

const env = useChromiumAndDemo()

afterAll(() =>
  console.log(
    `[fuzz chromium] seed ${SEED}${LONG ? ' (long)' : ''}: ${counts.configs} mutated config pages, ${counts.payloads} payloads, ${counts.errors} errors reaching the page`,
  ),
)

/** A path that makes backtracking globs work hard. */
const PATH = '/fuzz/' + 'a'.repeat(60)

const html = (configText: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fuzz</title><link rel="icon" href="data:,"></head>
<body><main><h1>Fuzz</h1><form id="f"><input name="x"></form><button>Go</button></main>
<script type="application/json" id="hetki-config">${configText.replace(/</g, '\\u003c')}</script>
<script src="/hetki/hetki.js"></script></body></html>`

/** What reached the page: Playwright's errors, unhandled rejections, exceptions thrown to the caller, prototype pollution. */
async function harm(page: Page, errors: string[]): Promise<string[]> {
  const inPage = await page.evaluate(() => {
    const w = window as any
    const out: string[] = w.rejections.map((r: string) => 'unhandled rejection: ' + r)
    if (w.thrown) out.push(w.thrown + ' exception(s) thrown to the caller')
    if (({} as any).polluted !== undefined || Object.keys(Object.prototype).length) out.push('Object.prototype polluted')
    return out
  })
  return [...unexpected(errors), ...inPage]
}

const pause = (page: Page, ms: number) => page.evaluate((t) => new Promise((done) => setTimeout(done, t)), ms)

describe('Hetki in Chromium under fuzzing', () => {
  const timeout = LONG ? 3_600_000 : 60_000

  it('lets no hostile call reach the page, and still shows a valid survey and delivers its answer', { timeout }, async () => {
    const N = scale(3000)
    const context = await env.browser.newContext()
    await prepare(context)
    const final = { id: 'final', trigger: { event: 'fuzz.final' }, questions: [{ id: 'q1', type: 'rating', scale: 5, text: 'Still there?' }] }
    const config = { ...rich, pacing: { maxPerSession: 1e9 }, surveys: [...rich.surveys, final] }
    await context.route(env.demo.url + PATH, (route) => route.fulfill({ contentType: 'text/html', body: html(JSON.stringify(config)) }))
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(env.demo.url + PATH)
    await page.waitForFunction(() => (window as any).hetki?.track)
    const names = triggers(config).filter((n) => n != 'fuzz.final')
    for (let done = 0, batch = 0; done < N; batch++) {
      counts.payloads += Number(await page.evaluate(fireInPage(SEED + batch, Math.min(500, N - done), names, true)))
      done += 500
      await pause(page, 50) // lets the engine, IndexedDB and the widget work between bursts
    }
    await pause(page, 500)
    expect(await harm(page, errors)).toEqual([])

    // Whatever came before: consent off (closes any prompt the fuzzing opened) and on, then a valid trigger.
    await page.evaluate(() => {
      const h = (window as any).hetki
      h.consent(false)
      h.consent(true)
      h.track('fuzz.final')
    })
    const prompt = page.locator('[data-hetki-survey="final"]')
    await prompt.getByRole('dialog').waitFor()
    await prompt.getByRole('button', { name: /^4\b/ }).click()
    await expect.poll(async () => (await env.demo.store.all()).filter((r) => r.survey_id == 'final' && r.answers.q1 == 4).length).toBe(1)
    const found = await harm(page, errors)
    counts.errors += found.length
    expect(found).toEqual([])
    await context.close()
  })

  it('lets no mutated config reach the page: at most the one "invalid config" line', { timeout }, async () => {
    const N = scale(30)
    const r = rng(SEED + 7)
    const context = await env.browser.newContext()
    await prepare(context)
    let body = ''
    await context.route(env.demo.url + PATH + '?*', (route) => route.fulfill({ contentType: 'text/html', body }))
    const page = await context.newPage()
    const errors = watchErrors(page)
    for (let i = 0; i < N; i++) {
      const base = bases[i % bases.length]!
      const config = mutate(r, base.config)
      if (config && typeof config == 'object' && r.chance(0.5)) config.debug = true
      body = html(serialize(config))
      errors.length = 0
      await page.goto(env.demo.url + PATH + '?config=' + i)
      await page.waitForFunction(() => (window as any).hetki?.track)
      const names = triggers(config)
      counts.payloads += Number(await page.evaluate(fireInPage(SEED + 1000 + i, 30, names, false)))
      // Every survey's trigger once, and the first survey on demand: the engine and widget run on the mutated config.
      await page.evaluate(
        (list) => {
          const h = (window as any).hetki
          for (const n of list) h.track(n, { plan: 'gold', amount: 50, tags: ['vip'], method: 'card' })
        },
        names.slice(0, 50),
      )
      await page.evaluate((id) => (window as any).hetki.show(id), String(config?.surveys?.[0]?.id))
      await pause(page, 300)
      counts.configs++
      const invalid = errors.filter((e) => e.includes('invalid config, Hetki is disabled')).length
      const found = await harm(page, errors)
      counts.errors += found.length
      expect(found, `config #${i} (seed ${SEED + 7}, from ${base.name}): ${body.slice(0, 400)}`).toEqual([])
      expect(invalid).toBeLessThanOrEqual(1)
    }
    await context.close()
  })
})
