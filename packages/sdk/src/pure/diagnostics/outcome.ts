import type { Step } from '../rules/trace'

/** Steps whose refusal is the trigger's own conditions, and the audience rules (names, space-separated). */
const TRIGGER = ' where count after unless '
const AUDIENCE = ' urls notUrls device lang user from until '
/** Steps named otherwise than their outcome: another prompt open on the page, a reset meanwhile. `sample`, `priority`, `page` and `target` are their own outcomes. */
const RENAMED: Record<string, string> = { prompt: 'busy', reset: 'page' }

/**
 * A pacing verdict's reason code: the first word of its `why` (allowed.ts words every reason as
 * "<code> until …" or "<code> reached"), "shown once already" being `once`. The one place to
 * change when verdicts carry their reason as data.
 */
const pacingCode = (why: string): string => {
  const word = why.split(' ')[0]!
  return word == 'shown' ? 'once' : word
}

/**
 * What one step of a decision says about how it ended, for fleet diagnostics: `shown`, the reason
 * it was not (`trigger`, `audience`, `sample`, `priority`, a pacing code such as `cooldown`,
 * `claim`, `busy`, `page`, `target`, `error`), or undefined while the decision goes on (a step that
 * passed). `claiming`: the step comes from the cross-tab claim, where a refusal means another tab
 * got there first (its prompt is open, or it showed a survey a moment ago), unless the widget could
 * not be loaded (the claim's `why` is then the error). Pure.
 */
export function outcomeOf(s: Step, claiming: boolean): string | undefined {
  const name = s.step
  if (name == 'shown') return name
  if (s.pass) return
  if (name == 'pacing') return claiming ? (s.why.includes('Error') ? 'error' : 'claim') : pacingCode(s.why)
  return TRIGGER.includes(' ' + name + ' ') ? 'trigger' : AUDIENCE.includes(' ' + name + ' ') ? 'audience' : RENAMED[name] || name
}
