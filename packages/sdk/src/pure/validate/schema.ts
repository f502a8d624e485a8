/**
 * The subset of JSON Schema (draft-07) that ts-json-schema-generator emits for our types, plus our
 * own `expected` and `hint` (from the `@expected` and `@hint` JSDoc tags): the validator's wording.
 */
export interface Schema {
  $ref?: string
  definitions?: Record<string, Schema>
  type?: JsonType | JsonType[]
  properties?: Record<string, Schema>
  required?: string[]
  additionalProperties?: boolean | Schema
  items?: Schema
  enum?: unknown[]
  const?: unknown
  anyOf?: Schema[]
  not?: Schema
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  minItems?: number
  maxItems?: number
  expected?: string
  hint?: string
}

export type JsonType = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object'

/** The JSON type of a parsed value; whole numbers are `integer` (which is also a `number`). */
export function typeOf(value: unknown): JsonType | 'undefined' {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value == 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value as JsonType
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeOf(v) == 'object'
