import type { Config } from '../config/types'
import type { JourneyEvent } from './journeys'
import { random } from './random.mjs'

/**
 * A traffic profile: synthetic journeys for a forecast when no real ones are at hand
 * (`hetki simulate config.json --profile profile.json`, or the same as flags).
 *
 * ```json
 * { "days": 30, "visitorsPerDay": 2000, "returning": 0.3, "pageViews": 4,
 *   "rates": { "checkout": 0.08, "payment.failed": 0.01, "help-centre": 0.05 } }
 * ```
 */
export interface Profile {
  /** The first day (ISO date). Default 2026-01-05, a Monday. */
  start?: string
  /** How many days. */
  days: number
  /** Visits per day. */
  visitorsPerDay: number
  /** Share of each day's visits made by people who came before (any earlier visitor, equally likely). Default 0.3. */
  returning?: number
  /** Page views per visit (`page.viewed`), besides the events in `rates`. Default 3. */
  pageViews?: number
  /**
   * Per visit, how often each event happens (0.08: in 8 % of visits; 1.5: once or twice). A
   * touchpoint's id stands for each of its events.
   */
  rates: Record<string, number>
  /** The page of an event (by event name or touchpoint id); default the touchpoint's first URL without a `*`, else `/`. */
  paths?: Record<string, string>
  /** How long a visit lasts: its events are spread over it. Default 10 minutes. */
  minutes?: number
  /** The random seed: the same profile and seed give the same journeys. Default 1. */
  seed?: number
}

/** Checks a profile; the first problem in words, or nothing. */
export function checkProfile(p: Partial<Profile>): string | undefined {
  const positive = (v: unknown) => typeof v === 'number' && v > 0 && Number.isFinite(v)
  if (!positive(p.days)) return '"days" must be a number above 0'
  if (!positive(p.visitorsPerDay)) return '"visitorsPerDay" must be a number above 0'
  if (p.returning !== undefined && !(typeof p.returning === 'number' && p.returning >= 0 && p.returning <= 1)) return '"returning" must be a share from 0 to 1'
  if (!p.rates || typeof p.rates !== 'object') return '"rates" must be an object: { "event or touchpoint": visits share }'
  for (const [k, v] of Object.entries(p.rates)) if (!(typeof v === 'number' && v >= 0)) return `"rates.${k}" must be a number ≥ 0`
  if (p.start !== undefined && Number.isNaN(Date.parse(p.start))) return '"start" must be an ISO date'
}

/**
 * Synthetic journeys from a profile: each day `visitorsPerDay` visits at random moments, some by
 * returning people; each visit has its page views and the events of `rates`, spread over
 * `minutes`. Returns the people with their events, oldest first.
 */
export function synthesize(profile: Profile, config: Config): Map<string, JourneyEvent[]> {
  const next = random(profile.seed ?? 1)
  const start = Date.parse(profile.start ?? '2026-01-05')
  const returning = profile.returning ?? 0.3
  const views = profile.pageViews ?? 3
  const span = (profile.minutes ?? 10) * 6e4
  const touchpoints = config.touchpoints || []
  const pathOf = (key: string, tp?: string): string =>
    profile.paths?.[key] ??
    (tp !== undefined ? profile.paths?.[tp] : undefined) ??
    touchpoints.find((t) => t.id === tp)?.urls?.find((u) => !u.includes('*')) ??
    '/'
  // Each rate as [event, page, expected per visit]; a touchpoint id becomes each of its events.
  const rates: [string, string, number][] = Object.entries(profile.rates).flatMap(([key, rate]) => {
    const tp = touchpoints.find((t) => t.id === key)
    if (tp?.events?.length) return tp.events.map((e): [string, string, number] => [e, pathOf(e, tp.id), rate])
    const owner = touchpoints.find((t) => t.events?.includes(key))
    return [[key, pathOf(key, owner?.id), rate]]
  })
  const pages = [...new Set(['/', ...rates.map((r) => r[1])])]
  const people = new Map<string, JourneyEvent[]>()
  const everyone: string[] = []
  const times = (expected: number) => Math.floor(expected) + (next() < expected % 1 ? 1 : 0)

  for (let day = 0; day < profile.days; day++) {
    const visits = Math.round(profile.visitorsPerDay)
    const starts = Array.from({ length: visits }, () => start + day * 864e5 + Math.floor(next() * 864e5)).sort((a, b) => a - b)
    for (const at of starts) {
      let person = 'p' + everyone.length
      if (everyone.length && next() < returning) person = everyone[Math.floor(next() * everyone.length)]!
      else everyone.push(person)
      const visit: JourneyEvent[] = []
      const moment = () => at + Math.floor(next() * span)
      for (let i = 0; i < views; i++) visit.push({ person, at: i ? moment() : at, event: 'page.viewed', path: pages[Math.floor(next() * pages.length)]! })
      for (const [event, path, rate] of rates) for (let n = times(rate); n > 0; n--) visit.push({ person, at: moment(), event, path })
      visit.sort((a, b) => a.at - b.at)
      const list = people.get(person)
      list ? list.push(...visit) : people.set(person, visit)
    }
  }
  // A returning person's visits on one day may overlap: keep each person's events in time order.
  for (const list of people.values()) list.sort((a, b) => a.at - b.at)
  return people
}
