// Alert routes as the server-only file declares them. Addresses, webhook URLs and SMTP passwords
// live here, on the server, never in the browser config.
import type { Duration } from '../../../sdk/src/pure/config/types'
import type { MetricName } from '../config/metrics'

/**
 * When a response raises an alert. Every field given must hold; `metric` conditions read the
 * response's scored answers (the number `valueOf` gives: the rating, 1/0 for goal, the configured
 * weight of the chosen feeling). Examples:
 * - CSAT ≤ 2 at checkout: `{ "id": "checkout-csat", "touchpoint": "checkout", "metric": "csat", "atMost": 2 }`
 * - goal not reached: `{ "id": "goal-missed", "metric": "goal", "atMost": 0 }`
 * - a negative feeling: `{ "id": "negative", "metric": "emotion", "below": 0 }`
 * - three low scores within an hour: `{ "id": "low-streak", "metric": "csat", "atMost": 2, "count": 3, "within": "1h" }`
 */
export interface AlertRule {
  /** Stable id: one alert per response per rule per channel, however often the record is re-sent. */
  id: string
  /** Only responses at this touchpoint (id); unset: any. */
  touchpoint?: string
  /** Only responses to this survey. */
  survey?: string
  /** A scored answer of this metric must satisfy the bounds below, e.g. { "metric": "csat", "atMost": 2 }. */
  metric?: MetricName
  /** Bounds on the scored answer: ≤ atMost, ≥ atLeast, < below, > above. */
  atMost?: number
  atLeast?: number
  below?: number
  above?: number
  /**
   * Fire only once `count` matching responses (this one included) were given within `within` at the
   * same touchpoint, e.g. 3 within "1h"; default 1. Then quiet for `within`: a burst raises one alert.
   */
  count?: number
  within?: Duration
  /** Where it goes (channel names); default: the routes of the touchpoint's owner (`owners`). */
  to?: string[]
}

/** One way to reach someone. */
export type Channel =
  | { type: 'webhook'; url: string; headers?: Record<string, string> }
  | { type: 'slack'; url: string }
  | { type: 'teams'; url: string }
  | { type: 'email'; to: string | string[] }

export interface AlertsConfig {
  rules: AlertRule[]
  /** Named channels, e.g. { "payments-slack": { "type": "slack", "url": "https://hooks.slack.com/…" } }. */
  channels: Record<string, Channel>
  /** Owner (as in the config's touchpoints) → channel names; used when a rule names no `to`. */
  owners?: Record<string, string[]>
  /**
   * Owners whose alerts also go, batched, to a digest: one message per period on each channel of `to`.
   * For a digest instead of single messages, list the channels here and not under `owners`.
   */
  digest?: Record<string, { every: 'hourly' | 'daily'; to: string[] }>
  /** SMTP for e-mail channels (nodemailer transport options: host, port, secure, auth). */
  smtp?: { host: string; port: number; secure?: boolean; auth?: { user: string; pass: string }; from: string }
  /**
   * How long an unfinished response may stay unchanged before its alert is sent (so the message
   * carries the follow-up answers); a completed response is sent at once. Default "2m".
   */
  settle?: Duration
}
