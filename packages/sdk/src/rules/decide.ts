import type { Survey } from '../config/types'
import type { TouchEvent } from '../journey/event'
import { step, type Step } from './trace'

/** A survey the event concerns, whether its rules let it show, and the trace of why. */
export interface Decision {
  survey: Survey
  show: boolean
  trace: Step[]
}

/** Surveys grouped by the event name that triggers them, built once per config. */
export type TriggerIndex = Map<string, Survey[]>

export function indexTriggers(surveys: Survey[]): TriggerIndex {
  const index: TriggerIndex = new Map()
  for (const survey of surveys) {
    const name = survey.trigger?.event
    if (name) index.has(name) ? index.get(name)!.push(survey) : index.set(name, [survey])
  }
  return index
}

/**
 * The rules stage: pure, no DOM, no I/O. Given the config's trigger index and the event that just
 * happened, returns a decision for each survey that listens to it, in priority order. An event no
 * survey listens to costs one map lookup.
 */
export function decide(index: TriggerIndex, event: TouchEvent): Decision[] {
  const surveys = index.get(event.name)
  if (!surveys) return []
  return surveys.map((survey) => ({
    survey,
    show: true,
    trace: [step('trigger', true, 'event "' + event.name + '" seen')],
  }))
}
