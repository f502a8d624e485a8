import type { Config, Survey } from '../pure/config/types'
import type { PromptRecord, TrailStep } from '../contracts/record'

/** The fields every record of one prompt shares. */
export type About = Omit<PromptRecord, 'id' | 'kind' | 'answers' | 'completed' | 'startedAt' | 'updatedAt' | 'at'>

/** A trail step as the wire can carry it: one JSON cannot write (a cycle, a BigInt) or a huge one (a page passing a blob as an event name) would have the endpoint refuse the whole record, so it loses its props and keeps a bounded name. */
const wire = (s: TrailStep): TrailStep => {
  try {
    if (JSON.stringify(s).length < 2000) return s
  } catch {}
  const { props: _, ...rest } = s
  return { ...rest, event: rest.event.slice(0, 200) }
}

/**
 * What a record says about where it came from: survey, touchpoint and its owner, page, language,
 * and only the personal data the config opts into (`delivery.fullUrl`, `delivery.userId`).
 */
export function describe(config: Config, survey: Survey, responseId: string, lang: string, trail: TrailStep[], userId?: string): About {
  const d = config.delivery || {}
  const tp = config.touchpoints?.find((t) => t.id === survey.touchpoint)
  return {
    surveyId: survey.id,
    responseId,
    // Byte trick: spreading false adds nothing, so && instead of a ternary with {} (2 B gzip).
    ...(tp && { touchpoint: { id: tp.id, owner: tp.owner } }),
    lang,
    path: location.pathname,
    ...(d.fullUrl && { url: location.href }),
    ...(d.userId && userId && { userId }),
    trail: trail.map(wire),
  }
}
