import type { Question, Template } from '../../sdk/src/pure/config/types'
import type { Strings } from './strings'

/** A question ready to ask: its template, if any, applied. */
export type Asked = Exclude<Question, { type?: undefined }>

/**
 * The built-in questions for the three touchpoint dimensions (goal reached, effort, feeling) plus
 * CSAT and NPS. Their copy is in strings.ts, so they read well in every built-in language. The
 * collector reads the same table to check answers and to scale metrics (packages/collector).
 */
export const TEMPLATES = {
  goal: { type: 'yesno' },
  effort: { type: 'rating', scale: 7 },
  feeling: { type: 'emotion' },
  csat: { type: 'rating', scale: 5 },
  nps: { type: 'rating', from: 0, scale: 10 },
} as const satisfies Record<Template, Partial<Asked>>

/** Applies a question's template: fields in the config win, except `type`, which the template fixes. */
export function expand(question: Question, strings: Strings): Asked {
  const name = question.template
  const template = name && TEMPLATES[name]
  if (!template) return question as Asked
  const [text, lowLabel, highLabel] = strings.templates[name] as string[]
  return { text, lowLabel, highLabel, ...template, ...question, type: template.type } as Asked
}
