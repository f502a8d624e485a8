import type { Condition, Question } from '../../sdk/src/pure/config/types'

export type Answers = Record<string, unknown>

/** The number an answer stands for in a condition: a rating, or the weight of a feeling. */
const numberOf = (v: unknown): number => (typeof v === 'number' ? v : v && typeof v === 'object' ? Number((v as { weight?: unknown }).weight) : NaN)

/** What an answer is compared with by `equals`: an emotion by its id, a multiple choice by any of its ids. */
const equals = (v: unknown, expected: unknown): boolean =>
  v === expected || (Array.isArray(v) && v.includes(expected)) || (!!v && typeof v === 'object' && (v as { id?: unknown }).id === expected)

/**
 * Whether `when` lets a question be asked: true or false once the question it names was answered,
 * undefined while it is still open (skipped or not reached yet).
 */
export function holds(when: Condition | undefined, answers: Answers): boolean | undefined {
  if (!when || typeof when !== 'object') return true
  if (!(when.question in answers)) return undefined
  const v = answers[when.question]
  const n = numberOf(v)
  return (
    (when.equals === undefined || equals(v, when.equals)) &&
    (when.atMost === undefined || n <= when.atMost) &&
    (when.atLeast === undefined || n >= when.atLeast)
  )
}

/** Index of the next question to ask after `from` (-1 to start), or -1 when the survey is done. */
export function next(questions: Question[], from: number, answers: Answers): number {
  for (let i = from + 1; i < questions.length; i++) if (holds(questions[i]!.when, answers)) return i
  return -1
}

/**
 * Whether each question after `at` will be asked: true, false, or undefined while an answer still
 * to come (the current question's, or a later one's that may itself be asked) decides it. A
 * condition on a question already behind, or not before the one it guards, is settled: such a
 * question is unanswered for good, and a condition on an unanswered question is false.
 */
export function ahead(questions: Question[], at: number, answers: Answers): (boolean | undefined)[] {
  const fates: (boolean | undefined)[] = []
  for (let i = at + 1; i < questions.length; i++) {
    const when = questions[i]!.when
    let fate = holds(when, answers)
    if (fate === undefined) {
      const j = questions.findIndex((q) => q.id === when!.question)
      fate = j >= at && j < i && (j === at || fates[j - at - 1] !== false) ? undefined : false
    }
    fates.push(fate)
  }
  return fates
}

/**
 * The progress line for the `step`-th question asked: [step, total] ("Question 2 of 3") when
 * every later question is settled, [step] ("Question 2") while a branch may still add or skip
 * one, so that no total is promised that a branch may break; [] (no line) while nothing says the
 * survey has more than this one question.
 */
export function progress(step: number, fates: (boolean | undefined)[]): number[] {
  const total = step + fates.filter((f) => f).length
  return total < 2 ? [] : fates.includes(undefined) ? [step] : [step, total]
}
