import type { Config, Survey } from '../config/types'

/** The config compiled once for the hot path: which surveys each event can trigger, and which past events rules look back on. */
export interface Plan {
  byEvent: Map<string, Survey[]>
  /** Event name → the property names rules read from its past occurrences. */
  watched: Map<string, string[]>
}

export function plan(config: Config): Plan {
  const byEvent = new Map<string, Survey[]>()
  const watched = new Map<string, string[]>()
  const watch = (name: string, where?: object) => watched.set(name, [...new Set([...(watched.get(name) || []), ...Object.keys(where || {})])])
  for (const survey of config.surveys) {
    const t = survey.trigger
    if (!t) continue
    byEvent.has(t.event) ? byEvent.get(t.event)!.push(survey) : byEvent.set(t.event, [survey])
    if (t.count) watch(t.event, t.where)
    if (t.after) watch(t.after.event, t.after.where)
    if (t.unless) watch(t.unless.event, t.unless.where)
  }
  return { byEvent, watched }
}
