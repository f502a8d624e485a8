#!/usr/bin/env node
// `hetki validate config.json [more.json…]`: checks Hetki configs and prints every problem. Exit
// status: 0 valid (warnings allowed), 1 some error, 2 a file that cannot be read or is not JSON.
// `hetki simulate config.json --journeys file`: forecasts how often people would be asked
// (./simulate.mjs, docs/simulate.md).
// No dependencies: the validator is bundled into dist/validate.mjs by the repository's build.
import { existsSync, readFileSync } from 'node:fs'

const HELP = `Usage: hetki validate [--json] <config.json|-> [more.json…]
       hetki simulate <config.json> --journeys <file|-> [--json] [--against old.json] …
                      (hetki simulate --help for the rest)

Checks Hetki configs against the config schema and for mistakes a schema cannot see (a survey
naming a missing touchpoint, duplicate ids, rules that never hold, missing translations…).
Prints one line per problem and a summary per file; "-" reads the config from stdin.

  --json     print the results as JSON instead
  --help     show this help

Exit status: 0 no errors (warnings allowed), 1 some config has errors, 2 a file could not be
read or is not JSON. More: docs/validate.md in the Hetki repository.`

/** The validator next to this file once packed (dist/ is copied in), or the repository's build. */
async function loadValidator() {
  for (const candidate of ['../dist/validate.mjs', '../../../dist/validate.mjs']) {
    const url = new URL(candidate, import.meta.url)
    if (existsSync(url)) return import(url.href)
  }
  console.error('hetki: dist/validate.mjs not found; in the Hetki repository, run `npm run build` first')
  process.exit(2)
}

const args = process.argv.slice(2)
if (args[0] == 'simulate') {
  // Its own help and options; it resolves once its output is written.
  const { simulate } = await import('./simulate.mjs')
  process.exit(await simulate(args.slice(1)))
}
if (!args.length || args.includes('--help') || args.includes('-h')) {
  console.log(HELP)
  process.exit(args.length ? 0 : 2)
}
const [command, ...rest] = args
if (command != 'validate') {
  console.error(`hetki: unknown command "${command}"\n\n${HELP}`)
  process.exit(2)
}
const asJson = rest.includes('--json')
const files = rest.filter((a) => a != '--json')
if (!files.length) {
  console.error('hetki validate: name at least one config file, or - for stdin')
  process.exit(2)
}

const { validate, formatProblem, summary, syntaxErrorAt } = await loadValidator()
const results = []
let status = 0
for (const file of files) {
  const name = file == '-' ? '<stdin>' : file
  let text
  try {
    // A byte order mark (Windows editors) is no error: browsers skip it too.
    text = readFileSync(file == '-' ? 0 : file, 'utf8').replace(/^\uFEFF/, '')
  } catch (e) {
    results.push({ file: name, error: `cannot read it (${e.code || e.message})` })
    status = 2
    continue
  }
  let config
  try {
    config = JSON.parse(text)
  } catch (e) {
    const at = syntaxErrorAt(text)
    results.push({ file: name, error: `not valid JSON${at ? ` at line ${at.line}, column ${at.column}` : ''} (${e.message.split(/, "|\n/)[0]})`, ...at })
    status = 2
    continue
  }
  const problems = validate(config)
  const errors = problems.filter((p) => p.severity == 'error').length
  if (errors && status == 0) status = 1
  results.push({ file: name, errors, warnings: problems.length - errors, problems })
}

if (asJson) console.log(JSON.stringify(results, null, 2))
else
  for (const r of results) {
    if (r.error) {
      console.error(`${r.file}: ${r.error}`)
      continue
    }
    for (const p of r.problems) console.log(formatProblem(p))
    console.log(summary(r.file, r.problems))
  }
process.exitCode = status
