import type { Step } from '../rules/trace'

/**
 * A verdict's reason code: its data (`{ code }`) where verdicts carry it, else read off the words
 * allowed.ts and the claim give: "<code> until …", "<code> reached", "shown once already"
 * (`once`), "a prompt is open in another tab" (`otherTab`), or the error the claim caught.
 */
const codeOf = (why: unknown): string => {
  if (typeof why != 'string') return (why as { code: string }).code
  const word = why.split(' ')[0]!
  return word == 'shown' ? 'once' : word == 'a' ? 'otherTab' : why.includes('Error') ? 'error' : word
}

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
  if (name == 'shown') return name
  if (s.pass) return
  if (name != 'pacing') return name
  const code = codeOf(s.why)
  return !claiming ? code : code == 'error' ? code : 'claim'
}
