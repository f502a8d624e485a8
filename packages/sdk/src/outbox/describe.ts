import type { Config, Survey } from '../config/types'
import type { TrailStep, WireRecord } from './record'

/** The fields every record of one prompt shares. */
export type About = Omit<WireRecord, 'id' | 'kind' | 'answers' | 'completed' | 'startedAt' | 'updatedAt' | 'at'>

/**
 * What a record says about where it came from: survey, touchpoint and its owner, page, language,
 * and only the personal data the config opts into (`delivery.fullUrl`, `delivery.userId`).
 */
export function describe(
  config: Config,
  survey: Survey,
  responseId: string,
  lang: string,
  trail: TrailStep[],
  userId?: string,
): About {
  const d = config.delivery || {}
  const tp = config.touchpoints?.find((t) => t.id == survey.touchpoint)
  return {
    surveyId: survey.id,
    responseId,
    ...(tp ? { touchpoint: { id: tp.id, owner: tp.owner } } : {}),
    lang,
    path: location.pathname,
    ...(d.fullUrl ? { url: location.href } : {}),
    ...(d.userId && userId ? { userId } : {}),
    trail,
  }
}
