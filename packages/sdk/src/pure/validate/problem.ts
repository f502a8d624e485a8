/**
 * One thing wrong with a config, at a JSON path such as `surveys[0].trigger.within` (the same style
 * as the core's console error; the config itself is `""`). Errors make Hetki refuse the config or
 * a rule never hold; warnings are legal configs that likely do not do what was meant.
 */
export interface Problem {
  path: string
  severity: 'error' | 'warning'
  message: string
  /** What would have been valid, e.g. `a duration such as "30m"`. */
  expected?: string
  /** How to fix it, e.g. `did you mean "within"?`. */
  hint?: string
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/** The path of a child: `a.b` for a plain key, `a["odd-key"]` otherwise, `a[0]` for an index. */
export const child = (path: string, key: string | number): string =>
  typeof key == 'number' ? `${path}[${key}]` : IDENTIFIER.test(key) ? (path ? path + '.' + key : key) : `${path}[${JSON.stringify(key)}]`

/** A value as it appears in a message: compact JSON, cut short. */
export function shown(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value)
  return text.length > 40 ? text.slice(0, 37) + '…' : text
}
