import type { Survey } from '../pure/config/types'

/**
 * Where the survey's host element goes: into the element an `inline` survey names by `target`,
 * else the body. Null when the target is missing: then the survey does not show. An invalid
 * selector throws, which the caller's settle() logs.
 */
export const hostParent = (survey: Survey): Element | null => (survey.placement === 'inline' ? document.querySelector(survey.target!) : document.body)
