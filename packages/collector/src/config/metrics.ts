// What each question of the Hetki config measures. Pure: the ingest uses it to derive the answers
// table, the scorecards to name and scale their metrics. The built-in templates fix their scales
// (packages/sdk/src/pure/config/templates.ts); a plain rating is read by its scale.
import type { EmotionOption, Question } from '../../../sdk/src/pure/config/types'
import { FEELINGS } from '../../../sdk/src/pure/config/feelings'
import { TEMPLATES } from '../../../sdk/src/pure/config/templates'

export type MetricName = 'csat' | 'nps' | 'ces' | 'goal' | 'emotion'

/** The formula of each metric, in words: shown wherever its number is (PRODUCT.md asks for it). */
export const FORMULAS: Record<MetricName, string> = {
  csat: 'CSAT = share of 4–5 answers on the 1–5 scale, in %',
  nps: 'NPS = % promoters (9–10) − % detractors (0–6), −100…100',
  ces: 'CES = mean agreement on the 1–7 scale ("…made it easy for me…"; 7: it was easy)',
  goal: 'Goal reached = share of "yes" answers, in %',
  emotion: 'Emotional value = mean weight of the chosen feelings, −100…100',
}

/** The weights the widget uses when a feeling question names no options (docs/widget.md): the config language's one table of them. */
export const BUILT_IN_FEELINGS: readonly Pick<EmotionOption, 'id' | 'weight'>[] = FEELINGS

export type Measure =
  | { metric: 'csat' | 'nps' | 'ces'; from: number; to: number }
  | { metric: 'goal' }
  | { metric: 'emotion'; options: readonly Pick<EmotionOption, 'id' | 'weight'>[] }

/** The rating templates and the metric each measures, on the scale the widget's template fixes. */
const RATING_TEMPLATES = { csat: 'csat', nps: 'nps', effort: 'ces' } as const

/**
 * What a question measures, or undefined for questions that are not a score (open text, choices,
 * ratings on other scales).
 */
export function measureOf(question: Question): Measure | undefined {
  const template = question.template
  if (template === 'feeling' || question.type === 'emotion')
    return { metric: 'emotion', options: (question as { options?: EmotionOption[] }).options || BUILT_IN_FEELINGS }
  if (template === 'goal' || question.type === 'yesno') return { metric: 'goal' }
  if (template === 'csat' || template === 'nps' || template === 'effort') {
    const scale: { from?: number; scale: number } = TEMPLATES[template]
    return { metric: RATING_TEMPLATES[template], from: scale.from ?? 1, to: scale.scale }
  }
  if (question.type !== 'rating') return undefined
  const from = question.from ?? 1
  const to = question.scale ?? 5
  if (from === 0 && to === 10) return { metric: 'nps', from, to }
  if (from === 1 && to === 7) return { metric: 'ces', from, to }
  if (from === 1 && to === 5) return { metric: 'csat', from, to }
  return undefined
}

/**
 * The number an answer puts into its metric: the rating itself, 1/0 for yes/no, the configured
 * weight of the chosen feeling (never the weight the browser sent). Undefined when the answer does
 * not fit the question (the ingest refuses those records before this is asked).
 */
export function valueOf(measure: Measure, answer: unknown): number | undefined {
  if (measure.metric === 'goal') return typeof answer === 'boolean' ? (answer ? 1 : 0) : undefined
  if (measure.metric === 'emotion') {
    const id = answer && typeof answer === 'object' ? (answer as { id?: unknown }).id : undefined
    return measure.options.find((o) => o.id === id)?.weight
  }
  return typeof answer === 'number' && Number.isInteger(answer) && answer >= measure.from && answer <= measure.to ? answer : undefined
}
