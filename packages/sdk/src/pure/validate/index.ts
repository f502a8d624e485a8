// The validator as one module, for the `hetki validate` command (bundled to dist/validate.mjs)
// and the debug overlay: everything here is pure and CSP-safe.
export { validate, type Problem } from './validate'
export { formatProblem, summary } from './report'
export { syntaxErrorAt } from './json-position'
