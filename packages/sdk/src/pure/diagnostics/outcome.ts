import type { Step } from '../rules/trace'

/**
 * What one step of a decision says about how it ended, for fleet diagnostics: `shown`; the name of
 * the step that refused it (a rule such as `where`, `urls` or `sample`, or `priority`, `prompt`,
 * `page`, `reset`, `target`); for pacing, its reason code (`cooldown`, `once`, …); or undefined
 * while the decision goes on (a step that passed). The collector sorts them into the funnel's
 * stages and words them, so the browser carries no table. `claiming`: the step comes from the
 * cross-tab claim, where a refusal means another tab got there first (`claim`: its prompt is open,
 * or it showed a survey a moment ago), unless the widget could not be loaded (`error`). Pure.
 */
export function outcomeOf(s: Step, claiming: boolean): string | undefined {
  const name = s.step
  if (name === 'shown') return name
  if (s.pass) return
  if (name !== 'pacing') return name
  const code = (s.why as { code: string }).code
  return !claiming ? code : code === 'error' ? code : 'claim'
}
