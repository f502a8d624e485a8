/**
 * Wire format v1: what a backend receives. A POST carries an envelope of records; every record has
 * an id minted once when the response starts and reused on every send, so a backend that upserts
 * by id stores each response exactly once, however often it is retried or updated.
 */
export interface ResponseRecord {
  /** nanoid, the idempotency key. */
  id: string
  kind: 'response'
  surveyId: string
  /** Answers given so far, by question id. Sent again, complete, as more arrive. */
  answers: Record<string, unknown>
  /** True once the last question was answered; partial responses are sent too. */
  completed: boolean
  /** The language the survey was shown in. */
  lang: string
  /** Path of the page, without query string or fragment (no PII by default). */
  path: string
  /** ISO time the survey was shown, and of the latest answer. */
  startedAt: string
  updatedAt: string
}

export interface Envelope {
  v: 1
  sentAt: string
  records: ResponseRecord[]
}

/** What the outbox keeps: the record plus a revision, so an update made while a send was in flight is not deleted by that send's 2xx. */
export interface Stored {
  rev: number
  record: ResponseRecord
}
