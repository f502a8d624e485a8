// Bugs the fuzzers found (docs/fuzzing.md), each pinned by the smallest input that showed it.
import { describe, expect, it, vi } from 'vitest'
import { checkConfig } from '../pure/config/check'
import type { Config } from '../pure/config/types'
import { touchEvent } from '../pure/journey/event'
import { createJourney, JOURNEY_KEY, type JourneyState } from '../core/journey'
import { extend, keepOf, mergeTrail, type TrailEntry } from '../pure/journey/trail'
import { decide } from '../pure/rules/decide'
import { startSources } from '../sources'
import { plan } from '../pure/rules/plan'
import { openStore } from '../shared/store'
import { glob } from '../pure/rules/glob'

describe('page-path patterns', () => {
  it('match as documented', () => {
    expect(glob('/fi/*', '/fi/apua')).toBe(true)
    expect(glob('/fi/*', '/en/help')).toBe(false)
    expect(glob('/help', '/help/more')).toBe(false)
    expect(glob('/a.b', '/aXb')).toBe(false)
    expect(glob('*', '')).toBe(true)
    expect(glob('/a*b*c', '/aXbYc')).toBe(true)
    expect(glob('/a*b*c', '/aXbYcZ')).toBe(false)
    expect(glob('*a*a*b', '/aab')).toBe(true)
    expect(glob('a*a', 'a')).toBe(false)
    expect(glob('(a+)+$', '(a+)+$')).toBe(true)
    expect(glob('[', '[')).toBe(true)
  })

  it('answer at once for patterns that made the backtracking regex freeze the page', () => {
    // Found by the config fuzzer: with one `.*` per star, this pattern on a long path of a's
    // backtracked for longer than any test could wait, the page's main thread blocked meanwhile.
    const path = '/' + 'a'.repeat(60)
    expect(glob('*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b', path)).toBe(false)
    expect(glob('/*/*/*/*/*/*/*/*/*/*/*/*/*/*/*/*/*/*/*/*x', '/'.repeat(60))).toBe(false)
    expect(glob('*'.repeat(2000) + 'x', 'a'.repeat(2000))).toBe(false)
  })
})

describe('the structural check', () => {
  it('refuses, rather than throws on, JSON whose objects stand where text belongs and cannot become text', () => {
    // {"toString": 1} is valid JSON; turning it into text throws ("Cannot convert object to primitive value").
    const q = { id: 'q', template: { toString: 1 } }
    expect(checkConfig({ surveys: [{ id: 's', questions: [q] }] })).toBe('the config must be plain JSON')
    expect(checkConfig({ surveys: [{ id: 's', delay: { toString: 1 }, questions: [{ id: 'q', type: 'rating', text: 'Q' }] }] })).toBe(
      'the config must be plain JSON',
    )
  })

  it('so that init() still says "invalid config, Hetki is disabled" once, as documented', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    vi.resetModules()
    const hetki = await import('../core/hetki')
    hetki.init(JSON.parse('{"surveys":[{"id":"s","questions":[{"id":"q","template":{"toString":1}}]}]}'))
    expect(error.mock.calls).toEqual([['[hetki] invalid config, Hetki is disabled: the config must be plain JSON']])
    error.mockRestore()
  })
})

describe('what the journey keeps of track() properties', () => {
  const T0 = Date.parse('2026-11-23T12:00:00Z')
  // `method` is read by a rule (so kept in the history) and allowed in the trail.
  const config: Config = {
    journey: { props: ['method'] },
    surveys: [{ id: 's', trigger: { event: 'pay', where: { method: 'card' }, count: 2 }, questions: [{ id: 'q', type: 'rating', text: 'Q' }] }],
  }
  const journeyIn = (name: string) => {
    const store = openStore(name)
    return createJourney(store, config, plan(config), () => true)
  }

  it.each([
    ['a function', () => 1],
    ['a BigInt', 10n],
    [
      'a cycle',
      (() => {
        const o: any = {}
        o.o = o
        return o
      })(),
    ],
    [
      'a Proxy',
      new Proxy(
        {},
        {
          ownKeys: () => {
            throw new Error('no')
          },
        },
      ),
    ],
    ['a symbol', Symbol('s')],
  ])('stay stored when the page passes %s (IndexedDB refused the write and Hetki lost storage for the page: pacing too)', async (_, value) => {
    const name = 'fuzz-clone-' + Math.random()
    const journey = journeyIn(name)
    journey.record(touchEvent('pay', { method: value }, T0), '/')
    await journey.save()
    journey.record(touchEvent('pay', { method: 'card' }, T0 + 1), '/')
    await journey.save()
    // What the next page of the visit reads from IndexedDB.
    const stored = (await openStore(name).get<JourneyState>(JOURNEY_KEY))!
    expect(stored.history['#pay']).toHaveLength(2)
    expect(stored.trail.map((e) => e.props?.method)).toEqual([undefined, 'card'])
  })

  it('stay within a fixed size however big the values the page passes', async () => {
    const name = 'fuzz-size-' + Math.random()
    const journey = journeyIn(name)
    const huge = 'x'.repeat(1 << 20)
    for (let i = 0; i < 30; i++) journey.record(touchEvent('pay', { method: huge }, T0 + i), '/')
    await journey.save()
    const stored = await openStore(name).get<JourneyState>(JOURNEY_KEY)
    expect(JSON.stringify(stored).length).toBeLessThan(20_000)
  })

  it('keep the trail bounded whatever journey.keep says', () => {
    for (const keep of ['x', {}, [], 1e9, Infinity, { valueOf: 1, toString: 1 }] as unknown[]) {
      const c = { ...config, journey: { keep } } as Config
      const trail: TrailEntry[] = []
      for (let i = 0; i < 500; i++) extend(trail, touchEvent('e', {}, T0 + i), c, '/')
      expect(trail.length, JSON.stringify(keep)).toBeLessThanOrEqual(100)
      expect(mergeTrail(trail, trail, keepOf(c)).length).toBeLessThanOrEqual(100)
    }
  })
})

describe('the rules on hostile properties', () => {
  const T0 = Date.parse('2026-11-23T12:00:00Z')
  const q = [{ id: 'q', type: 'rating' as const, text: 'Q' }]
  const ctx = { now: T0, path: '/', device: 'desktop' as const, lang: 'en', user: {}, personId: 'p' }
  it.each([
    ['a BigInt', 10n],
    [
      'a cycle',
      (() => {
        const o: any = {}
        o.o = o
        return o
      })(),
    ],
    [
      'an object whose toJSON throws',
      {
        toJSON() {
          throw new Error('no')
        },
      },
    ],
  ])('still decide every survey of the event when a property is %s (explaining the failed condition threw)', (_, value) => {
    const config: Config = {
      surveys: [
        { id: 'picky', trigger: { event: 'buy', where: { plan: 'gold' } }, questions: q },
        { id: 'any', trigger: { event: 'buy' }, questions: q },
      ],
    }
    const out = decide(plan(config), touchEvent('buy', { plan: value }, T0), {}, ctx)
    expect(out.map((d) => [d.survey.id, d.show])).toEqual([
      ['picky', false],
      ['any', true],
    ])
  })

  it('still decide when a condition is 10,000 levels deep', () => {
    const where = JSON.parse('{"plan":' + '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000) + '}')
    const config: Config = {
      surveys: [
        { id: 'deep', trigger: { event: 'buy', where }, questions: q },
        { id: 'any', trigger: { event: 'buy' }, questions: q },
      ],
    }
    const out = decide(plan(config), touchEvent('buy', { plan: 'gold' }, T0), {}, ctx)
    expect(out.map((d) => [d.survey.id, d.show])).toEqual([
      ['deep', false],
      ['any', true],
    ])
  })
})

describe('the built-in sources', () => {
  it('keep an error of the pipeline from reaching the page from their timers', async () => {
    // A config that passes the structural check can still make the pipeline throw on every event
    // (e.g. touchpoints[].urls: 5); from track() that is caught, from a source's timer it reached
    // the page as an uncaught error.
    const errors: string[] = []
    const onError = (e: ErrorEvent) => errors.push(e.message)
    window.addEventListener('error', onError)
    const emit = vi.fn(() => {
      throw new Error('pipeline broke')
    })
    startSources({ timeOnPage: [0], idle: 0.001 }, emit)
    await vi.waitFor(() => expect(emit).toHaveBeenCalledTimes(2))
    await new Promise((done) => setTimeout(done, 20))
    window.removeEventListener('error', onError)
    expect(errors).toEqual([])
  })

  it('never wait less than they were told: a time beyond the 24.8-day timer limit waited nothing and spun', async () => {
    vi.useFakeTimers()
    const emit = vi.fn()
    // 1e9 s overflows setTimeout's 32-bit delay: the browser fires at once, the idle timer re-arms
    // for what is left, which overflows again: a timer spinning on the page for good.
    startSources({ timeOnPage: [1e9], idle: 1e9 }, emit)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(emit.mock.calls.map((c) => c[0])).toEqual([])
    expect(vi.getTimerCount()).toBeLessThanOrEqual(2)
    vi.useRealTimers()
  })
})

describe('the scroll-depth source', () => {
  it('keeps a scrollDepth that is not a list from throwing at the page on scroll', async () => {
    const emit = vi.fn()
    startSources({ scrollDepth: 50 as never }, emit)
    window.dispatchEvent(new Event('scroll'))
    // The check runs in the next animation frame; wait for two.
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
    expect(emit).not.toHaveBeenCalled()
  })
})

describe('show() and preview()', () => {
  it.each(['show', 'preview'] as const)('%s() never turns what the page passes into text: a huge sparse array froze the page', async (call) => {
    vi.resetModules()
    const hetki = await import('../core/hetki')
    hetki.init({ surveys: [{ id: 's', questions: [{ id: 'q', type: 'rating', text: 'Q' }] }] })
    // A page's array indexed by a big number has a length to match: String() of it joins 4 billion
    // holes (minutes of frozen page). Counted here with 10^6 elements, through a Proxy.
    let reads = 0
    const sparse = new Proxy(new Array(1e6), { get: (t, k) => (reads++, Reflect.get(t, k)) })
    for (let i = 0; i < 20; i++) await new Promise((done) => setTimeout(done, 5)) // past init's IndexedDB load
    hetki[call](sparse as never)
    for (let i = 0; i < 5; i++) await new Promise((done) => setTimeout(done, 5))
    expect(reads).toBeLessThan(10)
  })
})

describe('sparse arrays in track() properties', () => {
  const T0 = Date.parse('2026-11-23T12:00:00Z')
  /** An array indexed by a big number (`tags[1e6] = 1`), its element reads counted through a Proxy. */
  const sparse = () => {
    const counter = { reads: 0 }
    const a: unknown[] = []
    a[1e6] = 'vip'
    return { counter, value: new Proxy(a, { get: (t, k) => (counter.reads++, Reflect.get(t, k)) }) }
  }
  const q = [{ id: 'q', type: 'rating' as const, text: 'Q' }]

  it('are not walked hole by hole when the journey keeps the property (a[1e8] = 1 took JSON.stringify half a minute)', () => {
    const config: Config = {
      journey: { props: ['tags'] },
      surveys: [{ id: 's', trigger: { event: 'buy', where: { tags: { exists: true } }, count: 2 }, questions: q }],
    }
    const { counter, value } = sparse()
    const trail: TrailEntry[] = []
    extend(trail, touchEvent('buy', { tags: value }, T0), config, '/')
    expect(counter.reads).toBeLessThan(10)
  })

  it('are not walked hole by hole to explain a failed condition', () => {
    const config: Config = { surveys: [{ id: 's', trigger: { event: 'buy', where: { tags: 'vip' } }, questions: q }] }
    const { counter, value } = sparse()
    const [d] = decide(plan(config), touchEvent('buy', { tags: value }, T0), {}, { now: T0, path: '/', device: 'desktop', lang: 'en', user: {}, personId: 'p' })
    expect(d!.show).toBe(false)
    expect(counter.reads).toBeLessThan(10)
  })
})

describe('conditions', () => {
  const T0 = Date.parse('2026-11-23T12:00:00Z')
  const q = [{ id: 'q', type: 'rating' as const, text: 'Q' }]
  const ctx = { now: T0, path: '/', device: 'desktop' as const, lang: 'en', user: {}, personId: 'p' }
  const run = (where: object, props: object) => {
    const config: Config = {
      surveys: [
        { id: 'picky', trigger: { event: 'buy', where: where as never }, questions: q },
        { id: 'any', trigger: { event: 'buy' }, questions: q },
      ],
    }
    return decide(plan(config), touchEvent('buy', props, T0), {}, ctx).map((d) => [d.survey.id, d.show])
  }

  it('treat operator names from the prototype as unknown, so they fail ("constructor" and "toString" always held)', () => {
    expect(run({ plan: { constructor: 1 } }, { plan: 'x' })).toEqual([
      ['picky', false],
      ['any', true],
    ])
    expect(run({ plan: { toString: 1 } }, { plan: 'x' })).toEqual([
      ['picky', false],
      ['any', true],
    ])
  })

  it('fail, rather than throw, on an argument that cannot be compared (every decision on the event was lost)', () => {
    expect(run({ amount: { gt: { valueOf: 1, toString: 1 } } }, { amount: 5 })).toEqual([
      ['picky', false],
      ['any', true],
    ])
    expect(run({ note: { contains: { toString: 1 } } }, { note: 'hello' })).toEqual([
      ['picky', false],
      ['any', true],
    ])
  })
})
