import { didYouMean } from './nearest'
import { child, type Problem } from './problem'
import { records, text } from './read'

type Rec = Record<string, unknown>

/** Reports the second and later uses of an id among `items` (by their `id`), naming the first. */
function duplicates(items: [Rec, number][], at: string, what: string, report: (p: Problem) => void): void {
  const first = new Map<string, string>()
  for (const [item, i] of items) {
    const id = text(item.id)
    if (id === undefined) continue
    const path = child(child(at, i), 'id')
    const earlier = first.get(id)
    if (earlier === undefined) first.set(id, path)
    else
      report({
        path,
        severity: 'error',
        message: `"${id}" is already the id of ${earlier.replace(/\.id$/, '')}`,
        expected: `an id used by one ${what} only`,
        hint: `rename one of them`,
      })
  }
}

/** Ids used twice, and surveys naming a touchpoint that is not there. */
export function checkReferences(config: Rec, report: (p: Problem) => void): void {
  const touchpoints = records(config.touchpoints)
  const surveys = records(config.surveys)
  duplicates(touchpoints, 'touchpoints', 'touchpoint', report)
  duplicates(surveys, 'surveys', 'survey', report)
  const ids = touchpoints.map(([t]) => text(t.id)).filter((id): id is string => id !== undefined)
  for (const [survey, i] of surveys) {
    const at = child('surveys', i)
    const name = text(survey.touchpoint)
    if (name !== undefined && !ids.includes(name))
      report({
        path: child(at, 'touchpoint'),
        severity: 'error',
        message: `"${name}" is not the id of any touchpoint`,
        expected: ids.length ? 'the id of one of the touchpoints' : 'the id of a touchpoint listed under "touchpoints"',
        hint: didYouMean(name, ids) ?? (ids.length ? 'the touchpoints are ' + ids.map((id) => `"${id}"`).join(', ') : 'add it to "touchpoints"'),
      })
    const questions = records(survey.questions)
    duplicates(questions, child(at, 'questions'), 'question of this survey', report)
    for (const [q, j] of questions) duplicates(records(q.options), child(child(child(at, 'questions'), j), 'options'), 'option of this question', report)
  }
}
