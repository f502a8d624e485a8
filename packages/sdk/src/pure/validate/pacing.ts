import { didYouMean } from './nearest'
import { child, type Problem } from './problem'
import { record, records, text, texts } from './read'

type Rec = Record<string, unknown>

/** What to say about a survey id that no survey has. */
const unknown = (id: string, ids: string[], path: string): Problem => ({
  path,
  severity: 'error',
  message: `"${id}" is not the id of any survey`,
  expected: 'the id of one of the surveys',
  hint: didYouMean(id, ids) ?? (ids.length ? 'the surveys are ' + ids.map((s) => `"${s}"`).join(', ') : 'add the survey to "surveys"'),
})

/**
 * Pacing that refers to surveys: groups naming a survey that is not there, groups nobody belongs to,
 * spacing after a survey that is not there (or after itself). Pacing would run with them, ignoring
 * what it cannot find, so a PM would never learn that the rule does nothing.
 */
export function checkPacingReferences(config: Rec, report: (p: Problem) => void): void {
  const surveys = records(config.surveys)
  const ids = surveys.map(([s]) => text(s.id)).filter((id): id is string => id !== undefined)
  const groups = record(record(config.pacing)?.groups) || {}
  for (const name of Object.keys(groups)) {
    const at = child(child('pacing', 'groups'), name)
    const members = record(groups[name])?.surveys
    if (!Array.isArray(members)) continue
    texts(members).forEach((id, j) => ids.includes(id) || report(unknown(id, ids, child(child(at, 'surveys'), j))))
    if (!texts(members).some((id) => ids.includes(id)))
      report({
        path: child(at, 'surveys'),
        severity: 'warning',
        message: `names no survey of this config, so group "${name}" paces nothing`,
        hint: 'list the ids of the surveys that belong to it, or remove the group',
      })
  }
  for (const [survey, i] of surveys) {
    const spacing = record(record(survey.pacing)?.spacingDays) || {}
    for (const after of Object.keys(spacing)) {
      const at = child(child(child(child('surveys', i), 'pacing'), 'spacingDays'), after)
      if (!ids.includes(after)) report(unknown(after, ids, at))
      else if (after === survey.id)
        report({
          path: at,
          severity: 'warning',
          message: 'is this survey itself',
          hint: 'to ask it again N days after it was shown, use "frequency": { "everyDays": N }',
        })
    }
  }
}
