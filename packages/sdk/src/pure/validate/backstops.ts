import { checkConfig } from '../config/check'
import { checkPacing } from '../pacing/check'
import type { Problem } from './problem'
import { records } from './read'
import { isRecord } from './schema'

/** `surveys[0].questions must be a non-empty array` → a problem at `surveys[0].questions`. */
function parse(found: string): Problem {
  const [path, ...rest] = found.startsWith('the config ') ? ['', ...found.slice(11).split(' ')] : found.split(' ')
  return { path: path!, severity: 'error', message: rest.join(' ') }
}

/**
 * What the SDK itself refuses (the core's check on every page, the pacing check of the debug
 * tools), as problems. The schema and the semantic checks should have said it already, better
 * worded; these make sure the validator can never pass a config that Hetki would refuse.
 */
export function backstops(config: unknown): Problem[] {
  const found = [checkConfig(config)]
  if (isRecord(config)) {
    found.push(checkPacing(config.pacing, 'pacing'))
    for (const [survey, i] of records(config.surveys)) found.push(checkPacing(survey.pacing, `surveys[${i}].pacing`))
  }
  return found.filter((f): f is string => f !== undefined).map(parse)
}
