import type { PacingConfig } from '../config/pacing'
import type { Survey } from '../config/types'
import { step, type Step } from '../rules/trace'
import { inSession } from './session'
import type { PacingState } from './state'

const DAY = 864e5
/** Snooze after "not now" or a dismiss when the survey's config names none. */
export const SNOOZE_DAYS = 7

/** A moment as the trace shows it, in UTC: "2026-12-07T14:30". */
export const when = (at: number): string => new Date(at).toISOString().slice(0, 16)

/**
 * The pacing stage: pure, no DOM, no I/O, the clock passed in. Whether `survey` may be shown at
 * `now` given what this device remembers, with the reason in words a PM can read. The survey's
 * own rules first (max responses, frequency, snooze), then those shared by all surveys
 * (cooldown, per session, per N days). A frequency it does not know counts as "once": a typo
 * must never make a survey nag.
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
  const wait = (what: string, until: number) => until > now && what + ' until ' + when(until)

  const why =
    (m.responses! >= own.maxResponses! && 'maxResponses reached') ||
    (m.shown && !every && (own.frequency != 'untilAnswered' ? 'shown once already, on ' + when(m.shown) : m.answered && 'answered')) ||
    wait(snoozed ? 'snoozed' : 'everyDays', snoozed ? m.dismissed! + (own.snoozeDays ?? SNOOZE_DAYS) * DAY : m.shown! + every! * DAY) ||
    (!own.ignoreCooldown && wait('cooldown', shows[shows.length - 1]! + (config.cooldownDays || 0) * DAY)) ||
    (inSession(state, now, config.sessionMinutes) && shows.filter((t) => t >= state.start).length >= config.maxPerSession! && 'maxPerSession reached') ||
    (recent.length >= cap.surveys && wait('maxPer', recent[recent.length - cap.surveys]! + cap.days * DAY))
  return step('pacing', !why, why || 'allowed')
}
