import type { Envelope, PromptRecord } from '../contracts/record'

/** The event names the analytics adapters use, by record kind. */
export const EVENT_NAMES = { response: 'survey sent', shown: 'survey shown', dismissed: 'survey dismissed' } as const

/**
 * Flat properties of a record for analytics tools: the record id (to dedupe: an analytics tool may
 * receive a record again after a retry), survey, touchpoint, page, trail, and each answer.
 */
export function properties(r: PromptRecord): Record<string, unknown> {
  const props: Record<string, unknown> = {
    hetki_record_id: r.id,
    hetki_response_id: r.responseId,
    survey_id: r.surveyId,
    touchpoint_id: r.touchpoint?.id,
    touchpoint_owner: r.touchpoint?.owner,
    lang: r.lang,
    path: r.path,
    trail: r.trail,
  }
  if (r.kind === 'response') {
    props.completed = r.completed
    for (const [question, value] of Object.entries(r.answers)) props['answer_' + question] = value
  }
  return props
}

/**
 * Runs `fn` for every record of a prompt, or says "retry later" (false) while the tool has not
 * loaded. Diagnostics records (opt-in counts for the Hetki collector) mean nothing to an
 * analytics tool: they are passed over, and count as delivered.
 */
export const forEachRecord =
  <T>(tool: () => T | undefined, fn: (tool: T, r: PromptRecord) => void) =>
  (envelope: Envelope): boolean => {
    const t = tool()
    if (!t) return false
    for (const r of envelope.records) if (r.kind !== 'diagnostics') fn(t, r)
    return true
  }
