// One build for the whole repository: the core (script tag and ES module), its types, and the widget.
// TypeScript is transpiled by esbuild and type-checked separately by `tsc --noEmit` (npm run typecheck).
import resolve from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import { dts } from 'rollup-plugin-dts'
import esbuild from 'rollup-plugin-esbuild'
import { readdirSync } from 'node:fs'
import path from 'node:path'

// JSON too: the built-in feelings' weights (packages/sdk/src/pure/config/feelings.json) are data
// that plain Node scripts read as well.
const transpile = () => esbuild({ target: 'es2020', jsx: 'automatic', jsxImportSource: 'preact', tsconfig: 'tsconfig.json', loaders: { '.json': 'json' } })

const minify = (preamble) =>
  terser({
    ecma: 2020,
    module: true,
    compress: { passes: 3, unsafe_arrows: true },
    // Keep the bundler hints on the widget import so bundlers leave it to run time.
    format: { comments: /webpackIgnore|@vite-ignore/, preamble },
  })

/** The config schema as the validator needs it: its descriptions are for editors, not for pages. */
const schemaRulesOnly = () => ({
  name: 'schema-rules-only',
  transform(code, id) {
    if (!id.endsWith('config.schema.json')) return
    const forEditors = /^(description|markdownDescription|patternErrorMessage)$/
    return { code: JSON.stringify(JSON.parse(code), (k, v) => (forEditors.test(k) && typeof v == 'string' ? undefined : v)), map: null }
  },
})

const plugins = () => [resolve({ browser: true }), transpile()]

/**
 * The lazy chunks: each is built from its source to its own file in dist/, and the module build's
 * `import('./engine')` (packages/sdk/src/core/index.ts) becomes `import('./hetki-engine.js')` of that
 * sibling file, a literal relative import that Vite, webpack, Rollup, esbuild and Next.js follow
 * and emit. The script tag build imports the same files at run time from its own folder.
 */
const chunks = {
  'hetki-engine.js': 'packages/sdk/src/engine/index.ts',
  'hetki-widget.js': 'packages/widget/src/index.tsx',
  'hetki-delivery.js': 'packages/sdk/src/sender/index.ts',
  'hetki-sources.js': 'packages/sdk/src/sources/index.ts',
  'hetki-debug.js': 'packages/sdk/src/panel/index.ts',
}

/** Keeps the module build's dynamic imports of the chunks out of it, as imports of the sibling files. */
const siblingChunks = () => ({
  name: 'sibling-chunks',
  async resolveDynamicImport(specifier, importer) {
    if (typeof specifier != 'string') return null
    const resolved = await this.resolve(specifier, importer)
    const file = resolved && Object.keys(chunks).find((f) => resolved.id == path.resolve(chunks[f]))
    if (!file) throw new Error(`${importer} imports ${specifier} dynamically, which is none of the lazy chunks`)
    return { id: './' + file, external: true }
  },
})

/**
 * The widget's UI languages: each locale file (packages/widget/src/locales/<code>.ts) is built to
 * `hetki-locale-<code>.js`, and the widget's `import('./locales/de')` becomes
 * `import('./hetki-locale-de.js')`, a literal relative import of its sibling: the script tag build
 * resolves it against the widget's own URL at run time, bundlers follow it and emit the file.
 */
const LOCALES = 'packages/widget/src/locales'
const locales = Object.fromEntries(
  readdirSync(LOCALES)
    .filter((f) => /^[a-z]{2}\.ts$/.test(f))
    .map((f) => ['hetki-locale-' + f.slice(0, 2), LOCALES + '/' + f]),
)
const siblingLocales = () => ({
  name: 'sibling-locales',
  async resolveDynamicImport(specifier, importer) {
    if (typeof specifier != 'string') return null
    const resolved = await this.resolve(specifier, importer)
    const name = resolved && Object.keys(locales).find((n) => resolved.id == path.resolve(locales[n]))
    if (!name) throw new Error(`${importer} imports ${specifier} dynamically, which is none of the locale files`)
    return { id: './' + name + '.js', external: true }
  },
})

const adapters = Object.fromEntries(['webhook', 'posthog', 'segment', 'datalayer'].map((n) => [n, `packages/sdk/src/adapters/${n}.ts`]))

export default [
  {
    input: 'packages/sdk/src/core/script.ts',
    // The magic comment asks V8 (Chromium 136+) to compile every function of the file eagerly, off
    // the main thread while the file streams: most of them run at start-up, and compiled lazily on
    // the main thread at their first call they made a third to a half of its task (docs/bench.md).
    output: { file: 'dist/hetki.js', format: 'iife', plugins: [minify('//# allFunctionsCalledOnLoad')] },
    plugins: plugins(),
  },
  {
    input: 'packages/sdk/src/core/index.ts',
    output: { file: 'dist/hetki.mjs', format: 'es', plugins: [minify()] },
    plugins: [siblingChunks(), ...plugins()],
  },
  {
    input: 'packages/sdk/src/core/index.ts',
    output: { file: 'dist/hetki.d.ts', format: 'es' },
    plugins: [dts()],
  },
  // The outbox's sending half, imported by the core only when there is something to send, and the
  // opt-in transport adapters: separate files, so they never grow the core (docs/delivery.md).
  {
    input: 'packages/sdk/src/sender/index.ts',
    output: { file: 'dist/hetki-delivery.js', format: 'es', plugins: [minify()] },
    plugins: plugins(),
  },
  {
    input: adapters,
    output: { dir: 'dist/adapters', format: 'es', chunkFileNames: 'shared-[hash].js', plugins: [minify()] },
    plugins: plugins(),
  },
  {
    // The engine: rules, pacing verdict, claim, mount and records; imported on the first event that
    // some survey listens to.
    input: 'packages/sdk/src/engine/index.ts',
    output: { file: 'dist/hetki-engine.js', format: 'es', plugins: [minify()] },
    plugins: plugins(),
  },
  {
    // Built-in journey sources: a chunk of its own, imported only by pages whose config turns them on.
    input: 'packages/sdk/src/sources/index.ts',
    output: { file: 'dist/hetki-sources.js', format: 'es', plugins: [minify()] },
    plugins: plugins(),
  },
  {
    // The debug overlay: imported only in debug mode (?hetki_debug=1, hetki.debug(true)).
    // It carries the full validator, and so the config schema without its descriptions.
    input: 'packages/sdk/src/panel/index.ts',
    output: { file: 'dist/hetki-debug.js', format: 'es', plugins: [minify()] },
    plugins: [resolve({ browser: true }), schemaRulesOnly(), esbuild({ target: 'es2020', tsconfig: 'tsconfig.json', loaders: { '.json': 'json' } })],
  },
  {
    input: adapters,
    output: { dir: 'dist/adapters', format: 'es', chunkFileNames: 'shared-[hash].d.ts' },
    plugins: [dts()],
  },
  {
    // The config validator for the `hetki validate` command (packages/sdk/bin/hetki.mjs), with the
    // generated schema inlined: never loaded by a page, so left readable.
    input: 'packages/sdk/src/pure/validate/index.ts',
    output: { file: 'dist/validate.mjs', format: 'es' },
    plugins: [resolve(), esbuild({ target: 'es2020', tsconfig: 'tsconfig.json', loaders: { '.json': 'json' } })],
  },
  {
    // The simulator for the `hetki simulate` command: the same rules and pacing as the engine, the
    // journeys' replay and the forecast (docs/simulate.md), with the validator; never loaded by a
    // page, so left readable.
    input: 'packages/sdk/src/pure/simulate/index.ts',
    output: { file: 'dist/simulate.mjs', format: 'es' },
    plugins: [resolve(), esbuild({ target: 'es2020', tsconfig: 'tsconfig.json', loaders: { '.json': 'json' } })],
  },
  {
    input: 'packages/widget/src/index.tsx',
    output: { file: 'dist/hetki-widget.js', format: 'es', plugins: [minify()] },
    plugins: [siblingLocales(), ...plugins()],
  },
  {
    // One small file per UI language, imported by the widget only for a survey shown in it.
    input: locales,
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', plugins: [minify()] },
    plugins: plugins(),
  },
]
