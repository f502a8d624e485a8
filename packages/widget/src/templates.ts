import type { Question } from '../../sdk/src/pure/config/types'
import { TEMPLATES } from '../../sdk/src/pure/config/templates'
import type { Strings } from './strings'

/** A question ready to ask: its template, if any, applied. */
export type Asked = Exclude<Question, { type?: undefined }>

/**
 * Applies a question's template (packages/sdk/src/pure/config/templates.ts, the one table of them;
 * their copy is in strings.ts, so they read well in every built-in language): fields in the config
 * win, except `type`, which the template fixes.
 */
export function expand(question: Question, strings: Strings): Asked {
  const name = question.template
  const template = name && TEMPLATES[name]
  if (!template) return question as Asked
  const [text, lowLabel, highLabel] = strings.templates[name] as string[]
  return { text, lowLabel, highLabel, ...template, ...question, type: template.type } as Asked
}
