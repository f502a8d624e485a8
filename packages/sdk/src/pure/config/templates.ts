import type { Question, Template } from './types'

/** A question with its kind (`type`) said: what a template fixes and the widget asks. */
type Kind = Exclude<Question, { type?: undefined }>

/**
 * The built-in questions for the three touchpoint dimensions (goal reached, effort, feeling) plus
 * CSAT and NPS: the kind of question each asks and its scale. The one home of this table: the
 * widget applies it (packages/widget/src/templates.ts, with copy in every built-in language), the
 * validator warns about fields of another kind next to it, the collector checks answers and
 * scales metrics by it. The core's structural check spells the names in a pattern of its own (a
 * byte matter), which a test holds to this table.
 */
export const TEMPLATES = {
  goal: { type: 'yesno' },
  effort: { type: 'rating', scale: 7 },
  feeling: { type: 'emotion' },
  csat: { type: 'rating', scale: 5 },
  nps: { type: 'rating', from: 0, scale: 10 },
} as const satisfies Record<Template, Partial<Kind>>
