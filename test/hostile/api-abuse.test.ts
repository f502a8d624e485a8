// Hostile pages, part 5: the API used wrongly. Calls before the script loads (the snippet's
// queue), junk arguments of every kind, the script included twice, init called twice, handlers
// that throw, event properties IndexedDB or JSON cannot handle.
import { describe, expect, it } from 'vitest'
import { useHostile } from './harness'

const h = useHostile()

/** The loader snippet from the README, as a file (the CSP allows no inline script), then calls made before hetki.js. */
h.files.set('/hostile/snippet.js', {
  type: 'text/javascript',
  body: `window.hetki=window.hetki||new Proxy({q:[]},{get:(t,m)=>t[m]||((...a)=>t.q.push([m,a]))});
window.stub = window.hetki; window.calls = []
hetki.on('survey:shown', function () { throw new Error('host handler bug') })
hetki.on('survey:shown', function (e) { window.calls.push('shown ' + e.surveyId) })
hetki.on('survey:completed', function () { return Promise.reject(new Error('async host handler bug')).catch(function () {}) })
hetki.identify('u1', { tier: 'gold' })`,
})

/** Every kind of wrong argument a page may pass. */
function junk(): unknown[] {
  const cyclic: Record<string, unknown> = { plan: 'x' }
  cyclic.self = cyclic
  const throwing = new Proxy(
    {},
    {
      get() {
        throw new Error('getter')
      },
      ownKeys() {
        throw new Error('keys')
      },
      has() {
        throw new Error('has')
      },
    },
  )
  return [
    1,
    NaN,
    null,
    undefined,
    true,
    {},
    [],
    () => {},
    Symbol('s'),
    'x'.repeat(1 << 20),
    cyclic,
    throwing,
    Object.freeze({ plan: 'pro' }),
    new Date(),
    document.body,
  ]
}

describe('API abuse', () => {
  it('calls queued before the script, junk arguments to every method, init twice: no error, and the survey still works', async () => {
    const o = await h.open('abuse', { head: '<script src="/hostile/snippet.js"></script>' })
    await h.ready(o.page)
    await o.page.evaluate(`(${junk.toString()})`).catch(() => {})
    await o.page.evaluate((src) => {
      const junk: unknown[] = (0, eval)('(' + src + ')')()
      const hetki = (window as any).hetki
      for (const a of junk)
        for (const b of junk) {
          hetki.track(a, b)
          hetki.identify(a, b)
          hetki.show(a)
          hetki.on(a, b)
          hetki.off(a, b)
          hetki.init(a, b)
        }
      // The snippet's stub, still held by the page, calls straight through now.
      ;(window as any).stub.track('warm.up', junk[10])
      hetki.init({ endpoint: '/elsewhere', surveys: [] })
    }, junk.toString())
    await h.answers(o)
    expect(await o.page.evaluate(() => (window as any).calls)).toEqual(['shown ' + o.name])
    expect(await o.problems()).toEqual([])
    await o.close()
  })

  it('the script included twice: one Hetki, one prompt', async () => {
    const tag = (n: string) => `<script async src="/hetki/hetki.js" data-config="/hostile/${n}.json"></script>`
    const o = await h.open('twice', { hetki: tag('twice-2') + tag('twice-2') })
    await h.answers(o)
    expect(await o.page.locator('hetki-survey').count()).toBeLessThanOrEqual(1)
    expect(o.requests.filter((u) => u.endsWith('/hostile/twice-2.json'))).toHaveLength(1)
    expect(await o.problems()).toEqual([])
    await o.close()
  })

  it('event properties JSON cannot write (a cycle, a BigInt) kept in the trail: the answer is still delivered', async () => {
    const o = await h.open('cyclic', { config: { journey: { props: ['plan', 'big'] } } })
    await h.ready(o.page)
    await o.page.evaluate(() => {
      const cyclic: Record<string, unknown> = {}
      cyclic.self = cyclic
      ;(window as any).hetki.track('cart.viewed', { plan: cyclic, big: BigInt(1) })
    })
    const record = await h.answers(o)
    expect(record.trail.map((s: any) => s.event)).toEqual(['cart.viewed', 'go'])
    expect(await o.problems()).toEqual([])
    await o.close()
  })
})
