import type { Survey } from '../config/types'
import { step, type Step } from '../rules/trace'
import type { PacingState } from './state'

const day = (at: number) => new Date(at).toISOString().slice(0, 10)

/**
 * The pacing stage: pure. By default a survey is shown at most once to the same person, whether
 * it was answered or not, because being asked again is what makes people switch surveys off.
 */
export function allowed(survey: Survey, state: PacingState): Step {
  const shown = state.surveys[survey.id]?.shown
  return shown
    ? step('pacing', false, 'shown once already, on ' + day(shown))
    : step('pacing', true, 'never shown to this person')
}
