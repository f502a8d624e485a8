/**
 * Journeys for `hetki simulate`: one event a line (NDJSON), as a product's analytics can export
 * them, or the collector's export (`GET /api/export.ndjson`), whose records carry the trail that led
 * to each prompt.
 */

/** One thing one person did, at a moment: what the browser would `track()`. */
export interface JourneyEvent {
  /** Who: one person across their tabs, sessions and days (the sampling id in the browser). */
  person: string
  /** Epoch milliseconds. */
  at: number
  event: string
  props?: Record<string, unknown>
  /** The page path, e.g. `/fi/help`; the person's previous one when left out (`/` at first). */
  path?: string
  /** The audience's device, language and user attributes; the previous ones when left out. */
  device?: 'desktop' | 'mobile' | 'tablet'
  lang?: string
  user?: Record<string, unknown>
}

/** A journey line as written: `at` as epoch milliseconds or an ISO date. */
type Line = Omit<JourneyEvent, 'at'> & { at: number | string }

/** A record of the collector's export: a prompt, with the trail of the person's journey before it. */
interface Exported {
  surveyId: string
  responseId?: string
  userId?: string | null
  path?: string | null
  lang?: string | null
  trail: { event: string; at: string; props?: Record<string, unknown> }[]
}

const time = (at: unknown): number => (typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : NaN)

/**
 * The events of one parsed line: a journey line gives one; a record of the collector's export gives
 * its trail, as the events of one person (its `userId`, else its `responseId`) on the record's page.
 * Throws on a line that is neither, saying what is missing.
 */
export function eventsOf(line: unknown): JourneyEvent[] {
  const l = line as Partial<Line> & Partial<Exported>
  if (!l || typeof l !== 'object') throw new Error('not a JSON object')
  if (Array.isArray(l.trail) && typeof l.surveyId === 'string') {
    const person = l.userId || l.responseId
    if (!person) throw new Error('an exported record without userId or responseId')
    return l.trail.map((s) => ({
      person,
      at: time(s.at),
      event: s.event,
      ...(s.props ? { props: s.props } : {}),
      ...(l.path ? { path: l.path } : {}),
      ...(l.lang ? { lang: l.lang } : {}),
    }))
  }
  const at = time(l.at)
  if (typeof l.person !== 'string' && typeof l.person !== 'number') throw new Error('"person" is missing')
  if (typeof l.event !== 'string') throw new Error('"event" is missing')
  if (!Number.isFinite(at)) throw new Error('"at" is not a time (epoch milliseconds or an ISO date)')
  return [{ ...(l as Line), person: String(l.person), at }]
}

/**
 * The people of a set of events, each with their events oldest first (events at the same moment
 * keep their order). `exported`: the events come from the collector's export, whose records repeat
 * the same trail steps (a response and its "shown" moment, several prompts of one person), so a
 * step seen twice (same person, moment, event and properties) counts once.
 */
export function byPerson(events: Iterable<JourneyEvent>, exported = false): Map<string, JourneyEvent[]> {
  const people = new Map<string, JourneyEvent[]>()
  for (const e of events) {
    const list = people.get(e.person)
    list ? list.push(e) : people.set(e.person, [e])
  }
  for (const [person, list] of people) {
    list.sort((a, b) => a.at - b.at)
    if (!exported) continue
    const seen = new Set<string>()
    people.set(
      person,
      list.filter((e) => {
        const key = e.at + ' ' + e.event + ' ' + JSON.stringify(e.props ?? null)
        return !seen.has(key) && !!seen.add(key)
      }),
    )
  }
  return people
}
