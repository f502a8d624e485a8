// The collector's tables as Kysely sees them: one schema for SQLite and PostgreSQL. Times are ISO
// 8601 text in UTC (`toISOString()`), which sorts and compares as text the same in both databases;
// booleans are 0/1 integers; JSON is text. Migrations (./migrations) create exactly these.
import type { Generated } from 'kysely'

/** One answer record (wire kind `response`), upserted by id: the newest `updated_at` wins. */
export interface ResponsesTable {
  id: string
  survey_id: string
  /** The touchpoint's id and owner as the browser sent them (from the config it had). */
  touchpoint: string | null
  owner: string | null
  completed: number
  /** JSON: answers by question id. */
  answers: string
  lang: string | null
  path: string | null
  url: string | null
  user_id: string | null
  /** JSON: the journey trail before the answer, oldest first. */
  trail: string
  preview: number
  started_at: string
  updated_at: string
  /** When this collector first stored the record; retention counts from it. */
  received_at: string
  /** How many times the record arrived (retries, beacons, partial-then-complete updates). */
  deliveries: number
  /** 1 when an answer feeds a metric; `low`: 1 when one of those is low (ingest/scores.ts). */
  scored: Generated<number>
  low: Generated<number>
}

/** A `shown` or `dismissed` record: the moments around a prompt, for response rates. */
export interface MomentsTable {
  id: string
  kind: 'shown' | 'dismissed'
  survey_id: string
  response_id: string
  touchpoint: string | null
  owner: string | null
  lang: string | null
  path: string | null
  user_id: string | null
  trail: string
  preview: number
  at: string
  received_at: string
  deliveries: number
}

/**
 * One row per answered question of a response, derived at ingest from the winning revision (so
 * scorecards aggregate in SQL instead of parsing JSON): the metric it feeds, its number, its text.
 */
export interface AnswersTable {
  response_id: string
  question_id: string
  survey_id: string
  touchpoint: string | null
  owner: string | null
  /** 'csat' | 'nps' | 'ces' | 'goal' | 'emotion', or null for questions that feed no metric. */
  metric: string | null
  /** The answer on the metric's scale: a rating, 1/0 for yes/no, an emotion's weight. */
  value: number | null
  /** An open-text answer (or a choice's "other" text). */
  text: string | null
  /** The response's `started_at`: periods and trends are cut on it. */
  at: string
  lang: string | null
  path: string | null
  preview: number
}

/** The distinct events in the trail of a record (response or shown), for root cause and bias. */
export interface TrailEventsTable {
  record_id: string
  response_id: string
  kind: 'response' | 'shown'
  event: string
  /** The touchpoint where the event happened, as the trail labels it. */
  touchpoint: string | null
  survey_id: string
  at: string
  preview: number
  /** A response's rows: its score flags, copied from the response (ingest/scores.ts); 0 for shown rows. */
  scored: Generated<number>
  low: Generated<number>
}

/** A record of a batch that was refused (the others were stored), counted for the admin. */
export interface RejectionsTable {
  id: string
  received_at: string
  record_id: string | null
  survey_id: string | null
  reason: string
  origin: string | null
}

/** Records a browser evicted unsent (the envelope's `dropped`). */
export interface DropsTable {
  id: string
  received_at: string
  dropped: number
}

export interface Database {
  responses: ResponsesTable
  moments: MomentsTable
  answers: AnswersTable
  trail_events: TrailEventsTable
  rejections: RejectionsTable
  drops: DropsTable
  // Alerts (migrations/002-alerts.ts): see the tables' block at the end of this file.
  alert_matches: AlertMatchesTable
  alert_queue: AlertQueueTable
  alert_digests: AlertDigestsTable
  // Fleet diagnostics (migrations/004-diagnostics.ts): see the block at the end of this file.
  diagnostics: DiagnosticsTable
  diagnostic_counts: DiagnosticCountsTable
}

/** Columns a database fills in itself, for tables that have them. */
export type Auto<T> = Generated<T>

// ---- Alerts (packages/collector/src/alerts, migration 002-alerts) ----------------------------------

/** A response that met a count rule's own condition: what "three low scores within an hour" counts. */
export interface AlertMatchesTable {
  rule_id: string
  response_id: string
  /** The response's touchpoint ('' for none): counts are per rule and touchpoint. */
  touchpoint: string
  /** The response's started_at: the window is cut on it. */
  at: string
  /** 1 when this match raised the rule's alert (then the rule is quiet for its window). */
  fired: number
}

/** Where an alert is in its life. `withdrawn`: the newest revision no longer meets the rule, or the record is gone. */
export type AlertStatus = 'pending' | 'sent' | 'failed' | 'withdrawn'

/** One alert of one response, rule and route (a channel, or a channel's digest): unique, so sent once. */
export interface AlertQueueTable {
  /** The idempotency key (Idempotency-Key, Message-ID): a hash of response, rule and route. */
  id: string
  response_id: string
  rule_id: string
  /** The channel name, or `digest:<channel>`. */
  route: string
  channel: string
  owner: string | null
  touchpoint: string | null
  /** JSON: what the rule saw when it fired (the count of a count rule). */
  detail: string | null
  /** For digest routes: 'hourly' | 'daily', the period [from, to), and the digest it went out in. */
  digest_every: string | null
  digest_from: string | null
  digest_to: string | null
  digest_id: string | null
  status: AlertStatus
  attempts: number
  /** Not sent before this: the settle time of an unfinished response, or the next retry. */
  due_at: string
  /** The lease: the worker instance sending it, until when. */
  claimed_by: string | null
  claimed_until: string | null
  last_error: string | null
  created_at: string
  sent_at: string | null
}

/** One digest message: an owner's alerts of one period on one channel. */
export interface AlertDigestsTable {
  id: string
  owner: string
  channel: string
  every: string
  period_from: string
  period_to: string
  status: AlertStatus
  attempts: number
  due_at: string
  claimed_by: string | null
  claimed_until: string | null
  last_error: string | null
  created_at: string
  sent_at: string | null
  /** How many alerts it carried. */
  alerts: number | null
}

// ---- Fleet diagnostics (packages/collector/src/diagnostics, migration 004-diagnostics) -------------

/** One survey of one diagnostics record: which day its counts belong to, and whether it is a device's first report of that day. */
export interface DiagnosticsTable {
  /** The record's id (a nanoid minted once per record in the browser; it names no person or device). */
  record_id: string
  survey_id: string
  /** The UTC day the counts belong to, YYYY-MM-DD. */
  day: string
  /** 1 on the device's first report of this survey this day: what devices are counted by. */
  first: number
  /** With `first`: the day the device last reported this survey before (YYYY-MM-DD), null if never. */
  previous_day: string | null
  /** The share of devices that report (the config's `diagnostics.sample`), 0 < sample ≤ 1. */
  sample: number
  received_at: string
}

/** How many of a device's decisions on a survey ended in one outcome (`shown`, `audience`, `cooldown`, …). */
export interface DiagnosticCountsTable {
  record_id: string
  survey_id: string
  day: string
  outcome: string
  count: number
  sample: number
}
