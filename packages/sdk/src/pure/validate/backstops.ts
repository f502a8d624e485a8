import { configProblem, says, type ConfigProblem } from '../config/check'
import { checkPacing } from '../pacing/check'
import type { Problem } from './problem'
import { records } from './read'
import { isRecord } from './schema'

/**
 * `surveys[0].pacing.cooldownDays must be a number ≥ 0` → a problem at `surveys[0].pacing.cooldownDays`.
 * Only the pacing check (pure/pacing/check.ts) still reports in words; the core's check reports data.
 */
function parse(found: string): Problem {
  const [path, ...rest] = found.split(' ')
  return { path: path!, severity: 'error', message: rest.join(' ') }
}

/** The core's problem as the validator's: its path and words, and what was expected when the code says it. */
const fromCore = (p: ConfigProblem): Problem => ({
  path: p.path,
  severity: 'error',
  message: says(p),
  ...(p.expected ? { expected: p.expected } : {}),
})

/**
 * What the SDK itself refuses (the core's check on every page, the pacing check of the debug
 * tools), as problems. The schema and the semantic checks should have said it already, better
 * worded; these make sure the validator can never pass a config that Hetki would refuse.
 */
export function backstops(config: unknown): Problem[] {
  const core = configProblem(config)
  const found: (string | undefined)[] = []
  if (isRecord(config)) {
    found.push(checkPacing(config.pacing, 'pacing'))
    for (const [survey, i] of records(config.surveys)) found.push(checkPacing(survey.pacing, `surveys[${i}].pacing`))
  }
  return [...(core ? [fromCore(core)] : []), ...found.filter((f): f is string => f !== undefined).map(parse)]
}
