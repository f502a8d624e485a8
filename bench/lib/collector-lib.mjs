// The collector's TypeScript, for the benchmark: bundled once by esbuild (installed) into
// bench/.out/collector-lib.mjs, its packages left as imports (they resolve from the repository's
// node_modules), then imported. No TypeScript runner needed, and the bench measures the same source
// the tests run.
import { build } from 'esbuild'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { join } from 'node:path'

export const root = fileURLToPath(new URL('../..', import.meta.url))

const ENTRY = `
export { openStore } from './packages/collector/src/db/open.ts'
export { startPostgres } from './packages/collector/test/postgres.ts'
export { loadScorecardInput } from './packages/collector/src/scorecards/query.ts'
export { markScores } from './packages/collector/src/ingest/scores.ts'
export { scorecardRequest } from './packages/collector/src/scorecards/params.ts'
export { startCollector } from './packages/collector/src/start.ts'
export { scorecardsRoute, textsRoute } from './packages/collector/src/scorecards/routes.ts'
`

/** The collector's modules the bench uses (openStore, startPostgres, startCollector, the scorecards' query and routes, markScores). */
export async function loadCollector(extra = '') {
  const outfile = join(root, 'bench/.out/collector-lib.mjs')
  await build({
    stdin: { contents: ENTRY + extra, resolveDir: root, loader: 'ts', sourcefile: 'collector-bench-entry.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  })
  return import(pathToFileURL(outfile).href + '?t=' + Date.now())
}
