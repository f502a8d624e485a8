import type { Conditions } from '../config/types'

const isNum = (v: unknown): v is number => typeof v === 'number'

type Op = (value: unknown, arg: any) => boolean

const OPS: Record<string, Op> = {
  eq: (v, a) => v === a,
  ne: (v, a) => v !== a,
  in: (v, a) => Array.isArray(a) && a.includes(v),
  notIn: (v, a) => !(Array.isArray(a) && a.includes(v)),
  gt: (v, a) => isNum(v) && v > a,
  gte: (v, a) => isNum(v) && v >= a,
  lt: (v, a) => isNum(v) && v < a,
  lte: (v, a) => isNum(v) && v <= a,
  contains: (v, a) => (typeof v === 'string' || Array.isArray(v)) && v.includes(a),
  exists: (v, a) => (v != null) === a,
}

const has = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key)

/** Own properties only, so `__proto__` or `constructor` in a condition never reads the prototype. */
export const own = (props: Record<string, unknown>, key: string): unknown => (has(props, key) ? props[key] : undefined)

/**
 * `where` made into a test of properties, returning the first property that fails its condition
 * (undefined when all hold). A condition that is a plain value means equals; an object names
 * operators, all of which must hold. An unknown operator fails (`constructor` too: operators are
 * own names only), and so does one whose argument cannot be compared (JSON such as {"valueOf": 1}
 * throws). The keys and operators are walked once, here: a look-back over the history then tests
 * each past event with a plain loop, instead of walking the config again per event.
 */
export function matcher(where: Conditions | undefined): (props: Record<string, unknown>) => string | undefined {
  const checks: [key: string, op: Op | undefined, arg: unknown][] = []
  // Own keys only: a page's library may have added enumerable junk to Object.prototype. for…in
  // with the own check makes no array (Object.keys does).
  for (const key in where)
    if (has(where, key)) {
      const c = where[key]
      // A plain value means equals: as the operator eq, so one loop lists both kinds.
      const ops = (c && typeof c === 'object' && !Array.isArray(c) ? c : { eq: c }) as Record<string, unknown>
      for (const op in ops) if (has(ops, op)) checks.push([key, own(OPS, op) as Op | undefined, ops[op]])
    }
  return (props) => {
    for (const [key, op, arg] of checks) {
      // An unknown operator is undefined here: calling it throws, and fails like an argument that cannot be compared.
      try {
        if (op!(own(props, key), arg)) continue
      } catch {}
      return key
    }
  }
}

/** The first property that fails its condition, or undefined when all hold (see matcher()). */
export const unmet = (props: Record<string, unknown>, where: Conditions | undefined): string | undefined => matcher(where)(props)
