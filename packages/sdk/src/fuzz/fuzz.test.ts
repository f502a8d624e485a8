// Fuzzing the core in happy-dom (docs/fuzzing.md): thousands of mutated configs and hostile
// track()/identify() payloads. Nothing may escape to the page (no exception, no unhandled
// rejection, no console error but the one "invalid config" line), Object.prototype stays clean,
// and a valid survey still shows and its answer is still sent afterwards. Seeded: a failure
// prints its seed, and HETKI_FUZZ_SEED=<seed> replays it; HETKI_FUZZ=long runs ten times more.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { BASE_SEED, eventName, hostile, mutate, payload, rng, serialize, triggers, WEIRD_STRINGS } from '../../../../test/fuzz/gen'
import { bases, rich } from '../../../../test/fuzz/configs'
import { checkConfig } from '../pure/config/check'
import type { Config } from '../pure/config/types'
import { touchEvent } from '../pure/journey/event'
import { mergeHistory, remember, type History } from '../pure/journey/history'
import { extend, mergeTrail, type TrailEntry } from '../pure/journey/trail'
import { describe as describeRecord } from '../engine/describe'
import { decide } from '../pure/rules/decide'
import { explain } from '../pure/rules/words'
import { plan } from '../pure/rules/plan'

const LONG = process.env.HETKI_FUZZ === 'long'
const SEED = process.env.HETKI_FUZZ_SEED ? +process.env.HETKI_FUZZ_SEED : BASE_SEED
const scale = (n: number) => (LONG ? n * 10 : n)
const counts = { configs: 0, configsInit: 0, payloads: 0, escaped: 0 }

// What reaches the "page": exceptions thrown to the caller, unhandled rejections, window errors, console errors.
const escaped: string[] = []
const onRejection = (e: unknown) => escaped.push('unhandled rejection: ' + String((e as Error)?.message ?? e))
const onWindowError = (e: Event) => escaped.push('window error: ' + String((e as ErrorEvent).message))
let consoleError: ReturnType<typeof vi.spyOn>
beforeAll(() => {
  process.on('unhandledRejection', onRejection)
  window.addEventListener('error', onWindowError)
  window.addEventListener('unhandledrejection', onWindowError)
})
afterAll(() => {
  process.off('unhandledRejection', onRejection)
  window.removeEventListener('error', onWindowError)
  window.removeEventListener('unhandledrejection', onWindowError)
  console.log(
    `[fuzz unit] seed ${SEED}${LONG ? ' (long)' : ''}: ${counts.configs} configs through the pipeline, ${counts.configsInit} through init(), ` +
      `${counts.payloads} payloads, ${counts.escaped} errors reaching the page`,
  )
})
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => consoleError.mockRestore())

const polluted = () => Object.keys(Object.prototype).length + Object.keys(Array.prototype).length + ({} as any).polluted

const ctx = (now: number) => ({
  now,
  path: '/fuzz/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  device: 'desktop' as const,
  lang: 'en',
  user: {},
  personId: 'p',
})

const texts = (v: unknown) => v === undefined || (Array.isArray(v) && v.every((u) => typeof u === 'string'))
/**
 * Shapes the core's structural check does not cover and the journey stage cannot read: touchpoint
 * `events` / `urls` or `journey.props` that are not lists of texts. They pass the check and break
 * the trail (caught: nothing reaches the page); the one known gap (docs/fuzzing.md).
 */
const oddShapes = (c: any) => (Array.isArray(c.touchpoints) && c.touchpoints.some((t: any) => !texts(t?.events) || !texts(t?.urls))) || !texts(c.journey?.props)

describe('mutated configs', () => {
  it('never break the pipeline pieces: check, plan, decide, explain, journey, records', { timeout: LONG ? 3_600_000 : 60_000 }, () => {
    const r = rng(SEED)
    const N = scale(2000)
    let checked = 0
    for (let i = 0; i < N; i++) {
      const base = bases[i % bases.length]!
      const text = serialize(mutate(r, base.config))
      const config = JSON.parse(text)
      const at = `config #${i} (seed ${SEED}, from ${base.name}): ${text.slice(0, 300)}`
      counts.configs++
      let problem: string | undefined
      expect(() => (problem = checkConfig(config)), at).not.toThrow()
      if (problem) continue
      checked++
      // It passed the structural check: everything downstream must hold up.
      const c = config as Config
      const p = plan(c)
      const names = triggers(c)
      const history: History = {}
      const trail: TrailEntry[] = []
      const T0 = Date.parse('2026-11-23T12:00:00Z')
      for (let j = 0; j < 6; j++) {
        const name = String(names.length ? r.pick(names) : 'x')
        const props = r.chance(0.5) ? { plan: 'gold', amount: 50, tags: ['vip'], method: 'card' } : payload(r, false)
        let e
        try {
          e = touchEvent(name, props, T0 + j * 1000)
        } catch {
          continue // props that cannot even be copied (a throwing Proxy): track() drops the event, inside its guard
        }
        const decisions = decide(p, e, history, ctx(e.at))
        decisions.forEach(explain)
        remember(history, e, p.watched)
        try {
          extend(trail, e, c, ctx(e.at).path)
        } catch (error) {
          // The one known gap: caught by the API's guard, but the trail stops growing (docs/fuzzing.md).
          if (!oddShapes(c)) throw new Error(at, { cause: error })
        }
      }
      expect(mergeHistory(history, history)).toBeTypeOf('object')
      expect(mergeTrail(trail, trail, 20).length).toBeLessThanOrEqual(20)
      for (const s of c.surveys.slice(0, 5)) describeRecord(c, s, 'r', 'en', [], 'u')
    }
    expect({} as any).not.toHaveProperty('polluted')
    expect(Object.keys(Object.prototype)).toEqual([])
    expect(counts.configs).toBe(N)
    // The mutations are not all fatal: a good share passes the check and runs.
    expect(checked).toBeGreaterThan(N / 5)
  })
})

// ---- through the public API ------------------------------------------------------------------

/** A scripted widget: answers 4 to the first question as soon as it is mounted, then closes. */
const widget = {
  mounted: [] as string[],
  mount(
    _host: HTMLElement,
    o: { survey: { id: string; questions: { id: string }[] }; onAnswer(q: string, v: unknown, last: boolean): void; onClose(reason: string): void },
  ) {
    widget.mounted.push(o.survey.id)
    queueMicrotask(() => (o.onAnswer(o.survey.questions[0]!.id, 4, true), o.onClose('completed')))
    return () => {}
  },
}

/** A fresh copy of the API (it is a singleton) whose lazy chunks are the real engine, sender and sources, and the scripted widget. */
async function freshApi() {
  vi.doMock('../core/load', () => ({
    importOnce: async (url: string) =>
      url.endsWith('hetki-engine.js')
        ? import('../engine')
        : url.endsWith('hetki-delivery.js')
          ? import('../sender')
          : url.endsWith('hetki-sources.js')
            ? import('../sources')
            : widget,
  }))
  vi.resetModules()
  return import('../core/hetki')
}

/** Lets the lazy imports, IndexedDB and timers of the last calls run. */
const settleDown = async () => {
  for (let i = 0; i < 5; i++) await new Promise((done) => setTimeout(done, 0))
}

type Api = Awaited<ReturnType<typeof freshApi>>

/** One random call of the public API, as a page might make it; counts anything that escapes. */
function hostileCall(r: ReturnType<typeof rng>, api: Api, names: string[], big: boolean) {
  const k = r.int(100)
  try {
    if (k < 80) api.track(eventName(r, names) as string, payload(r, big) as never)
    else if (k < 90) api.identify((r.chance(0.7) ? r.pick(WEIRD_STRINGS) : hostile(r, false)) as string, payload(r, big) as never)
    else if (k < 94) api.show((r.chance(0.5) ? r.pick(['where', 'count', 'after', 'delayed', ...WEIRD_STRINGS]) : hostile(r, false)) as string)
    else if (k < 96) api.consent(hostile(r, false) as boolean)
    else if (k < 98) api.reset()
    else api.init(hostile(r, false) as never)
    counts.payloads++
  } catch (e) {
    escaped.push('thrown: ' + String((e as Error)?.message ?? e))
  }
}

const invalidConfig = (call: unknown[]) => String(call[0]).startsWith('[hetki] invalid config, Hetki is disabled: ')

describe('the public API', () => {
  beforeAll(() => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{}', { status: 200 })),
    )
  })
  afterAll(() => {
    vi.unstubAllGlobals()
    vi.doUnmock('../core/load')
  })

  it('lets nothing reach the page whatever track(), identify() and the rest get, and still shows a valid survey after', {
    timeout: LONG ? 3_600_000 : 60_000,
  }, async () => {
    const r = rng(SEED + 2)
    const N = scale(10_000)
    const api = await freshApi()
    const final = { id: 'final', trigger: { event: 'fuzz.final' }, questions: [{ id: 'q1', type: 'rating', text: 'Still there?' }] }
    // The session cap would (rightly) refuse the last survey after thousands of prompts.
    api.init({ ...rich, pacing: { maxPerSession: 1e9 }, surveys: [...rich.surveys, final] } as Config)
    const seen: string[] = []
    api.on('survey:shown', (e) => seen.push('shown ' + e.surveyId))
    api.on('response:sent', (e) => seen.push('sent ' + e.surveyId))
    const names = triggers(rich)
    for (let i = 0; i < N; i++) {
      hostileCall(r, api, names, r.chance(0.02))
      if (i % 250 === 0) await settleDown()
    }
    await settleDown()
    // Whatever came before, consent back on and a valid trigger: the survey shows and its answer is sent.
    api.consent(true)
    api.track('fuzz.final')
    await vi.waitFor(() => expect(seen).toContain('sent final'), { timeout: 10_000 })
    expect(seen).toContain('shown final')
    expect(consoleError).not.toHaveBeenCalled()
    expect({} as any).not.toHaveProperty('polluted')
    expect(Object.keys(Object.prototype)).toEqual([])
    counts.escaped += escaped.length
    expect(escaped).toEqual([])
  })

  // Runs last: its hundreds of runtimes share one fake IndexedDB, and a consent(false) in one that never
  // opened it leaves a deleteDatabase pending behind the others' open connections (docs/fuzzing.md, gaps).
  it('lets nothing reach the page whatever config init() gets', { timeout: LONG ? 3_600_000 : 60_000 }, async () => {
    const r = rng(SEED + 1)
    const N = scale(300)
    for (let i = 0; i < N; i++) {
      const base = bases[i % bases.length]!
      const config = JSON.parse(serialize(mutate(r, base.config)))
      const api = await freshApi()
      consoleError.mockClear()
      const before = escaped.length
      try {
        api.init(config, r.chance(0.2) ? { transport: async () => ({ ok: true }) as never } : undefined)
      } catch (e) {
        escaped.push('thrown by init: ' + String(e))
      }
      const names = triggers(config)
      for (let j = 0; j < 20; j++) hostileCall(r, api, names, false)
      await settleDown()
      counts.configsInit++
      const errors = consoleError.mock.calls.filter((c: unknown[]) => !invalidConfig(c))
      escaped.push(...errors.map((c: unknown[]) => 'console.error: ' + String(c[0])))
      expect(consoleError.mock.calls.filter(invalidConfig).length).toBeLessThanOrEqual(1)
      expect(escaped.slice(before), `config #${i} (seed ${SEED + 1}, from ${base.name})`).toEqual([])
    }
    expect({} as any).not.toHaveProperty('polluted')
    counts.escaped += escaped.length
  })
})
