// Alert routes as the server-only file declares them. Addresses, webhook URLs and SMTP passwords
// live here, on the server, never in the browser config.

/** When a response raises an alert. Every field given must hold; `metric` conditions read the response's scored answers. */
export interface AlertRule {
  /** Stable id: one alert per response per rule per channel, however often the record is re-sent. */
  id: string
  /** Only responses at this touchpoint (id); unset: any. */
  touchpoint?: string
  /** Only responses to this survey. */
  survey?: string
  /** A scored answer of this metric at most / at least this value, e.g. { "metric": "csat", "atMost": 2 }. */
  metric?: 'csat' | 'nps' | 'ces' | 'goal' | 'emotion'
  atMost?: number
  atLeast?: number
  /** Fire only once `count` matching responses arrived within `within` (e.g. 3 within "1h"); default 1. */
  count?: number
  within?: string
  /** Where it goes; default: the routes of the touchpoint's owner (`owners`). */
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
  /** Owners who get a digest instead of (or besides) one message per alert. */
  digest?: Record<string, { every: 'hourly' | 'daily'; to: string[] }>
  /** SMTP for e-mail channels (nodemailer transport options: host, port, secure, auth). */
  smtp?: { host: string; port: number; secure?: boolean; auth?: { user: string; pass: string }; from: string }
}
