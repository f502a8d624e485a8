import { describe, either } from './describe'
import { didYouMean } from './nearest'
import { child, shown, type Problem } from './problem'
import { isRecord, typeOf, type Schema } from './schema'

/**
 * Checks a value against the generated config schema and returns every problem, each at its JSON
 * path. A hand-written walker over the subset ts-json-schema-generator emits, not a schema
 * compiler: it runs under a strict CSP (no eval, no new Function) and stays small, and it can word
 * its messages for the person who wrote the config, e.g. picking the question type they meant
 * instead of "does not match anyOf".
 */
export function walkSchema(value: unknown, root: Schema): Problem[] {
  const problems: Problem[] = []
  walk(value, root, '', root, problems)
  return problems
}

/** Follows `$ref`s to the definition; the `expected` and `hint` nearest the use win. */
function resolver(root: Schema) {
  const resolve = (s: Schema): Schema => {
    if (!s.$ref) return s
    const target = resolve(root.definitions?.[s.$ref.replace('#/definitions/', '')] || {})
    return { ...target, expected: s.expected ?? target.expected, hint: s.hint ?? target.hint }
  }
  return resolve
}

function walk(value: unknown, schema: Schema, path: string, root: Schema, out: Problem[]): void {
  const resolve = resolver(root)
  const s = resolve(schema)
  const fail = (message: string, hint = s.hint) => out.push({ path, severity: 'error', message, expected: describe(s, resolve), ...(hint ? { hint } : {}) })
  const mustBe = (hint?: string) => fail(`must be ${describe(s, resolve)} (got ${shown(value)})`, hint ?? s.hint)

  if (s.not) {
    if (!walkSchema(value, { ...s.not, definitions: root.definitions }).length) fail('is not allowed here')
    return
  }
  if (s.anyOf) return anyOf(value, s, path, root, out)
  if (s.const !== undefined && value !== s.const) return void mustBe()
  if (s.enum && !s.enum.includes(value)) return void mustBe(typeof value === 'string' ? didYouMean(value, s.enum.map(String)) : undefined)

  const type = typeOf(value)
  const types = ([] as string[]).concat(s.type || [])
  if (types.length && !types.includes(type) && !(type === 'integer' && types.includes('number'))) return void mustBe()

  if (typeof value === 'string') {
    if (s.minLength !== undefined && value.length < s.minLength)
      return void fail(s.minLength === 1 ? 'must not be empty' : `must be at least ${s.minLength} characters long`)
    if (s.maxLength !== undefined && value.length > s.maxLength) return void fail(`must be at most ${s.maxLength} characters long`)
    if (s.pattern && !new RegExp(s.pattern).test(value)) return void mustBe()
  }
  if (typeof value === 'number') {
    const tooLow = (s.minimum !== undefined && value < s.minimum) || (s.exclusiveMinimum !== undefined && value <= s.exclusiveMinimum)
    const tooHigh = (s.maximum !== undefined && value > s.maximum) || (s.exclusiveMaximum !== undefined && value >= s.exclusiveMaximum)
    if (tooLow || tooHigh) return void mustBe()
  }
  if (Array.isArray(value)) {
    if (s.minItems !== undefined && value.length < s.minItems) fail(s.minItems === 1 ? 'must not be empty' : `must have at least ${s.minItems} items`)
    if (s.maxItems !== undefined && value.length > s.maxItems) fail(`must have at most ${s.maxItems} items`)
    if (s.items) value.forEach((item, i) => walk(item, s.items!, child(path, i), root, out))
  }
  if (isRecord(value)) walkObject(value, s, path, root, out)
}

function walkObject(value: Record<string, unknown>, s: Schema, path: string, root: Schema, out: Problem[]): void {
  const known = s.properties || {}
  for (const key of Object.keys(value)) {
    const at = child(path, key)
    if (Object.prototype.hasOwnProperty.call(known, key)) walk(value[key], known[key]!, at, root, out)
    else if (s.additionalProperties === false) {
      // Fields a branch forbids (a template question's `type`) are no suggestion.
      const names = Object.keys(known).filter((k) => !known[k]!.not)
      out.push({
        path: at,
        severity: 'error',
        message: 'is not a known field' + (path ? ' here' : ' of the config'),
        expected: 'one of ' + either(names),
        hint: didYouMean(key, names) ?? 'the fields here are ' + either(names),
      })
    } else if (typeof s.additionalProperties === 'object') walk(value[key], s.additionalProperties, at, root, out)
  }
  const resolve = resolver(root)
  for (const key of s.required || [])
    if (value[key] === undefined)
      out.push({ path: child(path, key), severity: 'error', message: 'is missing', expected: describe(resolve(known[key] || {}), resolve) })
}

/**
 * A union (a question's types, a frequency, a device…): valid when one branch accepts the value;
 * otherwise the problems of the branch that was meant: the one its discriminator (`type`) names,
 * else the one it is closest to (fewest missing required fields, then fewest problems). When no
 * branch stands out, one problem saying what the union accepts.
 */
function anyOf(value: unknown, s: Schema, path: string, root: Schema, out: Problem[]): void {
  const resolve = resolver(root)
  const branches = s.anyOf!.map((b) => ({ schema: resolve(b), problems: [] as Problem[] }))
  for (const b of branches) {
    walk(value, b.schema, path, root, b.problems)
    if (!b.problems.length) return
  }
  const expected = describe(s, resolve)
  const whole = (hint?: string) =>
    out.push({ path, severity: 'error', message: `must be ${expected} (got ${shown(value)})`, expected, ...((hint ?? s.hint) ? { hint: hint ?? s.hint } : {}) })
  const type = typeOf(value)
  const fits = branches.filter(({ schema: b }) => {
    if (b.not || b.const !== undefined || b.enum) return false
    const types = ([] as string[]).concat(b.type || [])
    return !types.length || types.includes(type) || (type === 'integer' && types.includes('number'))
  })
  const names = branches.flatMap(({ schema: b }) => (b.const !== undefined ? [String(b.const)] : b.enum ? b.enum.map(String) : []))
  if (!fits.length) return void whole(typeof value === 'string' ? didYouMean(value, names) : undefined)
  if (fits.length === 1 || !isRecord(value)) return void out.push(...fits[0]!.problems)

  const consts = (key: string) => fits.map((b) => b.schema.properties?.[key]?.const).filter((c) => c !== undefined)
  const discriminator = Object.keys(value).find((key) => consts(key).length)
  if (discriminator !== undefined) {
    const named = fits.find((b) => b.schema.properties?.[discriminator]?.const === value[discriminator])
    if (named) return void out.push(...named.problems)
    const choices = consts(discriminator).map(String)
    return void out.push({
      path: child(path, discriminator),
      severity: 'error',
      message: `must be ${either(choices.map(shown))} (got ${shown(value[discriminator])})`,
      expected: either(choices.map(shown)),
      ...(typeof value[discriminator] === 'string' && didYouMean(value[discriminator] as string, choices)
        ? { hint: didYouMean(value[discriminator] as string, choices) }
        : {}),
    })
  }
  const missing = (b: Schema) => (b.required || []).filter((k) => value[k] === undefined).length
  const score = (b: { schema: Schema; problems: Problem[] }) => missing(b.schema) * 1000 + b.problems.length
  const ranked = [...fits].sort((a, b) => score(a) - score(b))
  if (score(ranked[0]!) < score(ranked[1]!)) return void out.push(...ranked[0]!.problems)
  whole()
}
