/**
 * Adapter: Segment (analytics.js) `track`, events `Survey Responded`, `Survey Shown`,
 * `Survey Dismissed`, with the record id as `hetki_record_id` to dedupe on. `dist/adapters/segment.js`.
 *
 * ```js
 * import { segment } from '/hetki/adapters/segment.js'
 * hetki.init(config, { transport: segment() })   // uses window.analytics
 * ```
 */
import type { UserTransport } from '../shared/transport'
import { forEachRecord, properties } from './analytics'

interface AnalyticsLike {
  track(event: string, properties?: Record<string, unknown>): unknown
}

const NAMES = { response: 'Survey Responded', shown: 'Survey Shown', dismissed: 'Survey Dismissed' } as const

export const segment = (instance?: AnalyticsLike): UserTransport =>
  forEachRecord(
    () => instance || (globalThis as { analytics?: AnalyticsLike }).analytics,
    (analytics, r) => analytics.track(NAMES[r.kind], properties(r)),
  )
