/**
 * Adapter: PostHog capture, as PostHog's own survey events (`survey sent`, `survey shown`,
 * `survey dismissed`) with `$survey_id`, `$survey_submission_id` (one per prompt, so partial
 * answers update one submission) and `$survey_response_<question id>`. `dist/adapters/posthog.js`.
 *
 * ```js
 * import { posthog } from '/hetki/adapters/posthog.js'
 * hetki.init(config, { transport: posthog() })   // uses window.posthog, once it has loaded
 * ```
 * Records wait in the outbox until `window.posthog` exists; once captured, PostHog's queue owns them.
 */
import type { UserTransport } from '../shared/transport'
import { EVENT_NAMES, forEachRecord, properties } from './analytics'

interface PostHogLike {
  capture(event: string, properties?: Record<string, unknown>): unknown
}

export const posthog = (instance?: PostHogLike): UserTransport =>
  forEachRecord(
    () => instance || (globalThis as { posthog?: PostHogLike }).posthog,
    (ph, r) => {
      const props = properties(r)
      props.$survey_id = r.surveyId
      props.$survey_submission_id = r.responseId
      if (r.kind === 'response') {
        props.$survey_completed = r.completed
        for (const [question, value] of Object.entries(r.answers)) props['$survey_response_' + question] = value
      }
      ph.capture(EVENT_NAMES[r.kind], props)
    },
  )
