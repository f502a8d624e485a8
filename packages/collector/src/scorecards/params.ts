// The scorecards' query strings, read and checked: the period, its baseline and trend steps, the
// filters, and the open texts' paging. Pure: a ParamError's message is the 400's reason.
import type { Filters, Period, ScorecardRequest } from './contract'
import { decodeCursor, type TextsQuery } from './query'

const DAY = 86_400_000
/** The default period, and the longest one asked for (two years of weekly steps). */
export const DEFAULT_DAYS = 28
export const MAX_DAYS = 731
/**
 * Periods up to this long are drawn a day per trend step, longer ones a week per step. Two weeks:
 * at the demo's traffic (a few answers a day per touchpoint) a 28-day period drawn by day left
 * almost every day with too few answers to draw, so the trend showed grey and no line.
 */
export const DAILY_UP_TO_DAYS = 14

/** A query string the route cannot read: answered 400 with the message. */
export class ParamError extends Error {}

const DATE = /^\d{4}-\d{2}-\d{2}$/
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

/**
 * An ISO date or time as milliseconds. A bare date is midnight UTC at its start, or, as an end
 * (`to`), at its end: to=2026-11-30 includes the 30th.
 */
function time(value: string, name: string, end: boolean): number {
  let ms: number
  if (DATE.test(value)) ms = Date.parse(value + 'T00:00:00Z') + (end ? DAY : 0)
  else if (DATETIME.test(value)) ms = Date.parse(value)
  else throw new ParamError(`${name} must be an ISO date (2026-11-30) or time (2026-11-30T12:00:00Z), not ${JSON.stringify(value)}`)
  if (Number.isNaN(ms) || !realDate(value)) throw new ParamError(`${name} is not a real date: ${value}`)
  return ms
}

/** Date.parse rolls 2026-02-30 over into March; the calendar date and clock must exist as written. */
function realDate(value: string): boolean {
  const [y, m, d, h = 0, min = 0, sec = 0] = (value.match(/\d+/g) ?? []).map(Number)
  const t = new Date(Date.UTC(y!, m! - 1, d!))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m! - 1 && t.getUTCDate() === d && h < 24 && min < 60 && sec < 60
}

// Scorecards count whole UTC days (query.ts walks its indexes by day): a time is widened to the
// days it falls in, `from` down to its midnight, `to` up to the next one.
const floorDay = (ms: number) => Math.floor(ms / DAY) * DAY
const ceilDay = (ms: number) => Math.ceil(ms / DAY) * DAY

const iso = (ms: number) => new Date(ms).toISOString()

/** The trend's steps over a period, oldest first: days up to 14 days, else weeks; the last is cut at `to`. */
export function trendSteps(from: number, to: number): Period[] {
  const step = to - from <= DAILY_UP_TO_DAYS * DAY ? DAY : 7 * DAY
  const steps: Period[] = []
  for (let t = from; t < to; t += step) steps.push({ from: iso(t), to: iso(Math.min(t + step, to)) })
  return steps
}

const FILTERS = ['survey', 'touchpoint', 'owner', 'lang', 'path', 'channel'] as const

export function filtersOf(params: URLSearchParams): Filters {
  const filters: Filters = {}
  for (const name of FILTERS) {
    const v = params.get(name)
    if (v === null || v === '') continue
    if (v.length > 200) throw new ParamError(`${name} is longer than 200 characters`)
    filters[name] = v
  }
  return filters
}

/**
 * What /api/scorecards?from=&to=&baseline_from=&baseline_to=&… asks for, in whole UTC days (a time
 * is widened to the days it falls in). Defaults: the last 28 days, today included, against the 28
 * days before; a given period without a baseline is compared with the period of the same length
 * just before it. Throws ParamError with the reason.
 */
export function scorecardRequest(params: URLSearchParams, now: Date): ScorecardRequest {
  const get = (name: string) => params.get(name) || undefined
  const fromParam = get('from')
  const toParam = get('to')
  const endOfToday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY
  const to = toParam ? ceilDay(time(toParam, 'to', true)) : fromParam ? Math.max(endOfToday, floorDay(time(fromParam, 'from', false)) + DAY) : endOfToday
  const from = fromParam ? floorDay(time(fromParam, 'from', false)) : to - DEFAULT_DAYS * DAY
  if (from >= to) throw new ParamError('from must be before to')
  if (to - from > MAX_DAYS * DAY) throw new ParamError(`the period is longer than ${MAX_DAYS} days`)
  const bFromParam = get('baseline_from')
  const bToParam = get('baseline_to')
  if (!bFromParam !== !bToParam) throw new ParamError('give both baseline_from and baseline_to, or neither')
  const bFrom = bFromParam ? floorDay(time(bFromParam, 'baseline_from', false)) : from - (to - from)
  const bTo = bToParam ? ceilDay(time(bToParam, 'baseline_to', true)) : from
  if (bFrom >= bTo) throw new ParamError('baseline_from must be before baseline_to')
  if (bTo - bFrom > MAX_DAYS * DAY) throw new ParamError(`the baseline is longer than ${MAX_DAYS} days`)
  return { period: { from: iso(from), to: iso(to) }, baseline: { from: iso(bFrom), to: iso(bTo) }, trend: trendSteps(from, to), filters: filtersOf(params) }
}

/** What /api/texts?touchpoint=&survey=&owner=&channel=&lang=&path=&q=&from=&to=&cursor=&limit= asks for. */
export function textsQuery(params: URLSearchParams): TextsQuery {
  const query: TextsQuery = { ...filtersOf(params) }
  const q = params.get('q')
  if (q) {
    if (q.length > 200) throw new ParamError('q is longer than 200 characters')
    query.q = q
  }
  const from = params.get('from')
  const to = params.get('to')
  if (from) query.from = iso(time(from, 'from', false))
  if (to) query.to = iso(time(to, 'to', true))
  const cursor = params.get('cursor')
  if (cursor) {
    if (!decodeCursor(cursor)) throw new ParamError('cursor: pass the `next` of the previous page as it was')
    query.cursor = cursor
  }
  const limit = params.get('limit')
  if (limit) {
    const n = Number(limit)
    if (!Number.isInteger(n) || n < 1 || n > 500) throw new ParamError('limit must be a whole number from 1 to 500')
    query.limit = n
  }
  return query
}
