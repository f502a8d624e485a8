/**
 * Wire format v1: what a backend receives (schema: packages/sdk/wire-format.schema.json, prose:
 * docs/delivery.md). A POST carries an envelope of records. Every record has an id minted once and
 * reused on every send, so a backend that upserts by id stores each record exactly once, however
 * often it is retried, beaconed or updated.
 */

/** One step of the journey before the record: a touchpoint event the page reported. */
export interface TrailStep {
  event: string
  /** ISO time of the event. */
  at: string
  /** Id of the configured touchpoint the event belongs to, if any. */
  touchpoint?: string
  props?: Record<string, unknown>
}

/** What every record carries. */
interface Common {
  /** nanoid, the idempotency key: upsert by it. */
  id: string
  surveyId: string
  /** Ties the shown, answer and dismissed records of one prompt together. */
  responseId: string
  /** The touchpoint the survey measures and who owns it, when the config names one. */
  touchpoint?: { id: string; owner?: string }
  /** The language the survey was shown in. */
  lang: string
  /** Path of the page, without query string or fragment (no PII by default). */
  path: string
  /** The full page URL, only when the config sets `delivery.fullUrl`. */
  url?: string
  /** The id given to `identify()`, only when the config sets `delivery.userId`. */
  userId?: string
  /** Recent touchpoint events before this record, oldest first. */
  trail: TrailStep[]
  /** Only on the records of a preview (a PM checking a survey): leave them out of the results. */
  preview?: true
}

/** The answers of one prompt; sent again, with the same id, as each answer arrives. */
export interface ResponseRecord extends Common {
  kind: 'response'
  /** Answers given so far, by question id. */
  answers: Record<string, unknown>
  /** True once the last question was answered; partial responses are sent too. */
  completed: boolean
  /** ISO time the prompt was shown, and of the latest answer (a backend keeps the newest). */
  startedAt: string
  updatedAt: string
}

/** The prompt appeared, or the customer closed it before finishing. */
export interface MomentRecord extends Common {
  kind: 'shown' | 'dismissed'
  /** ISO time it happened. */
  at: string
}

export type WireRecord = ResponseRecord | MomentRecord

export interface Envelope {
  v: 1
  sentAt: string
  /** Records this browser had to evict unsent (outbox bounds) since its last delivered envelope. */
  dropped?: number
  records: WireRecord[]
}

/**
 * What the outbox keeps: the record, when it was first queued (order and age) and a revision, so
 * an update made while a send was in flight is not deleted by that send's 2xx.
 */
export interface Stored {
  rev: number
  t: number
  record: WireRecord
}
