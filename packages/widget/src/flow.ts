import type { Condition, Question } from '../../sdk/src/pure/config/types'

export type Answers = Record<string, unknown>

/** The number an answer stands for in a condition: a rating, or the weight of a feeling. */
const numberOf = (v: unknown): number =>
  typeof v == 'number' ? v : v && typeof v == 'object' ? Number((v as { weight?: unknown }).weight) : NaN

/** What an answer is compared with by `equals`: an emotion by its id, a multiple choice by any of its ids. */
const equals = (v: unknown, expected: unknown): boolean =>
  v === expected ||
  (Array.isArray(v) && v.includes(expected)) ||
  (!!v && typeof v == 'object' && (v as { id?: unknown }).id === expected)

/**
 * Whether `when` lets a question be asked: true or false once the question it names was answered,
 * undefined while it is still open (skipped or not reached yet).
 */
export function holds(when: Condition | undefined, answers: Answers): boolean | undefined {
  if (!when || typeof when != 'object') return true
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

/** How many questions after `at` may still be asked: for the progress text ("Question 2 of 3"). */
export const remaining = (questions: Question[], at: number, answers: Answers): number =>
  questions.slice(at + 1).filter((q) => holds(q.when, answers) !== false).length
