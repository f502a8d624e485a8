import type { Duration } from '../config/types'

/**
 * Why a step passed or failed, as data: a code and what it needs to be said. Worded in one place,
 * `./words`, for the debug log, the debug panel and the simulator; nothing parses words back.
 * Times are epoch milliseconds; lists and values are the config's or the event's own.
 */
export type Reason =
  // The rules (decide.ts): one code per check, named after it.
  | { code: 'trigger'; event: string }
  | { code: 'where'; key?: string; value?: unknown; wanted?: unknown }
  | { code: 'count'; n: number; of: number; within?: Duration }
  | { code: 'past'; event: string; seen: boolean; within?: Duration }
  | { code: 'urls' | 'notUrls'; path: string; urls: string[] }
  | { code: 'device'; device: string; allowed: unknown }
  | { code: 'lang'; lang: string; allowed: string[] }
  | { code: 'user'; missing?: string; where: unknown }
  | { code: 'from' | 'until'; date: string }
  | { code: 'sample'; share: number }
  | { code: 'waited' | 'waiting'; delay: Duration }
  // The dry run of the debug panel: "if its trigger fired now".
  | { code: 'assumed'; event: string }
  | { code: 'propsLater'; where: unknown }
  | { code: 'noTrigger' }
  // Pacing (pacing/allowed.ts), the claim across tabs (engine/claim.ts).
  | { code: 'allowed' | 'answered' | 'maxResponses' | 'maxPerSession' | 'otherTab' | 'preview' | 'showCalled' }
  | { code: 'once'; at: number }
  | { code: 'snoozed' | 'everyDays' | 'cooldown' | 'maxPer'; until: number }
  | { code: 'group'; group: string; until: number }
  | { code: 'spacing'; after: string; until: number }
  | { code: 'error'; message: string }
  // The engine (engine/present.ts): the contest, the page, the showing.
  | { code: 'priority'; winner: string }
  | { code: 'reset' | 'promptOpen' | 'hidden' | 'closed' | 'noTarget' }
  | { code: 'left'; path: string }
  | { code: 'forced'; preview?: boolean }
  | { code: 'shown'; at: number }

/** Every reason code. */
export type Code = Reason['code']

/** What a step checked: a rule, pacing, or a stage of the engine. */
export type StepName =
  | 'trigger'
  | 'where'
  | 'count'
  | 'after'
  | 'unless'
  | 'urls'
  | 'notUrls'
  | 'device'
  | 'lang'
  | 'user'
  | 'from'
  | 'until'
  | 'sample'
  | 'delay'
  | 'pacing'
  | 'priority'
  | 'prompt'
  | 'page'
  | 'target'
  | 'reset'
  | 'forced'
  | 'shown'

/** One step of a decision: what was checked, whether it passed, and why (as data, see `Reason`). */
export interface Step {
  step: StepName
  pass: boolean
  why: Reason
}

export const step = (name: StepName, pass: boolean, why: Reason): Step => ({ step: name, pass, why })
