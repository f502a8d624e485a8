import { ms } from '../rules/duration'

const isObject = (v: unknown): v is Record<string, any> => !!v && typeof v == 'object' && !Array.isArray(v)

const badDuration = (d: unknown) => d !== undefined && !(ms(d as string) >= 0)

/**
 * The cheap check of a survey's rules: only what would otherwise fail silently (a window that
 * never matches, a delay that fires at once, a share outside 0–1, a touchpoint that does not exist).
 */
export function checkRules(survey: Record<string, any>, at: string, touchpoints: Set<string>): string | undefined {
  const t = survey.trigger
  if (isObject(t)) {
    if (t.where !== undefined && !isObject(t.where)) return at + '.trigger.where must be an object'
    if (t.count !== undefined && !(Number.isInteger(t.count) && t.count > 0)) return at + '.trigger.count must be a whole number above 0'
    if (badDuration(t.within)) return at + '.trigger.within must be a duration such as "30m"'
    for (const k of ['after', 'unless'])
      if (t[k] !== undefined && !(isObject(t[k]) && typeof t[k].event == 'string' && !badDuration(t[k].within)))
        return at + '.trigger.' + k + ' must be { "event": …, "within": "30m" }'
  }
  if (badDuration(survey.delay)) return at + '.delay must be a duration such as "5s"'
  const a = survey.audience
  if (a !== undefined && !isObject(a)) return at + '.audience must be an object'
  if (a && a.sample !== undefined && !(a.sample >= 0 && a.sample <= 1)) return at + '.audience.sample must be a share from 0 to 1'
  if (survey.touchpoint !== undefined && !touchpoints.has(survey.touchpoint))
    return at + '.touchpoint "' + survey.touchpoint + '" is not in touchpoints'
}

/** The ids of the config's touchpoints, or a problem with them. */
export function checkTouchpoints(list: unknown): Set<string> | string {
  if (list === undefined) return new Set()
  if (!Array.isArray(list)) return 'touchpoints must be an array'
  const ids = new Set<string>()
  for (let i = 0; i < list.length; i++) {
    if (!isObject(list[i]) || typeof list[i].id != 'string' || !list[i].id) return 'touchpoints[' + i + '].id must be a non-empty string'
    ids.add(list[i].id)
  }
  return ids
}
