import type { Problem } from './problem'

/** One line per problem, for a terminal or a CI log: `error  surveys[0].delay  must be … — hint: …`. */
export function formatProblem(p: Problem): string {
  return [p.severity, p.path || '(config)', p.message + (p.hint ? ' — hint: ' + p.hint : '')].join('  ')
}

const count = (n: number, word: string) => `${n} ${word}${n == 1 ? '' : 's'}`

/** `config.json: 2 errors, 1 warning`, or `config.json: no problems`. */
export function summary(file: string, problems: Problem[]): string {
  const errors = problems.filter((p) => p.severity == 'error').length
  const warnings = problems.length - errors
  return file + ': ' + (problems.length ? count(errors, 'error') + ', ' + count(warnings, 'warning') : 'no problems')
}
