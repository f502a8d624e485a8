import { afterEach, describe, expect, it } from 'vitest'
import { matcher, unmet } from './conditions'

describe('conditions in a page whose old library polluted Object.prototype', () => {
  afterEach(() => {
    delete (Object.prototype as any).extend
    delete (Object.prototype as any).junk
  })

  it('read only the condition’s own keys', () => {
    ;(Object.prototype as any).extend = function () {}
    ;(Object.prototype as any).junk = 'x'
    expect(unmet({ plan: 'pro', n: 3 }, { plan: 'pro', n: { gte: 2 } })).toBeUndefined()
    expect(unmet({ plan: 'free', n: 3 }, { plan: 'pro', n: { gte: 2 } })).toBe('plan')
    expect(unmet({}, undefined)).toBeUndefined()
  })
})

describe('conditions listed once for a look-back (matcher)', () => {
  // The walk they replace (unmet, meets, before the hot path was made cheaper), as the oracle.
  const OPS: Record<string, (v: any, a: any) => boolean> = {
    eq: (v, a) => v === a,
    ne: (v, a) => v !== a,
    in: (v, a) => Array.isArray(a) && a.includes(v),
    notIn: (v, a) => !(Array.isArray(a) && a.includes(v)),
    gt: (v, a) => typeof v === 'number' && v > a,
    gte: (v, a) => typeof v === 'number' && v >= a,
    lt: (v, a) => typeof v === 'number' && v < a,
    lte: (v, a) => typeof v === 'number' && v <= a,
    contains: (v, a) => (typeof v === 'string' || Array.isArray(v)) && v.includes(a),
    exists: (v, a) => (v != null) === a,
  }
  const own = (o: object, k: string) => (Object.prototype.hasOwnProperty.call(o, k) ? (o as any)[k] : undefined)
  const meets = (value: unknown, c: any): boolean => {
    if (!c || typeof c !== 'object' || Array.isArray(c)) return value === c
    for (const op of Object.keys(c))
      try {
        if (!own(OPS, op)?.(value, c[op])) return false
      } catch {
        return false
      }
    return true
  }
  const oracle = (props: Record<string, unknown>, where: any) => {
    for (const key of Object.keys(where || {})) if (!meets(own(props, key), where[key])) return key
  }

  const wheres: any[] = [
    undefined,
    {},
    { plan: 'pro' },
    { plan: { in: ['pro', 'team'] }, n: { gte: 2, lt: 10 } },
    { n: { gt: 1 }, plan: { notIn: ['free'] }, tags: { contains: 'vip' } },
    { coupon: { exists: false }, plan: { ne: 'free' } },
    { plan: { unknownOp: 1 } },
    { plan: { constructor: 'x', toString: 1 } },
    { constructor: { exists: true }, __proto__: { eq: 1 } },
    { n: { gt: { valueOf: 1, toString: 1 } } },
    { list: ['a'] },
    { n: { eq: 3 }, plan: 'pro', tags: { contains: 'new' } },
  ]
  const props: Record<string, unknown>[] = [
    {},
    { plan: 'pro', n: 3 },
    { plan: 'free', n: 12, tags: ['new', 'vip'] },
    { plan: 'team', n: '5', coupon: null },
    { n: 1, coupon: 'X', tags: 'vip' },
    { list: ['a'], plan: 'pro', n: 3, tags: ['new'] },
  ]

  it('say what unmet() said for every event, and the same failing key', () => {
    ;(Object.prototype as any).junk = { eq: 1 }
    try {
      for (const where of wheres) {
        const fails = matcher(where)
        for (const p of props) expect([where, p, fails(p)]).toEqual([where, p, oracle(p, where)])
      }
    } finally {
      delete (Object.prototype as any).junk
    }
  })
})
