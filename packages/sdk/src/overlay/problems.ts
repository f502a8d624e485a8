import { checkConfig } from '../config/check'

/**
 * One problem in a config, as the overlay lists it. The shape of the full validator's problems
 * (packages/sdk/src/validate/), so that it can replace `configProblems` without touching the view.
 */
export interface Problem {
  /** JSON path, e.g. `surveys[0].trigger.within`. */
  path: string
  severity: 'error' | 'warning'
  message: string
  expected?: string
  hint?: string
}

/**
 * The problems of a config. For now the core's structural check, which finds the first one only
 * (and a config that fails it never runs, so a running config shows none).
 */
export function configProblems(config: unknown): Problem[] {
  const problem = checkConfig(config)
  if (!problem) return []
  // "surveys[0].delay must be …": the path is the first word, except for the config as a whole.
  const at = problem.startsWith('the config') ? 0 : problem.indexOf(' ') + 1
  return [{ path: problem.slice(0, at).trim(), severity: 'error', message: problem.slice(at) }]
}
