import { ms } from '../rules/duration'
import { glob } from '../rules/glob'
import { didYouMean } from './nearest'
import { child, type Problem } from './problem'
import { num, record, records, text, texts } from './read'

type Rec = Record<string, unknown>
type Report = (p: Problem) => void

/** The operators a condition object may name (rules/conditions.ts); any other makes it always false. */
const OPERATORS = ['eq', 'ne', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'contains', 'exists']

/** A session ends after this many minutes without activity unless `pacing.sessionMinutes` says otherwise. */
const SESSION_MINUTES = 30

/** Unknown operators in `where` / `user` conditions: the rule would silently never hold. */
function checkConditions(conditions: unknown, at: string, report: Report): void {
  for (const [key, condition] of Object.entries(record(conditions) || {})) {
    for (const op of Object.keys(record(condition) || {}))
      if (!OPERATORS.includes(op))
        report({
          path: child(child(at, key), op),
          severity: 'error',
          message: `"${op}" is not a condition operator, so this condition never holds`,
          expected: 'one of ' + OPERATORS.join(', '),
          hint: didYouMean(op, OPERATORS) ?? 'a plain value means "equals"; operators are ' + OPERATORS.join(', '),
        })
  }
}

function checkTrigger(survey: Rec, at: string, report: Report): void {
  const trigger = record(survey.trigger)
  if (survey.trigger === undefined)
    return report({
      path: child(at, 'trigger'),
      severity: 'warning',
      message: 'is not set, so the survey shows only through show(id)',
      hint: 'add { "event": "…" } to show it when that event is tracked',
    })
  if (!trigger) return
  const at_ = child(at, 'trigger')
  const event = text(trigger.event)
  checkConditions(trigger.where, child(at_, 'where'), report)
  if (trigger.within !== undefined && !((num(trigger.count) ?? 1) > 1))
    report({
      path: child(at_, 'within'),
      severity: 'warning',
      message: 'has no effect without a "count" above 1',
      hint: 'set "count" (e.g. 2 for "the second time within 30m"), or remove "within"',
    })
  if (ms(trigger.within as string) === 0)
    report({ path: child(at_, 'within'), severity: 'error', message: 'is 0, a window in which nothing is ever counted', expected: 'a duration above 0' })
  for (const key of ['after', 'unless']) {
    const past = record(trigger[key])
    if (!past) continue
    checkConditions(past.where, child(child(at_, key), 'where'), report)
    if (ms(past.within as string) === 0)
      report({
        path: child(child(at_, key), 'within'),
        severity: 'error',
        message: 'is 0, a window in which nothing is ever seen',
        expected: 'a duration above 0',
      })
    // Only when the past event is the trigger itself: the same name, and no `where` of its own
    // that could tell them apart.
    if (event === undefined || past.event !== event) continue
    if (past.where !== undefined && JSON.stringify(past.where) !== JSON.stringify(trigger.where)) continue
    if (key === 'after' && past.within === undefined)
      report({
        path: child(child(at_, key), 'event'),
        severity: 'warning',
        message: `is the trigger event itself, with no window: this means "the second ${event} ever"`,
        hint: 'say it with "count": 2 (and "within" for a window)',
      })
    // After a delay the trigger itself is what `unless` finds, unless it has left the window by then.
    const outlived = past.within !== undefined && survey.delay !== undefined && ms(past.within as string) < ms(survey.delay as string)
    if (key === 'unless' && !outlived)
      report({
        path: child(child(at_, key), 'event'),
        severity: survey.delay === undefined ? 'warning' : 'error',
        message:
          survey.delay === undefined
            ? `is the trigger event itself: the survey can show only on the first ${event}${past.within === undefined ? '' : ' within ' + past.within}`
            : `is the trigger event itself: after the delay the trigger has always been seen, so the survey never shows`,
        hint: 'name a different event, e.g. the success that makes asking pointless',
      })
  }
}

function checkAudience(survey: Rec, at: string, report: Report): void {
  const audience = record(survey.audience)
  if (!audience) return
  const at_ = child(at, 'audience')
  checkConditions(audience.user, child(at_, 'user'), report)
  const dates: Record<string, number> = {}
  for (const key of ['from', 'until']) {
    const date = text(audience[key])
    if (date === undefined) continue
    dates[key] = Date.parse(date)
    if (Number.isNaN(dates[key]))
      report({ path: child(at_, key), severity: 'error', message: `"${date}" is not a date`, expected: 'an ISO date such as "2025-03-01"' })
  }
  // A bare date as `until` means the whole of that day.
  if (dates.from !== undefined && dates.until !== undefined && dates.from > dates.until + (text(audience.until)!.length === 10 ? 864e5 - 1 : 0))
    report({
      path: child(at_, 'until'),
      severity: 'error',
      message: `is before "from" (${audience.from}), so the survey never shows`,
      hint: 'swap the two dates',
    })
  if (audience.sample === 0)
    report({
      path: child(at_, 'sample'),
      severity: 'warning',
      message: 'is 0, so nobody is asked',
      hint: 'a share such as 0.1 asks one person in ten; to pause the survey, remove its trigger',
    })
  const urls = texts(audience.urls)
  const notUrls = texts(audience.notUrls)
  // A page listed in urls that notUrls also covers: notUrls wins, so that entry never applies.
  const excluded = urls.map((url) => notUrls.findIndex((not) => not === url || (!url.includes('*') && glob(not, url))))
  excluded.forEach((j, i) => {
    if (j >= 0 && excluded.some((k) => k < 0))
      report({
        path: child(child(at_, 'urls'), i),
        severity: 'warning',
        message: `"${urls[i]}" is also excluded by notUrls[${j}] ("${notUrls[j]}"), which wins`,
        hint: 'remove it from one of the two lists',
      })
  })
  if (urls.length && excluded.every((j) => j >= 0))
    report({
      path: child(at_, 'notUrls'),
      severity: 'error',
      message: 'excludes every page in "urls", so the survey never shows',
      hint: 'remove the overlap between "urls" and "notUrls"',
    })
}

/** A delay outlasting the session: the customer has left (the delay is cancelled) long before. */
function checkDelay(config: Rec, survey: Rec, at: string, report: Report): void {
  if (survey.delay === undefined) return
  const delay = ms(survey.delay as string)
  const session = (num(record(config.pacing)?.sessionMinutes) ?? SESSION_MINUTES) * 6e4
  if (delay > session)
    report({
      path: child(at, 'delay'),
      severity: 'warning',
      message: `(${survey.delay}) is longer than a session (${session / 6e4} minutes), so the page has almost surely been left`,
      hint: 'a delay is for seconds to a few minutes; it is cancelled when the customer leaves the page',
    })
}

/** When and to whom each survey shows: rules that can never hold, or that do not do what they seem to. */
export function checkRules(config: Rec, report: Report): void {
  for (const [survey, i] of records(config.surveys)) {
    const at = child('surveys', i)
    checkTrigger(survey, at, report)
    checkAudience(survey, at, report)
    checkDelay(config, survey, at, report)
  }
}
