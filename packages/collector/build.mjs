// Bundles the collector's TypeScript into dist/ with esbuild: dist/index.js (the programmatic entry,
// startCollector) and dist/cli.js (the command). The package's dependencies stay external, so npm
// installs them (better-sqlite3 and pg carry native or optional parts that must not be bundled).
import { build } from 'esbuild'
import { readFileSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const here = fileURLToPath(new URL('.', import.meta.url))
const pkg = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8'))
rmSync(here + 'dist', { recursive: true, force: true })
await build({
  entryPoints: { index: here + 'src/index.ts', cli: here + 'src/cli.ts' },
  outdir: here + 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: Object.keys(pkg.dependencies ?? {}),
  logLevel: 'warning',
  // better-sqlite3 and pg are CommonJS; `require` inside the ESM bundle comes from node:module.
  banner: { js: "import { createRequire as __hetkiRequire } from 'node:module'; const require = __hetkiRequire(import.meta.url);" },
})
console.log('packages/collector/dist: built')
