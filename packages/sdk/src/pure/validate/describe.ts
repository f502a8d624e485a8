import { shown } from './problem'
import type { JsonType, Schema } from './schema'

const WORDS: Record<JsonType, string> = {
  null: 'null',
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
  string: 'a text',
  array: 'a list',
  object: 'an object',
}

/** `a, b or c` */
export const either = (items: string[]): string => (items.length < 2 ? items.join('') : items.slice(0, -1).join(', ') + ' or ' + items[items.length - 1])

/** The range of a number schema in words: `a whole number from 2 to 11`, `a number above 0`. */
export function range(s: Schema, noun: string): string {
  const low = s.minimum ?? s.exclusiveMinimum
  const high = s.maximum ?? s.exclusiveMaximum
  if (s.minimum !== undefined && s.maximum !== undefined) return `${noun} from ${low} to ${high}`
  const parts = [
    s.minimum !== undefined ? `≥ ${low}` : s.exclusiveMinimum !== undefined ? `above ${low}` : '',
    s.maximum !== undefined ? `≤ ${high}` : s.exclusiveMaximum !== undefined ? `below ${high}` : '',
  ].filter(Boolean)
  return [noun, ...parts].join(' ')
}

/**
 * What a (resolved) schema accepts, in words for a product manager: its `expected` when the types
 * say it, else built from the type, enum, const and ranges.
 */
export function describe(s: Schema, resolve: (s: Schema) => Schema): string {
  if (s.expected) return s.expected
  if (s.const !== undefined) return shown(s.const)
  if (s.enum) return either(s.enum.map(shown))
  if (s.anyOf) {
    const branches = s.anyOf.map(resolve).filter((b) => !b.not)
    return either(branches.map((b) => describe(b, resolve)))
  }
  const types = ([] as JsonType[]).concat(s.type || [])
  if (!types.length) return 'anything'
  if (types.length === 1 && (types[0] === 'number' || types[0] === 'integer')) return range(s, WORDS[types[0]])
  if (types[0] === 'string' && s.minLength) return 'a non-empty text'
  if (types[0] === 'array' && s.items) {
    const item = resolve(s.items)
    return item.enum ? 'a list of ' + either(item.enum.map(shown)) : 'a list'
  }
  return either(types.map((t) => WORDS[t]))
}
