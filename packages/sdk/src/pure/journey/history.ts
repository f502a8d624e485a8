import type { Conditions } from '../config/types'
import { matcher } from '../rules/conditions'
import { keepable, type TouchEvent } from './event'

/**
 * The past events rules look back on (counts, sequences, negations): per event name, the times and
 * the few properties rules read, oldest first. Only events some rule watches are kept. Keys are the
 * event name behind a `#`, so that a page's event called `__proto__` can never reach the prototype.
 */
export type History = Record<string, [at: number, props?: Record<string, unknown>][]>

/** What is kept of each watched event name: at most this many, for at most this long. */
export const HISTORY_MAX = 50
export const HISTORY_AGE_MS = 90 * 864e5

/** Adds an event to the history if a rule watches it, keeping only the properties rules read. */
export function remember(history: History, event: TouchEvent, watched: Map<string, string[]>): void {
  const keys = watched.get(event.name)
  if (!keys) return
  let props: Record<string, unknown> | undefined
  for (const k of keys) if (k in event.props) (props ||= {})[k] = keepable(event.props[k])
  const list = (history['#' + event.name] ||= [])
  list.push(props ? [event.at, props] : [event.at])
  const since = event.at - HISTORY_AGE_MS
  while (list.length > HISTORY_MAX || (list[0] && list[0][0] < since)) list.shift()
}

/** How many remembered `name` events met `where` at or after `since`. */
export function count(history: History, name: string, where: Conditions | undefined, since: number): number {
  // A loop rather than filter(), no array per look-back; the conditions are listed once, not per event.
  const fails = matcher(where)
  let n = 0
  for (const [at, props] of history['#' + name] || []) if (at >= since && !fails(props || {})) n++
  return n
}

/** Merges two histories (e.g. this tab's and another tab's), without duplicates, within the bounds. */
export function mergeHistory(a: History, b: History): History {
  const out: History = {}
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const seen = new Set<string>()
    out[name] = [...(a[name] || []), ...(b[name] || [])]
      .filter((e) => {
        const key = JSON.stringify(e)
        return !seen.has(key) && !!seen.add(key)
      })
      .sort((x, y) => x[0] - y[0])
      .slice(-HISTORY_MAX)
  }
  return out
}
