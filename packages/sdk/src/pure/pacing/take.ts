import type { PacingConfig } from '../config/pacing'
import type { Survey } from '../config/types'
import type { Step } from '../rules/trace'
import { allowed } from './allowed'
import { mark, type PacingState } from './state'

/**
 * The claim's decision, pure: the pacing verdict on `state` at `now` and, when it allows, the
 * "shown" mark. In the browser it runs inside the one storage transaction of the claim across tabs
 * (engine/claim.ts); in `hetki simulate` on the simulated person's state (pure/simulate/replay.ts).
 */
export function take(survey: Survey, state: PacingState, now: number, config?: PacingConfig): Step {
  const verdict = allowed(survey, state, now, config)
  if (verdict.pass) mark(state, survey.id, 'shown', now, config?.sessionMinutes)
  return verdict
}
