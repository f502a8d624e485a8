// Whether an answer fits its question, as the config declares it. Pure: the ingest refuses a record
// whose answer does not fit (and stores its neighbours), so what reaches the tables is what the
// widget can produce for that config. Templates are expanded as the widget expands them
// (packages/sdk/src/pure/config/templates.ts): the template fixes the type, the config's fields win.
import type { Question } from '../../../sdk/src/pure/config/types'
import { TEMPLATES } from '../../../sdk/src/pure/config/templates'
import { BUILT_IN_FEELINGS } from '../config/metrics'

/** The widget's own ceiling for open text (OpenText.tsx): a config may not raise maxLength past it. */
export const TEXT_CEILING = 2000
/** The widget's limit for a choice's "other" text (Choice.tsx). */
export const OTHER_MAX = 200

/** A question with its template applied: the type it is asked as, and the fields that bound its answer. */
export interface Asked {
  id: string
  type: 'rating' | 'emotion' | 'yesno' | 'choice' | 'text'
  from: number
  scale: number
  options: string[]
  multiple: boolean
  other: boolean
  maxLength: number
}

/** Applies the template, if any, and the widget's defaults. */
export function asked(question: Question): Asked {
  const q = question as Question & { scale?: number; from?: number; options?: { id: string }[]; multiple?: boolean; other?: boolean; maxLength?: number }
  const template: { type: Asked['type']; from?: number; scale?: number } | undefined = question.template ? TEMPLATES[question.template] : undefined
  const type = (template?.type ?? q.type ?? 'text') as Asked['type']
  const emotion = type === 'emotion' ? (q.options ?? BUILT_IN_FEELINGS) : undefined
  return {
    id: q.id,
    type,
    // The widget's defaults for a rating: 1 to 5, unless the template says otherwise.
    from: q.from ?? template?.from ?? 1,
    scale: q.scale ?? template?.scale ?? 5,
    options: (emotion ?? q.options ?? []).map((o) => o.id),
    multiple: !!q.multiple,
    other: !!q.other,
    maxLength: Math.min(TEXT_CEILING, Math.max(1, Math.floor(Number(q.maxLength) || 500))),
  }
}

/** Why `answer` does not fit `question`, or undefined when it does. `null` (a skipped question) always fits. */
export function answerProblem(question: Asked, answer: unknown): string | undefined {
  if (answer === null) return undefined
  const id = question.id
  switch (question.type) {
    case 'rating':
      if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < question.from || answer > question.scale)
        return `answer ${id} must be a whole number from ${question.from} to ${question.scale}`
      return undefined
    case 'yesno':
      return typeof answer === 'boolean' ? undefined : `answer ${id} must be true or false`
    case 'emotion': {
      const chosen = answer && typeof answer === 'object' && !Array.isArray(answer) ? (answer as { id?: unknown }).id : undefined
      return typeof chosen === 'string' && question.options.includes(chosen)
        ? undefined
        : `answer ${id} must be { id } of one of its feelings (${question.options.join(', ')})`
    }
    case 'choice': {
      const allowed = question.other ? [...question.options, 'other'] : question.options
      if (question.multiple ? !Array.isArray(answer) || answer.length === 0 : typeof answer !== 'string')
        return `answer ${id} must be ${question.multiple ? 'a list of option ids' : 'one option id'}`
      const ids: unknown[] = question.multiple ? (answer as unknown[]) : [answer]
      if (new Set(ids).size !== ids.length) return `answer ${id} names an option twice`
      const bad = ids.find((v) => typeof v !== 'string' || !allowed.includes(v))
      return bad === undefined ? undefined : `answer ${id} has an unknown option ${JSON.stringify(bad)}`
    }
    case 'text':
      if (typeof answer !== 'string') return `answer ${id} must be text`
      return answer.length > question.maxLength ? `answer ${id} is too long: ${answer.length} characters, at most ${question.maxLength}` : undefined
  }
}

/**
 * Why the answers of a response do not fit the survey's questions, or undefined when they all do.
 * A key is a question id, or `<id>_other` for the free text of a choice question with `other`.
 */
export function answersProblem(questions: Question[], answers: Record<string, unknown>): string | undefined {
  const byId = new Map(questions.map((q) => [q.id, asked(q)]))
  for (const [key, value] of Object.entries(answers)) {
    const question = byId.get(key)
    if (question) {
      const problem = answerProblem(question, value)
      if (problem) return problem
      continue
    }
    const base = key.endsWith('_other') ? byId.get(key.slice(0, -'_other'.length)) : undefined
    if (base?.type === 'choice' && base.other) {
      if (value !== null && typeof value !== 'string') return `answer ${key} must be text`
      if (typeof value === 'string' && value.length > OTHER_MAX) return `answer ${key} is too long: ${value.length} characters, at most ${OTHER_MAX}`
      continue
    }
    return `unknown question ${JSON.stringify(key)} for this survey`
  }
  return undefined
}
