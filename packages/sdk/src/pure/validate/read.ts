import { isRecord } from './schema'

type Rec = Record<string, unknown>

/**
 * Safe reading of a config that may be any shape: the semantic checks look only at what has the
 * right shape and leave the rest to the schema walker, which has reported it already.
 */
export const records = (v: unknown): [Rec, number][] =>
  Array.isArray(v) ? v.map((r, i) => [r, i] as [unknown, number]).filter((e): e is [Rec, number] => isRecord(e[0])) : []

export const record = (v: unknown): Rec | undefined => (isRecord(v) ? v : undefined)

export const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

export const texts = (v: unknown): string[] => (Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [])

export const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined)
