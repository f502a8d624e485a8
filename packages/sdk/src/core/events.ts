/** The lifecycle events a host page can listen to with `on(name, handler)`. */
/** On the `survey:*` events of a preview (`preview()`, `?hetki_preview=`): not a real customer's. */
interface Preview {
  preview?: true
}

export interface HetkiEvents extends Record<string, unknown> {
  /** A survey prompt appeared. */
  'survey:shown': { surveyId: string; responseId: string } & Preview
  /** One question was answered (emitted at once, before the survey is complete). */
  'survey:answered': { surveyId: string; responseId: string; questionId: string; value: unknown } & Preview
  /** The last question was answered. */
  'survey:completed': { surveyId: string; responseId: string; answers: Record<string, unknown> } & Preview
  /** The customer closed the prompt before finishing it. */
  'survey:dismissed': { surveyId: string; responseId: string } & Preview
  /** An answer was stored in the outbox and will be sent. */
  'response:queued': { responseId: string; surveyId: string }
  /** The endpoint acknowledged a response with a 2xx. */
  'response:sent': { responseId: string; surveyId: string }
  /**
   * A response is dropped for good: the endpoint refused it (`refused`: a 4xx other than 408 and 429,
   * its status), or the outbox bounds evicted it unsent (`evicted`, status 0).
   */
  'response:failed': { responseId: string; surveyId: string; status: number; reason: 'refused' | 'evicted' }
}

export type HetkiEvent = keyof HetkiEvents
