import type { Conditions } from '../config/types'

const isNum = (v: unknown): v is number => typeof v == 'number'

const OPS: Record<string, (value: unknown, arg: any) => boolean> = {
  eq: (v, a) => v === a,
  ne: (v, a) => v !== a,
  in: (v, a) => Array.isArray(a) && a.includes(v),
  notIn: (v, a) => !(Array.isArray(a) && a.includes(v)),
  gt: (v, a) => isNum(v) && v > a,
  gte: (v, a) => isNum(v) && v >= a,
  lt: (v, a) => isNum(v) && v < a,
  lte: (v, a) => isNum(v) && v <= a,
  contains: (v, a) => (typeof v == 'string' || Array.isArray(v)) && v.includes(a),
  exists: (v, a) => (v != null) === a,
}

/**
 * Whether one value meets one condition: a plain value means equals; an object names operators, all
 * of which must hold. An unknown operator fails (`constructor` too: operators are own names only),
 * and so does one whose argument cannot be compared (JSON such as {"valueOf": 1} throws).
 */
export function meets(value: unknown, condition: unknown): boolean {
  if (!condition || typeof condition != 'object' || Array.isArray(condition)) return value === condition
  // Own keys only: a page's library may have added enumerable junk to Object.prototype.
  for (const op of Object.keys(condition))
    try {
      if (!(own(OPS, op) as (typeof OPS)[string] | undefined)?.(value, (condition as Record<string, unknown>)[op])) return false
    } catch {
      return false
    }
  return true
}

/** Own properties only, so `__proto__` or `constructor` in a condition never reads the prototype. */
export const own = (props: Record<string, unknown>, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(props, key) ? props[key] : undefined

/** The first property that fails its condition, or undefined when all hold. */
export function unmet(props: Record<string, unknown>, where: Conditions | undefined): string | undefined {
  for (const key of Object.keys(where || {})) if (!meets(own(props, key), where![key])) return key
}
