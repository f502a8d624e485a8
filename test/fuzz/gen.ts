// The fuzzers' generator: a seeded PRNG, hostile values for track()/identify() payloads, and
// mutations of valid configs. It imports only the project's seeded generator (plain JavaScript),
// so that the same code runs in Node (the unit fuzzers import it) and in Chromium (bundled to a
// script by test/fuzz/inject.ts): payloads with cycles, Proxies or odd prototypes cannot cross
// page.evaluate, so the page makes its own from the same seed. Everything depends on the seed
// only: a failure is replayed from its seed.
import { random } from '../../packages/sdk/src/pure/simulate/random.mjs'

export interface Rng {
  (): number
  /** A whole number in [0, n). */
  int(n: number): number
  pick<T>(list: readonly T[]): T
  chance(p: number): boolean
}

/** mulberry32 (the simulator's generator) with helpers: the same sequence everywhere for the same 32-bit seed. */
export function rng(seed: number): Rng {
  const next = random(seed) as Rng
  next.int = (n) => Math.floor(next() * n)
  next.pick = (list) => list[next.int(list.length)]!
  next.chance = (p) => next() < p
  return next
}

/** The fixed base seed of CI runs; the tests use `HETKI_FUZZ_SEED` instead when it is set (to replay a run). */
export const BASE_SEED = 0x4e7c1

/** Strings that break naive code: lone surrogates, bidi controls, NUL, emoji sequences, prototype names, markup. */
export const WEIRD_STRINGS = [
  '',
  ' ',
  '\uD800',
  'a\uDFFFb',
  '\u202Eevil\u202C',
  '\u200F\u200E',
  'nul\u0000byte',
  '🙂‍↔️👩🏽‍🚀',
  '\uFEFF',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '#__proto__',
  '*',
  '**',
  '.*',
  '(a+)+$',
  '\\',
  '"',
  '</script><script>throw 1</script>',
  '${x}',
  '%s%s%s%n',
  'order.completed',
  'payment.failed',
  '0',
  '-0',
  'NaN',
  'null',
  'undefined',
]

/** Property names payloads use: the ones demo and fuzz rules read, and prototype names. */
export const KEYS = ['plan', 'method', 'amount', 'tags', 'topic', 'path', 'id', '__proto__', 'constructor', 'prototype', 'toString', 'polluted', '']

/** An own, enumerable property, whatever its name (`__proto__` too) and whatever the prototype says. */
const put = (o: object, key: string, value: unknown) => Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true })

const thrower = (what: string) => () => {
  throw new Error('hostile ' + what)
}

/** An object `depth` levels deep, built without recursion (JSON.stringify overflows on it, which is the point). */
export function deep(depth: number, array = false): unknown {
  const root: any = array ? [] : {}
  let at = root
  for (let i = 0; i < depth; i++) {
    const next: any = array ? [] : {}
    array ? (at[0] = next) : (at.a = next)
    at = next
  }
  return root
}

/** JSON text `depth` levels deep, for configs (a parser copes; a serialiser would overflow). */
export const deepJson = (depth: number, leaf = '1') => '{"a":'.repeat(depth) + leaf + '}'.repeat(depth)

class Instance {
  plan = 'gold'
  #hidden = 1
  get computed() {
    return this.#hidden
  }
  method() {
    return 1
  }
}

/** A value chosen to hurt: odd numbers, odd prototypes, traps, cycles, depth and size. `big` allows MB strings and huge arrays. */
export function hostile(r: Rng, big = true, level = 0): unknown {
  const k = r.int(44)
  switch (k) {
    case 0:
      return NaN
    case 1:
      return Infinity
    case 2:
      return -Infinity
    case 3:
      return -0
    case 4:
      return 2n ** 70n
    case 5:
      return Symbol('hostile')
    case 6:
      return undefined
    case 7:
      return null
    case 8:
      return r.pick(WEIRD_STRINGS)
    case 9:
      return big && r.chance(0.3) ? 'x'.repeat(1 << (20 + r.int(2))) : 'y'.repeat(1 << 12) // MBs, sometimes
    case 10:
      return new Date(r.chance(0.5) ? NaN : 8.64e15)
    case 11:
      return () => {
        throw new Error('hostile function called')
      }
    case 12:
      return new Instance()
    case 13: {
      const o = Object.create(null)
      o.plan = 'gold'
      o[r.pick(KEYS)] = 1
      return o
    }
    case 14: {
      const o: any = { plan: 'gold' }
      Object.defineProperty(o, 'amount', { enumerable: true, get: thrower('getter') })
      return o
    }
    case 15:
      return { toJSON: thrower('toJSON'), toString: thrower('toString'), valueOf: thrower('valueOf') }
    case 16:
      return { [Symbol.toPrimitive]: thrower('toPrimitive'), plan: 'gold' }
    case 17: {
      const handler: ProxyHandler<object> = {}
      for (const trap of ['get', 'set', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'defineProperty', 'deleteProperty'] as const)
        (handler as any)[trap] = thrower('proxy ' + trap)
      return new Proxy({ plan: 'gold' }, handler)
    }
    case 18: {
      const { proxy, revoke } = Proxy.revocable({ plan: 'gold' }, {})
      revoke()
      return proxy
    }
    case 19: {
      const o: any = { plan: 'gold', tags: ['a'] }
      o.self = o
      o.tags.push(o)
      return o
    }
    case 20:
      return [1, , 3, , ,] // holes
    case 21: {
      const a: unknown[] = []
      a[2 ** 32 - 2] = 'end' // sparse, length 4294967295
      return a
    }
    case 22:
      return big ? new Array(1e6) : new Array(1e3)
    case 23:
      return deep(big ? 10_000 : 100, r.chance(0.5))
    case 24:
      return JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}')
    case 25:
      return { [Symbol('k')]: 1, [Symbol.iterator]: thrower('iterator'), plan: 'gold' }
    case 26:
      return Object.freeze({ plan: Object.freeze(['a']) })
    case 27:
      return new Map([['plan', 'gold']])
    case 28:
      return new Set([1, 2])
    case 29:
      return new Uint8Array(r.chance(0.5) ? 16 : 1 << 16)
    case 30:
      return /a+$/
    case 31:
      return new Error('hostile error')
    case 32:
      return Promise.resolve(1)
    case 33:
      return new WeakMap()
    case 34:
      return typeof document != 'undefined' && r.chance(0.5) ? (r.chance(0.5) ? document.body : window) : { window: 1 }
    case 35:
      return r.pick([0, 1, -1, 1e308, -1e308, 5e-324, 2 ** 53, 2 ** 53 + 2, 0.1 + 0.2, 4.2])
    case 36:
      return r.pick([true, false])
    case 37:
      return 'order.completed'
    case 38:
      return { plan: r.pick(['gold', 'silver', 'basic']), amount: r.int(200), tags: ['vip', 'new'], method: 'card' }
    case 39: {
      // An object whose prototype is a Proxy that throws on every lookup: `k in o` and o.x trap.
      const proto = new Proxy({}, { get: thrower('proto get'), has: thrower('proto has') })
      const o = Object.create(proto)
      o.plan = 'gold'
      return o
    }
    case 40: {
      const n = level < 3 ? 1 + r.int(4) : 0
      const o: Record<string, unknown> = {}
      for (let i = 0; i < n; i++) put(o, r.pick(KEYS), hostile(r, big, level + 1))
      return o
    }
    case 41:
      return level < 3 ? Array.from({ length: r.int(5) }, () => hostile(r, big, level + 1)) : []
    case 42: {
      // Getter that mutates the object while it is being copied.
      const o: any = { a: 1 }
      Object.defineProperty(o, 'grow', { enumerable: true, get: () => ((o['k' + Math.random()] = 1), 1) })
      return o
    }
    default:
      return Object.assign(Object.create(Array.prototype), { length: -1, plan: 'gold' })
  }
}

/** A track() payload: usually an object with a few hostile properties, sometimes a hostile value itself. */
export function payload(r: Rng, big = true): unknown {
  if (r.chance(0.25)) return hostile(r, big)
  const o: Record<string, unknown> = r.chance(0.1) ? Object.create(null) : {}
  for (let i = r.int(5); i > 0; i--) put(o, r.pick(KEYS), hostile(r, big))
  return o
}

/** An event name: mostly ones the config listens to (so rules run on the payload), sometimes not a name at all. */
export const eventName = (r: Rng, names: readonly string[]): unknown =>
  r.chance(0.7) && names.length ? r.pick(names) : r.chance(0.5) ? r.pick(WEIRD_STRINGS) : hostile(r, false)

// ---- configs ---------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

/** Placeholders a mutation leaves in a config; `serialize` turns them into JSON text no serialiser could write. */
const DEEP = '\u0000deep:'

/** JSON text of a mutated config: deep placeholders become 10,000-level objects. */
export const serialize = (config: unknown): string => JSON.stringify(config).replace(/"\\u0000deep:(\d+)"/g, (_, n) => deepJson(+n))

/** Every container in a JSON tree with its keys, to pick a place to mutate. */
function places(root: Json): [Json[] | { [k: string]: Json }, string | number][] {
  const out: [any, string | number][] = []
  const stack: Json[] = [root]
  while (stack.length && out.length < 5000) {
    const node = stack.pop()!
    if (node && typeof node == 'object')
      for (const k of Object.keys(node)) {
        const key = Array.isArray(node) ? +k : k
        out.push([node, key])
        stack.push((node as any)[key])
      }
  }
  return out
}

/** A random JSON value, of any type: what a swapped type becomes. */
function jsonValue(r: Rng, level = 0): Json {
  switch (r.int(12)) {
    case 0:
      return null
    case 1:
      return r.chance(0.5)
    case 2:
      return r.pick([0, -1, 1, 2.5, -0, 1e308, -1e308, 2 ** 53, 11, 12, 1e21])
    case 3:
      return r.pick(WEIRD_STRINGS)
    case 4:
      return r.pick(['30m', '', '-5m', '5w', '1e400m', 'Infinity', ' 30m', '9999999999999999d', '0', '1.5.5m', 'NaNs'])
    case 5:
      return level < 2 ? Array.from({ length: r.int(4) }, () => jsonValue(r, level + 1)) : []
    case 6:
      return level < 2 ? { [r.pick(KEYS)]: jsonValue(r, level + 1) } : {}
    case 7:
      return 'x'.repeat(1 << 16)
    case 8:
      return r.pick(['*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b', '/*/*/*/*/*/*/*/*/*/*/*/*/*/*/*/*/*/*/*/*x', '*'.repeat(1000) + 'x'])
    case 9:
      return r.pick(['rating', 'emotion', 'yesno', 'choice', 'text', 'nps', 'bogus'])
    case 10:
      return { en: r.pick(WEIRD_STRINGS), fi: 'Moi', [r.pick(KEYS)]: 'x' }
    default:
      return r.int(1000)
  }
}

/** Prototype-pollution shaped keys, as a JSON config would carry them (own properties, via JSON.parse). */
const POLLUTE = () => JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "prototype": {"polluted": "yes"}}')

/** Applies one random mutation to a JSON config, in place. */
function mutateOnce(r: Rng, c: any): void {
  const surveys = Array.isArray(c?.surveys) ? c.surveys : undefined
  const picked = surveys?.length ? surveys[r.int(surveys.length)] : undefined
  const survey = picked && typeof picked == 'object' ? picked : undefined
  switch (r.int(14)) {
    case 0: {
      // Thousands of surveys (rarely: each such config costs megabytes of JSON).
      if (!survey || !r.chance(0.3)) return
      const n = 1000 + r.int(2000)
      c.surveys = Array.from({ length: n }, (_, i) => ({ ...survey, id: 'many-' + i, trigger: { event: 'many.' + (i % 50) } }))
      return
    }
    case 1: {
      // A deep where condition (10k levels), or a wide one.
      if (!survey) return
      survey.trigger = {
        event: survey.trigger?.event ?? 'x',
        where: r.chance(0.5) ? { plan: DEEP + 10_000 } : Object.fromEntries(Array.from({ length: 2000 }, (_, i) => ['k' + i, { gte: i }])),
      }
      return
    }
    case 2: {
      // Regex-hostile globs where pages are matched.
      const globs = ['*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b', '/*/*/*/*/*/*/*/*/*/*/*/*/*/*/*/*/*/*/*/*x', '*'.repeat(2000) + 'x', '(a+)+$', '[', '\\']
      if (survey && r.chance(0.6)) survey.audience = { ...survey.audience, [r.pick(['urls', 'notUrls'])]: [r.pick(globs)] }
      else if (Array.isArray(c.touchpoints) && c.touchpoints.length) c.touchpoints[r.int(c.touchpoints.length)].urls = [r.pick(globs)]
      return
    }
    case 3: {
      // Prototype pollution keys in conditions, props lists, user audience, sources, pacing.
      const target = r.pick(['where', 'user', 'root', 'pacing', 'journey', 'sources', 'delivery', 'question'])
      if (target == 'root') Object.assign(c, POLLUTE())
      else if (target == 'where' && survey) survey.trigger = { event: survey.trigger?.event ?? 'x', where: POLLUTE() }
      else if (target == 'user' && survey) survey.audience = { user: POLLUTE() }
      else if (target == 'question' && survey && Array.isArray(survey.questions)) survey.questions.push({ ...POLLUTE(), id: 'p', type: 'rating', text: 'P' })
      else if (target == 'journey') c.journey = { keep: 5, props: ['__proto__', 'constructor', 'prototype'] }
      else c[target] = POLLUTE()
      return
    }
    case 4: {
      // Wrong durations and out-of-range numbers where they matter.
      if (!survey) return
      const d = r.pick(['', '-5m', '5w', '1e400m', 'Infinity', '9999999999999999d', 0, -1, 1e308, '0s', '1.5.5m'])
      const where = r.pick(['delay', 'within', 'after', 'unless', 'count', 'sample', 'scale', 'priority'])
      if (where == 'delay') survey.delay = d
      else if (where == 'within') survey.trigger = { ...survey.trigger, within: d }
      else if (where == 'after' || where == 'unless') survey.trigger = { ...survey.trigger, [where]: { event: 'x', within: d } }
      else if (where == 'count') survey.trigger = { ...survey.trigger, count: r.pick([0, -1, 1.5, 1e308, 2 ** 31]) }
      else if (where == 'sample') survey.audience = { sample: r.pick([-0, 1, 0.5, 1e-300, -1e-300, 1.0000001]) }
      else if (where == 'priority') survey.priority = r.pick([1e308, -1e308, 'high', null])
      else if (Array.isArray(survey.questions) && survey.questions[0]) survey.questions[0].scale = r.pick([1, 2, 11, 12, 2.5, 1e9])
      return
    }
    case 5: {
      // Journey and pacing bounds out of range.
      const which = r.int(3)
      if (which == 0) c.journey = { keep: r.pick([0, -1, 1e9, 1.5, 'x', null, 20]), props: r.pick([['plan'], 'plan', [1, null], []]) }
      else if (which == 1) c.pacing = { [r.pick(['cooldown', 'maxPerSession', 'maxPerDays', 'sessionMinutes', 'frequency'])]: jsonValue(r) }
      else c.delivery = { [r.pick(['maxRecords', 'maxAgeDays', 'contentType', 'fullUrl', 'userId', 'maxBytes'])]: jsonValue(r) }
      return
    }
    case 6: {
      // Sources with odd settings.
      c.sources = {
        pageViews: jsonValue(r),
        clicks: r.pick([
          [{ selector: '[', event: 'bad' }],
          [{ selector: 'a'.repeat(1e4), event: 'x' }],
          'button',
          [null],
          [{ selector: 'button', event: '__proto__' }],
        ]),
        scrollDepth: r.pick([[25, 50], [-1, 1e9, NaN as any], 'x', [null]]),
        timeOnPage: r.pick([[0, 1], [-1], [1e9], 'x', [null]]),
        rageClick: jsonValue(r),
        idle: r.pick([0, -1, 1e-3, 1e9, 'x', null, 1]),
        formAbandon: jsonValue(r),
        exitIntent: jsonValue(r),
      }
      return
    }
    case 7: {
      // Touchpoints with wrong shapes.
      c.touchpoints = [...(Array.isArray(c.touchpoints) ? c.touchpoints : []), { id: 'odd', events: jsonValue(r), urls: jsonValue(r), owner: jsonValue(r) }]
      return
    }
    default: {
      // Generic: delete a key, duplicate an element, or swap a value's type.
      const list = places(c)
      if (!list.length) return
      const [node, key] = r.pick(list)
      const op = r.int(3)
      if (op == 0) Array.isArray(node) ? node.splice(key as number, 1) : delete (node as any)[key]
      else if (op == 1 && Array.isArray(node)) node.push(JSON.parse(JSON.stringify(node[key as number] ?? null)))
      else (node as any)[key] = jsonValue(r)
    }
  }
}

/** A mutated copy of a valid config: 1 to 4 mutations; sometimes the config itself is replaced by a non-object. */
export function mutate(r: Rng, base: object): any {
  if (r.chance(0.02)) return jsonValue(r)
  const c = JSON.parse(JSON.stringify(base))
  for (let n = 1 + r.int(4); n > 0; n--)
    try {
      mutateOnce(r, c)
    } catch {
      // An earlier mutation left no room for this one (a survey that is no longer an object).
    }
  return c
}

/** The trigger event names of a config, whatever shape it is in. */
export function triggers(config: any): string[] {
  const out = new Set<string>()
  if (config && Array.isArray(config.surveys)) for (const s of config.surveys.slice(0, 200)) if (typeof s?.trigger?.event == 'string') out.add(s.trigger.event)
  return [...out]
}
