// The rows derived from a stored record, so that scorecards aggregate in SQL instead of parsing
// JSON: one `answers` row per answered question (its metric and number, its text), one
// `trail_events` row per distinct event of a trail. Pure.
import type { Survey } from '../../../sdk/src/pure/config/types'
import { measureOf, valueOf } from '../config/metrics'
import type { Insertable } from 'kysely'
import type { AnswersTable, TrailEventsTable } from '../db/schema'
import type { MomentIn, ResponseIn } from './record'

/** One row per question of the survey that has a non-null answer (choices' "other" text goes into `text`). */
export function answerRows(record: ResponseIn, survey: Survey | undefined): AnswersTable[] {
  if (!survey) return []
  const rows: AnswersTable[] = []
  for (const question of survey.questions ?? []) {
    const answer = record.answers[question.id]
    if (answer === undefined || answer === null) continue
    const measure = measureOf(question)
    const value = measure ? valueOf(measure, answer) : undefined
    const other = record.answers[question.id + '_other']
    rows.push({
      response_id: record.id,
      question_id: question.id,
      survey_id: record.surveyId,
      touchpoint: record.touchpoint,
      owner: record.owner,
      metric: measure && value !== undefined ? measure.metric : null,
      value: value ?? null,
      text: question.type === 'text' && typeof answer === 'string' ? answer : typeof other === 'string' ? other : null,
      at: record.startedAt,
      lang: record.lang,
      path: record.path,
      preview: record.preview ? 1 : 0,
    })
  }
  return rows
}

/**
 * The distinct events of a record's trail, each once (the latest occurrence names its touchpoint).
 * `at` is the record's own time (a response's start, a prompt's showing), so the rows are cut into
 * periods the same way as the records they belong to. A response's rows carry its score `flags`
 * (scores.ts); a shown record's are 0.
 */
export function trailRows(record: ResponseIn | MomentIn, flags = { scored: 0, low: 0 }): Insertable<TrailEventsTable>[] {
  if (record.kind === 'dismissed') return []
  const at = record.kind === 'response' ? record.startedAt : record.at
  const byEvent = new Map<string, string | null>()
  for (const step of record.trail) {
    byEvent.delete(step.event)
    byEvent.set(step.event, step.touchpoint ?? null)
  }
  return [...byEvent].map(([event, touchpoint]) => ({
    record_id: record.id,
    response_id: record.responseId,
    kind: record.kind as 'response' | 'shown',
    event,
    touchpoint,
    survey_id: record.surveyId,
    at,
    preview: record.preview ? 1 : 0,
    ...flags,
  }))
}
