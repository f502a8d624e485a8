// `npm run fuzz [-- --long] [-- --seed=N]`: builds, then runs only the fuzzers (docs/fuzzing.md),
// in happy-dom and in Chromium. --long runs ten times as many configs and payloads (minutes);
// --seed replays a run (the tests print the seed of any failure). Counts are printed by each suite.
import { spawnSync } from 'node:child_process'

const args = process.argv.slice(2)
const env = { ...process.env }
if (args.includes('--long')) env.HETKI_FUZZ = 'long'
const seed = args.find((a) => a.startsWith('--seed='))
if (seed) env.HETKI_FUZZ_SEED = String(Number(seed.slice(7)))

const run = (cmd, list) => spawnSync(cmd, list, { stdio: 'inherit', env }).status === 0
const ok =
  run('npm', ['run', 'build', '--silent']) &&
  run('npx', ['vitest', 'run', '--project', 'unit', 'packages/sdk/src/fuzz']) &&
  run('npx', ['vitest', 'run', '--project', 'fuzz'])
process.exit(ok ? 0 : 1)
