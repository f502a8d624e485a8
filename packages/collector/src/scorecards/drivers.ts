// Root cause and non-response bias: which trail events are over-represented in one group of
// responses (low scores; answered prompts) against the other, as the difference of two shares with
// Newcombe's interval, in percentage points. Pure.
import { newcombe } from '../stats/difference'
import { excludesZero } from '../stats/interval'
import { wilson } from '../stats/wilson'
import type { BiasRow, Driver, Estimate, PromptCount, PromptTrailCount, ScoredCount, TrailCount } from './contract'
import type { Names } from './labels'

const percent = (i: { value: number; low: number; high: number; method: string } | null, n: number, method: string): Estimate =>
  i ? { value: 100 * i.value, n, low: 100 * i.low, high: 100 * i.high, method: i.method } : { value: null, n, low: null, high: null, method }

interface Compared {
  event: string
  eventTouchpoint: string | null
  withA: Estimate
  withB: Estimate
  difference: Estimate
  real: boolean
}

/** Per (event, where it happened): share in group A, share in group B, and A − B; largest difference first. */
function compare(
  rows: { event: string; eventTouchpoint: string | null; inA: boolean; count: number }[],
  nA: number,
  nB: number,
  byMagnitude = false,
): Compared[] {
  if (nA <= 0 || nB <= 0) return []
  const byKey = new Map<string, { event: string; eventTouchpoint: string | null; a: number; b: number }>()
  for (const r of rows) {
    if (!(r.count > 0)) continue
    const key = r.eventTouchpoint === null ? `${r.event}\u0000` : `${r.event}\u0001${r.eventTouchpoint}`
    const entry = byKey.get(key) ?? { event: r.event, eventTouchpoint: r.eventTouchpoint, a: 0, b: 0 }
    if (r.inA) entry.a += r.count
    else entry.b += r.count
    byKey.set(key, entry)
  }
  // An event in every trail of both groups ("viewed a page", the survey's own trigger) cannot tell
  // them apart: a row of "0 pp, could be noise" for it would only push the informative ones down.
  const out = [...byKey.values()]
    .filter((e) => !(e.a >= nA && e.b >= nB))
    .map((e) => {
      const d = newcombe(e.a, nA, e.b, nB)
      return {
        event: e.event,
        eventTouchpoint: e.eventTouchpoint,
        withA: percent(wilson(e.a, nA), nA, 'wilson'),
        withB: percent(wilson(e.b, nB), nB, 'wilson'),
        difference: percent(d, nA + nB, 'newcombe-hybrid-score'),
        real: !!d && excludesZero(d),
      }
    })
  // Largest difference first (by size, either way, when byMagnitude); between equals, the surer
  // one (higher lower bound), then by name, so the order is stable.
  const size = (c: Compared) => (byMagnitude ? Math.abs(c.difference.value ?? 0) : (c.difference.value ?? 0))
  return out.sort(
    (x, y) =>
      size(y) - size(x) ||
      (y.difference.low ?? 0) - (x.difference.low ?? 0) ||
      x.event.localeCompare(y.event) ||
      String(x.eventTouchpoint).localeCompare(String(y.eventTouchpoint)),
  )
}

/**
 * Root cause for one touchpoint's responses: for every event in their trails (per touchpoint where
 * it happened), the share of low-scored responses with it against the share of the others, the
 * lift in percentage points with Newcombe's interval, `real` when that excludes 0; named, with the
 * owner of the touchpoint where the event happened; sorted by lift. Empty when either group is empty.
 */
export function rootCause(touchpoint: string | null, trails: readonly TrailCount[], scored: readonly ScoredCount[], names: Names): Driver[] {
  const mine = (r: { touchpoint: string | null }) => r.touchpoint === touchpoint
  const nLow = scored.filter((s) => mine(s) && s.low).reduce((a, s) => a + s.count, 0)
  const nOthers = scored.filter((s) => mine(s) && !s.low).reduce((a, s) => a + s.count, 0)
  const rows = trails.filter(mine).map((t) => ({ event: t.event, eventTouchpoint: t.eventTouchpoint, inA: t.low, count: t.count }))
  return compare(rows, nLow, nOthers).map((c) => ({
    event: c.event,
    label: names.event(c.event),
    touchpoint: c.eventTouchpoint,
    touchpointName: c.eventTouchpoint === null ? null : names.touchpoint(c.eventTouchpoint),
    owner: names.owner(c.eventTouchpoint),
    withLow: c.withA,
    withOthers: c.withB,
    lift: c.difference,
    real: c.real,
  }))
}

/**
 * Non-response bias for one touchpoint's prompts: for every event in the trails of their `shown`
 * records, the share of answered prompts (completed or partial) with it against the share of the
 * unanswered ones (dismissed or ignored), the difference with Newcombe's interval, `real` when it
 * excludes 0. Events far more common among those who did not answer mean the scores speak for a
 * different crowd than the one shown the prompt. Sorted by the size of the difference, either way.
 */
export function nonResponse(touchpoint: string | null, promptTrails: readonly PromptTrailCount[], prompts: readonly PromptCount[], names: Names): BiasRow[] {
  const mine = prompts.filter((p) => p.slice === 'current' && p.touchpoint === touchpoint)
  const answered = mine.filter((p) => p.outcome === 'completed' || p.outcome === 'partial').reduce((a, p) => a + p.count, 0)
  const unanswered = mine.filter((p) => p.outcome === 'dismissed' || p.outcome === 'ignored').reduce((a, p) => a + p.count, 0)
  const rows = promptTrails
    .filter((t) => t.touchpoint === touchpoint)
    .map((t) => ({ event: t.event, eventTouchpoint: t.eventTouchpoint, inA: t.answered, count: t.count }))
  return compare(rows, answered, unanswered, true).map((c) => ({
    event: c.event,
    label: names.event(c.event),
    touchpoint: c.eventTouchpoint,
    touchpointName: c.eventTouchpoint === null ? null : names.touchpoint(c.eventTouchpoint),
    owner: names.owner(c.eventTouchpoint),
    answered: c.withA,
    unanswered: c.withB,
    difference: c.difference,
    real: c.real,
  }))
}
