// Drop-off per question, from counts only. Pure.
import type { Survey } from '../../../sdk/src/pure/config/types'
import { measureOf } from '../config/metrics'
import { countWhere, type Histogram } from '../stats/histogram'
import type { Condition } from '../../../sdk/src/pure/config/types'
import type { QuestionDropoff } from './contract'

/** What dropoff() reads for one survey at one touchpoint, current period. */
export interface SurveyCounts {
  /** Responses: prompts completed + partial. */
  responses: number
  completed: number
  /** Responses that answered each question (any type). */
  answered(question: string): number
  /** The histogram of a scored question's answers (empty for unscored questions). */
  values(question: string): Histogram
}

/** The text of a question as a page shows it: English, else the first language given, else its id. */
export function questionText(q: Survey['questions'][number]): string {
  const t = q.text
  if (typeof t === 'string') return t
  if (t && typeof t === 'object') return t.en ?? Object.values(t)[0] ?? q.id
  return q.template ? `(${q.template})` : q.id
}

/**
 * Whether a histogram value satisfies a `when` condition, as the widget decides it
 * (packages/widget/src/flow.ts): a feeling by its id (its configured weight here), yes/no by
 * true/false (1/0 here; yes/no has no number, so atMost/atLeast never hold), ratings by number.
 */
function conditionHolds(when: Condition, q: Survey['questions'][number], value: number): boolean {
  const m = measureOf(q)
  if (!m) return false
  let equals: number | undefined
  if (when.equals !== undefined) {
    if (m.metric === 'goal') equals = when.equals === true ? 1 : when.equals === false ? 0 : NaN
    else if (m.metric === 'emotion') equals = m.options.find((o) => o.id === when.equals)?.weight ?? NaN
    else equals = typeof when.equals === 'number' ? when.equals : NaN
  }
  const numeric = m.metric !== 'goal'
  return (
    (equals === undefined || value === equals) &&
    (when.atMost === undefined || (numeric && value <= when.atMost)) &&
    (when.atLeast === undefined || (numeric && value >= when.atLeast))
  )
}

/**
 * Per question in order: how many responses reached it and how many answered it. From counts
 * alone, "reached" is:
 *  - a question with `when` on a scored question: the answers to that question that satisfy the
 *    condition (its histogram), i.e. the responses that were asked it;
 *  - a question with `when` on an unscored question (choice, text): its answers (a lower bound);
 *  - the first question without `when`: every response (it is always asked first);
 *  - later questions without `when`: the most of the completed responses, its own answers, and the
 *    answers of any later unconditional question (whoever answered a later one passed this one):
 *    a lower bound, exact when nobody skips.
 */
export function dropoff(survey: Survey, counts: SurveyCounts): QuestionDropoff[] {
  const qs = survey.questions
  const answered = qs.map((q) => counts.answered(q.id))
  const firstPlain = qs.findIndex((q) => !q.when)
  return qs.map((q, i) => {
    let reached: number
    if (q.when) {
      const on = qs.find((c) => c.id === q.when!.question)
      const h = on && measureOf(on) ? counts.values(on.id) : []
      reached = on && h.length ? countWhere(h, (v) => conditionHolds(q.when!, on, v)) : answered[i]!
    } else if (i === firstPlain) reached = counts.responses
    else {
      const later = qs.map((l, j) => (j > i && !l.when ? answered[j]! : 0))
      reached = Math.max(counts.completed, answered[i]!, ...later)
    }
    return { survey: survey.id, question: q.id, text: questionText(q), reached: Math.max(reached, answered[i]!), answered: answered[i]! }
  })
}
