/**
 * Pacing in the config: how often anyone may be asked. Durations are in days (fractions allowed:
 * 0.5 is 12 hours) except the session, in minutes. See docs/pacing.md.
 *
 * ```json
 * { "pacing": { "cooldownDays": 3, "maxPerSession": 1, "maxPer": { "surveys": 2, "days": 30 } },
 *   "surveys": [ { "id": "nps", "pacing": { "frequency": { "everyDays": 90 }, "snoozeDays": 7 }, "…": "…" } ] }
 * ```
 */
export interface PacingConfig {
  /**
   * After any survey was shown (answered or not), no other survey for this many days. Default 0.
   * @minimum 0
   */
  cooldownDays?: number
  /**
   * At most this many surveys shown per session. Default: no cap.
   * @minimum 0
   */
  maxPerSession?: number
  /** At most `surveys` surveys shown in any `days` days. Default: no cap. */
  maxPer?: PacingCap
  /**
   * A session ends after this many minutes without activity in any tab. Default 30.
   * @minimum 0
   */
  sessionMinutes?: number
}

/** Pacing of one survey. */
export interface SurveyPacing {
  /**
   * `"once"` (default): never again after it was shown, answered or not.
   * `"untilAnswered"`: again (on a later trigger) until answered.
   * `{ "everyDays": N }`: again N days after it was last shown.
   * @expected "once", "untilAnswered" or { "everyDays": N }
   */
  frequency?: 'once' | 'untilAnswered' | EveryDays
  /**
   * After "not now" or a dismiss, wait this many days before asking again. Default 7.
   * @minimum 0
   */
  snoozeDays?: number
  /**
   * At most this many completed answers on this device. Default: no cap.
   * @minimum 0
   */
  maxResponses?: number
  /** Shows even during the global cooldown (critical touchpoints). Its showing still starts the cooldown. */
  ignoreCooldown?: boolean
}

/** `maxPer`: at most `surveys` surveys shown in any `days` days. */
export interface PacingCap {
  /** @minimum 1 */
  surveys: number
  /** @exclusiveMinimum 0 */
  days: number
}

/** `{ "everyDays": N }`: again N days after the survey was last shown. */
export interface EveryDays {
  /** @exclusiveMinimum 0 */
  everyDays: number
}
