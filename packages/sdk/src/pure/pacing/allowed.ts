import type { PacingConfig } from '../config/pacing'
import type { Survey } from '../config/types'
import { step, type Reason, type Step } from '../rules/trace'
import { inSession } from './session'
import type { PacingState } from './state'

const DAY = 864e5
/** Snooze after "not now" or a dismiss when the survey's config names none. */
export const SNOOZE_DAYS = 7

/**
 * The pacing stage: pure, no DOM, no I/O, the clock passed in. Whether `survey` may be shown at
 * `now` given what this device remembers, with the reason as data (worded by rules/words.ts). The
 * survey's own rules first (max responses, frequency, snooze, spacing after other surveys), then
 * its groups' cooldowns, then those shared by all surveys (cooldown, per session, per N days). A
 * frequency it does not know counts as "once": a typo must never make a survey nag. Pacing runs
 * with any config (the validator reports what is wrong): a malformed group or spacing is ignored.
 */
export function allowed(survey: Survey, state: PacingState, now: number, config: PacingConfig = {}): Step {
  const own = survey.pacing || {}
  const m = state.surveys[survey.id] || {}
  const every = (own.frequency as { everyDays?: number } | undefined)?.everyDays
  const shows = state.shows
  const cap = config.maxPer || ({} as { surveys: number; days: number })
  const recent = shows.filter((t) => t > now - cap.days * DAY)
  // A "not now" after the last showing is answered with the snooze, else with the survey's period.
  const snoozed = m.dismissed! >= m.shown!
  /** The reason to wait when `until` is still to come. */
  const wait = (code: 'snoozed' | 'everyDays' | 'cooldown' | 'maxPer', until: number): Reason | false => until > now && { code, until }
  /** When survey `id` was last shown on this device (0: never). */
  const shown = (id: string) => state.surveys[id]?.shown || 0
  let spacing: Reason | undefined
  for (const [after, days] of Object.entries(own.spacingDays || {})) {
    const until = shown(after) + (days as number) * DAY
    if (shown(after) && until > now) spacing ||= { code: 'spacing', after, until }
  }
  let grouped: Reason | undefined
  for (const [group, g] of Object.entries(config.groups || {})) {
    const members = g?.surveys
    if (!Array.isArray(members) || !members.includes(survey.id)) continue
    const until = Math.max(...members.map(shown)) + g.cooldownDays * DAY
    if (until > now) grouped ||= { code: 'group', group, until }
  }

  const why: Reason | false | undefined | 0 =
    (m.responses! >= own.maxResponses! && { code: 'maxResponses' }) ||
    (m.shown && !every && (own.frequency !== 'untilAnswered' ? { code: 'once', at: m.shown } : m.answered && { code: 'answered' })) ||
    wait(snoozed ? 'snoozed' : 'everyDays', snoozed ? m.dismissed! + (own.snoozeDays ?? SNOOZE_DAYS) * DAY : m.shown! + every! * DAY) ||
    spacing ||
    grouped ||
    (!own.ignoreCooldown && wait('cooldown', shows[shows.length - 1]! + (config.cooldownDays || 0) * DAY)) ||
    (inSession(state, now, config.sessionMinutes) && shows.filter((t) => t >= state.start).length >= config.maxPerSession! && { code: 'maxPerSession' }) ||
    (recent.length >= cap.surveys && wait('maxPer', recent[recent.length - cap.surveys]! + cap.days * DAY))
  return step('pacing', !why, why || { code: 'allowed' })
}
