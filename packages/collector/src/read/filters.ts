// The filters every read route takes (survey, touchpoint, owner, from, to, kind, preview), read from
// the query string, and the rows they select, with an owner's token narrowing them to that owner's
// touchpoints. One place, so the JSON API and both exports can never disagree on what they show.
import { sql, type SelectQueryBuilder } from 'kysely'
import type { Config } from '../../../sdk/src/pure/config/types'
import type { Database } from '../db/schema'
import type { Access } from '../server/contract'

export type Kind = 'response' | 'shown' | 'dismissed'

export interface ReadFilters {
  kind: Kind
  survey?: string
  touchpoint?: string
  /** An owner as the config names them: the records of their touchpoints. */
  owner?: string
  /** ISO times, half-open [from, to), on the record's own time (a response's start, a moment's at). */
  from?: string
  to?: string
  /** Include preview records (someone checking a survey); default: left out. */
  preview: boolean
}

const iso = (v: string | null, name: string) => {
  if (v === null || v === '') return undefined
  const ms = Date.parse(v)
  if (Number.isNaN(ms)) throw new BadRequest(`${name} must be an ISO date or time`)
  return new Date(ms).toISOString()
}

/** A query string the route cannot read: answered 400 with the message. */
export class BadRequest extends Error {}

export function readFilters(url: URL): ReadFilters {
  const q = url.searchParams
  const kind = (q.get('kind') || 'response') as Kind
  if (!['response', 'shown', 'dismissed'].includes(kind)) throw new BadRequest('kind must be response, shown or dismissed')
  return {
    kind,
    survey: q.get('survey') || undefined,
    touchpoint: q.get('touchpoint') || undefined,
    owner: q.get('owner') || undefined,
    from: iso(q.get('from'), 'from'),
    to: iso(q.get('to'), 'to'),
    preview: q.get('preview') === '1' || q.get('preview') === 'true',
  }
}

/** The touchpoint ids the config gives an owner. */
export const touchpointsOf = (config: Config, owner: string): string[] => (config.touchpoints ?? []).filter((t) => t.owner === owner).map((t) => t.id)

/**
 * Applies the filters and the access to a query on `responses` or `moments`; `time` is the column
 * records are cut on. An owner's token sees only the touchpoints the config gives that owner.
 */
export function applyFilters<T extends 'responses' | 'moments', O>(
  query: SelectQueryBuilder<Database, T, O>,
  filters: ReadFilters,
  access: Access,
  config: Config,
  time: 'started_at' | 'at',
): SelectQueryBuilder<Database, T, O> {
  // Kysely cannot type a column shared by two tables through a generic table name; the names are ours.
  let q = query as unknown as SelectQueryBuilder<Database, 'responses', O>
  const col = time as 'started_at'
  if (filters.kind !== 'response') q = (q as unknown as SelectQueryBuilder<Database, 'moments', O>).where('kind', '=', filters.kind) as unknown as typeof q
  if (filters.survey) q = q.where('survey_id', '=', filters.survey)
  if (filters.touchpoint) q = q.where('touchpoint', '=', filters.touchpoint)
  // An owner with no touchpoint in the config sees nothing (`in ()` is not SQL, so: a false condition).
  const within = (ids: string[]) => (q = ids.length ? q.where('touchpoint', 'in', ids) : q.where(sql<boolean>`1 = 0`))
  if (filters.owner) within(touchpointsOf(config, filters.owner))
  if (access.role === 'owner') within(touchpointsOf(config, access.owner))
  if (filters.from) q = q.where(col, '>=', filters.from)
  if (filters.to) q = q.where(col, '<', filters.to)
  if (!filters.preview) q = q.where('preview', '=', 0)
  return q as unknown as SelectQueryBuilder<Database, T, O>
}
