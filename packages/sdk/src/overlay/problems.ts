import { validate, type Problem } from '../validate/validate'

export type { Problem }

let checked: unknown
let found: Problem[] = []

/**
 * Everything the validator (the `hetki validate` command) finds in the config: errors and warnings,
 * each with its path and a hint. Worked out once per config, which does not change on a page.
 */
export function configProblems(config: unknown): Problem[] {
  if (config !== checked || !found) (checked = config), (found = validate(config))
  return found
}
