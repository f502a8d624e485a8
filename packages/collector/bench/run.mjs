// Runs bench/collector.ts: bundled with esbuild (the bench imports the collector's TypeScript and
// the throwaway PostgreSQL of its tests), then executed. Needs `npm run build` first (the collector
// under load is the built command, a child process that can be killed with -9).
import { build } from 'esbuild'
import { mkdirSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

const here = fileURLToPath(new URL('.', import.meta.url))
const root = fileURLToPath(new URL('../../..', import.meta.url))
const pkg = JSON.parse(await (await import('node:fs/promises')).readFile(here + '../package.json', 'utf8'))
mkdirSync(root + 'bench/.out', { recursive: true })
const out = root + 'bench/.out/collector-bench.mjs'
await build({
  entryPoints: [here + 'collector.ts'],
  outfile: out,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: Object.keys(pkg.dependencies ?? {}),
  banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  logLevel: 'warning',
})
process.env.HETKI_ROOT = root
await import(pathToFileURL(out).href)
