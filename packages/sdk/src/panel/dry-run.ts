import type { PacingConfig } from '../pure/config/pacing'
import type { Survey } from '../pure/config/types'
import type { History } from '../pure/journey/history'
import { allowed } from '../pure/pacing/allowed'
import type { PacingState } from '../pure/pacing/state'
import type { Context } from '../pure/rules/context'
import { atTrigger } from '../pure/rules/decide'
import { step, type Step } from '../pure/rules/trace'

/**
 * "Would it show if its trigger fired now?": the survey's rules run on a made-up trigger event at
 * `ctx.now`, then pacing on this device's state. Pure, and nothing is marked: the debug overlay's
 * answer for a survey whose trigger was not seen. The event's properties (`where`) can only be
 * judged on the real event, so they are listed, not checked.
 */
export function dryRun(survey: Survey, history: History, ctx: Context, state: PacingState, pacing?: PacingConfig): Step[] {
  const t = survey.trigger
  if (!t) return [step('trigger', false, 'no trigger: only show() or a preview shows it')]
  const { where, ...rest } = t
  const d = atTrigger({ ...survey, trigger: rest }, { name: t.event, props: {}, at: ctx.now }, history, ctx)
  const trace = [step('trigger', true, '"' + t.event + '" assumed to fire now'), ...d.trace.slice(1)]
  if (where) trace.splice(1, 0, step('where', true, 'its properties must be ' + JSON.stringify(where)))
  trace.push(allowed(survey, state, ctx.now, pacing))
  return trace
}
