// `npm test`: type-check, unit tests, build, end-to-end tests in Chromium, the engine scenarios in
// Chromium, Firefox and WebKit. At the end a line per suite ("e2e-firefox: 23 passed, 0 failed in
// 95 s"), the name of every failed test (CI keeps only the tail of the output), then one plain
// closing line, "N passed, N failed", totalled over every suite (CI reads it). Exits non-zero on
// any failure.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const results = 'test/.results'
rmSync(results, { recursive: true, force: true })
mkdirSync(results, { recursive: true })

let passed = 0
let failed = 0
let broken = false
/** What failed, by name, repeated at the end: "collector › packages/…/x.test.ts › a test". */
const failures = []

const run = (label, cmd, args) => {
  console.log(`\n== ${label}: ${cmd} ${args.join(' ')}`)
  const { status } = spawnSync(cmd, args, { stdio: 'inherit' })
  return status === 0
}

const step = (label, cmd, args) => {
  if (run(label, cmd, args)) return true
  console.error(`${label} failed`)
  failures.push(label)
  failed++
  broken = true
  return false
}

const vitest = (project, label = project, extra = []) => {
  const out = `${results}/${label}.json`
  const started = Date.now()
  const ok = run(`${label} tests`, 'npx', [
    'vitest',
    'run',
    '--project',
    project,
    ...extra,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ])
  const seconds = Math.round((Date.now() - started) / 1000)
  if (!existsSync(out)) {
    console.error(`${project} tests produced no report`)
    failures.push(`${label}: no report`)
    failed++
    broken = true
    return { label, passed: 0, failed: 1, seconds }
  }
  const report = JSON.parse(readFileSync(out, 'utf8'))
  // A file that fails to load has no failed test but a failed suite: count it, never hide it.
  const broke = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.every((a) => a.status !== 'failed'))
  const brokenFiles = broke.length
  const file = (name) => name.replace(process.cwd() + '/', '')
  for (const f of broke) failures.push(`${label} › ${file(f.name)}: ${(f.message || 'failed to load').split('\n')[0]}`)
  for (const f of report.testResults)
    for (const a of f.assertionResults)
      if (a.status === 'failed') failures.push(`${label} › ${file(f.name)} › ${a.fullName}: ${(a.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300)}`)
  passed += report.numPassedTests
  failed += report.numFailedTests + brokenFiles
  if (!ok || report.numTotalTests === 0) broken = true
  return { label, passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles, seconds }
}

/** Each suite's counts, one line each before the closing line. */
const suites = []

step('type-check', 'npx', ['tsc', '--noEmit', '-p', '.'])
// The SDK's layers (docs/architecture.md): pure/ uses no DOM and no I/O (Biome), no chunk imports another's files.
step('lint', 'npx', ['biome', 'ci', '.'])
step('layers', 'node', ['scripts/layers.mjs'])
suites.push(vitest('unit'))
suites.push(vitest('collector'))
// The Chromium fuzzers (test/fuzz, docs/fuzzing.md) load the machine for half a minute: they run
// after the other end-to-end tests rather than beside them, whose waits they would stretch.
if (step('build', 'npm', ['run', 'build', '--silent'])) {
  suites.push(vitest('e2e'))
  // The same scenarios in each engine (test/engines): Chromium, Firefox over WebDriver BiDi, WebKit
  // through WebKitWebDriver on a private Xvfb display.
  for (const engine of ['chromium', 'firefox', 'webkit']) suites.push(vitest('e2e-' + engine))
  suites.push(vitest('fuzz', 'e2e-fuzz'))
}

console.log('')
for (const e of suites) console.log(`${e.label}: ${e.passed} passed, ${e.failed} failed in ${e.seconds} s`)
for (const f of failures) console.log(`failed: ${f}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed || broken ? 1 : 0)
