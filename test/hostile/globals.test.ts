// Hostile pages, part 2: globals that real pages overwrite. Old libraries add enumerable junk to
// Object.prototype and Array.prototype or give arrays a toJSON (Prototype.js); monitoring and
// zone.js wrap fetch, JSON, Promise, addEventListener and setTimeout; some pages delete console
// methods; some browsers lack Web Locks, BroadcastChannel or requestIdleCallback.
import { describe, expect, it } from 'vitest'
import { leftInOutbox } from '../helpers/survey'
import { useHostile, yesno } from './harness'

const h = useHostile()

/** A survey whose trigger reads a property, and a trail that keeps it: the code paths that loop over objects. */
const withConditions = (name: string) => ({
  surveys: [yesno(name, { trigger: { event: 'go', where: { plan: 'pro', n: { gte: 2 } } }, audience: { user: { tier: 'gold' } } })],
  journey: { props: ['plan'] },
})
const props = { plan: 'pro', n: 3, tags: ['a', 'b'] }

describe('prototypes polluted by old libraries', () => {
  it('enumerable junk on Object.prototype and Array.prototype: conditions still hold, the answer arrives intact', async () => {
    const o = await h.open('proto', {
      config: withConditions('proto-1'),
      before: () => {
        ;(Object.prototype as any).extend = function () {}
        ;(Object.prototype as any).junk = 'x'
        ;(Array.prototype as any).each = function () {}
        ;(Array.prototype as any).last = 1
      },
    })
    await h.ready(o.page)
    await o.page.evaluate(() => (window as any).hetki.identify('u1', { tier: 'gold' }))
    const record = await h.answers(o, 'proto-1', props)
    expect(record.trail.at(-1)).toMatchObject({ event: 'go', props: { plan: 'pro' } })
    expect(await o.problems()).toEqual([])
    await o.close()
  })

  it("Prototype.js's Array.prototype.toJSON (arrays serialise as strings): the collector still gets arrays, not strings", async () => {
    const o = await h.open('tojson', {
      config: withConditions('tojson-2'),
      before: () => {
        // What Prototype.js 1.6 does: an array's JSON is a string of JSON, so JSON.stringify nests it as a string.
        ;(Array.prototype as any).toJSON = function (this: unknown[]) {
          return '[' + this.map((x) => JSON.stringify(x)).join(',') + ']'
        }
      },
    })
    await h.ready(o.page)
    await o.page.evaluate(() => (window as any).hetki.identify('u1', { tier: 'gold' }))
    const record = await h.answers(o, 'tojson-2', props)
    expect(Array.isArray(record.trail)).toBe(true)
    expect(record.trail.at(-1)).toMatchObject({ event: 'go', props: { plan: 'pro' } })
    // The page's own JSON keeps its library's behaviour.
    expect(await o.page.evaluate(() => JSON.stringify({ a: [1] }))).toBe('{"a":"[1]"}')
    expect(await o.problems()).toEqual([])
    await o.close()
  })
})

describe('globals wrapped by monitoring libraries and zone.js', () => {
  it('fetch, JSON.stringify, Promise, addEventListener and setTimeout wrapped (calling through): everything works, through the wrappers', async () => {
    const o = await h.open('wrapped', {
      before: () => {
        const w = window as any
        w.seenFetches = []
        const fetch0 = w.fetch
        w.fetch = function (input: any, init?: any) {
          w.seenFetches.push(String(input && input.url ? input.url : input))
          return fetch0.apply(this, arguments as any)
        }
        const stringify = JSON.stringify
        JSON.stringify = function () {
          return stringify.apply(JSON, arguments as any)
        } as any
        // zone.js: a Promise subclass in place of the global, listeners and timers wrapped.
        class ZoneAwarePromise<T> extends Promise<T> {}
        w.Promise = ZoneAwarePromise
        const add = EventTarget.prototype.addEventListener
        EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, fn: any, opts?: any) {
          const wrapped =
            typeof fn == 'function'
              ? function (this: unknown, e: Event) {
                  return fn.call(this, e)
                }
              : fn
          return add.call(this, type, wrapped, opts)
        }
        const st = w.setTimeout
        w.setTimeout = function (fn: any, ms?: number, ...args: unknown[]) {
          return st.call(w, typeof fn == 'function' ? () => fn(...args) : fn, ms)
        }
      },
    })
    await h.answers(o)
    // The config and the answers went through the page's wrapper.
    const seen: string[] = await o.page.evaluate(() => (window as any).seenFetches)
    expect(seen.some((u) => u.endsWith('/hostile/' + o.name + '.json'))).toBe(true)
    expect(seen.some((u) => u.endsWith('/collect'))).toBe(true)
    expect(await o.problems()).toEqual([])
    await o.close()
  })

  it('fetch replaced by one that throws synchronously, config by URL: Hetki stays disabled with its one documented error', async () => {
    const o = await h.open('fetch-throws', {
      before: () => {
        window.fetch = () => {
          throw new TypeError('blocked by the page')
        }
      },
    })
    await h.ready(o.page)
    await expect
      .poll(() => o.problems())
      .toEqual([`console: [hetki] the config at /hostile/${o.name}.json could not be loaded (blocked by the page), Hetki is disabled`])
    await o.page.evaluate(() => (window as any).hetki.track('go'))
    await h.hostWorks(o.page)
    expect(await o.page.locator('hetki-survey').count()).toBe(0)
    expect(await o.problems()).toHaveLength(1)
    await o.close()
  })

  it('fetch that throws synchronously, inline config: the survey shows, the answer waits in the outbox and goes once fetch works again', async () => {
    const o = await h.open('fetch-throws-inline', {
      configBy: 'inline',
      before: () => {
        const w = window as any
        w.realFetch = w.fetch
        w.fetch = () => {
          throw new TypeError('blocked by the page')
        }
      },
    })
    await h.ready(o.page)
    await h.hostWorks(o.page)
    await o.page.evaluate(() => (window as any).hetki.track('go'))
    const prompt = o.page.locator(`[data-hetki-survey="${o.name}"]`)
    await prompt.getByRole('button', { name: 'Yes' }).click()
    await expect.poll(() => prompt.getByRole('status').textContent()).toBe('Thank you for your answer!')
    await expect.poll(() => leftInOutbox(o.page)).toBeGreaterThan(0)
    expect((await h.env.demo.store.all()).find((r) => r.survey_id == o.name)).toBeUndefined()
    // The page fixes its fetch; the next nudge (back online) delivers.
    await o.page.evaluate(() => {
      const w = window as any
      w.fetch = w.realFetch
      dispatchEvent(new Event('online'))
    })
    expect((await h.stored(o.name)).answers).toEqual({ q: true })
    expect(await o.problems()).toEqual([])
    await o.close()
  })
})

describe('missing and deleted APIs', () => {
  it('console methods deleted, in debug mode: nothing throws, the flow works', async () => {
    const o = await h.open('console', {
      config: { debug: true },
      before: () => {
        const c = console as any
        for (const m of ['debug', 'log', 'info', 'warn', 'error', 'group', 'groupEnd', 'table']) delete c[m]
      },
    })
    await h.answers(o)
    expect(await o.problems()).toEqual([])
    await o.close()
  })

  it('no navigator.locks, BroadcastChannel or requestIdleCallback: the flow works', async () => {
    const o = await h.open('missing', {
      config: { sources: { pageViews: true, timeOnPage: [1] } },
      before: () => {
        const w = window as any
        Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined, configurable: true })
        delete w.BroadcastChannel
        delete w.requestIdleCallback
        delete w.cancelIdleCallback
      },
    })
    expect(await o.page.evaluate(() => typeof BroadcastChannel + (navigator as any).locks)).toBe('undefinedundefined')
    await h.answers(o)
    expect(await o.problems()).toEqual([])
    await o.close()
  })
})
