import type { Config, Touchpoint } from '../config/types'
import { glob } from '../rules/glob'
import { keepable, type TouchEvent } from './event'

/** One step of the journey as the backend sees it, next to the answer it led to. */
export interface TrailEntry {
  event: string
  /** Epoch milliseconds. */
  at: number
  /** The touchpoint the event belongs to, by its `events` or `urls`. */
  touchpoint?: string
  /** Only the properties the config's `journey.props` allows: no PII unless asked for. */
  props?: Record<string, unknown>
}

export const TRAIL_KEEP = 20

/** `journey.keep`, at most 100; the default when it is not a number: a typo must not unbound the trail or throw. */
export const keepOf = (config: Config): number => {
  const k = config.journey?.keep
  // Not compared unless a number: JSON such as {"valueOf": 1} throws when compared.
  return typeof k === 'number' && k >= 0 ? Math.min(k, 100) : TRAIL_KEEP
}

/** The touchpoint an event happened at: the first whose events name it, else the first whose urls match the page. */
export const touchpointOf = (touchpoints: Touchpoint[] = [], name: string, path: string): Touchpoint | undefined =>
  touchpoints.find((t) => t.events?.includes(name)) || touchpoints.find((t) => t.urls?.some((u) => glob(u, path)))

/** Appends an event to the trail, keeping the newest `journey.keep` entries and the allowed properties. */
export function extend(trail: TrailEntry[], event: TouchEvent, config: Config, path: string): void {
  const entry: TrailEntry = { event: event.name, at: event.at }
  const tp = touchpointOf(config.touchpoints, event.name, path)
  if (tp) entry.touchpoint = tp.id
  for (const k of config.journey?.props || []) if (k in event.props) (entry.props ||= {})[k] = keepable(event.props[k])
  const keep = keepOf(config)
  trail.push(entry)
  // shift(), not splice(): splice makes an array of what it removes, on every event once the trail is full.
  while (trail.length > keep) trail.shift()
}

/** Both tabs' trails, without duplicates, oldest first, within the bound. */
export const mergeTrail = (a: TrailEntry[], b: TrailEntry[], keep: number): TrailEntry[] => {
  const seen = new Set<string>()
  return [...a, ...b]
    .filter((e) => {
      const key = e.at + e.event
      return !seen.has(key) && !!seen.add(key)
    })
    .sort((x, y) => x.at - y.at)
    .slice(-keep)
}
