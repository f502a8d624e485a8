// Bytes a page loads, raw / gzip -9 / brotli: when no survey shows and when one does, for Hetki
// (dist/, `npm run build` first) and each peer as installed from npm into bench/peers.
// Writes bench/.out/sizes.json; bench/run.mjs puts it in the report.
import { build } from 'esbuild'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { gzipSync } from 'node:zlib'
import { bytesOf, bytesOfSet } from './lib/bytes.mjs'
import { bundlePeers } from './lib/bundle-peers.mjs'
import { moduleGraph } from './lib/module-graph.mjs'
import { ensurePeers, peerFile, peerVersion } from './lib/peers.mjs'

ensurePeers()
const bundles = await bundlePeers()
const sprig = moduleGraph(bundles.sprig)
const posthog = (file) => peerFile('posthog-js/dist/' + file)
const dist = (file) => 'dist/' + file
/**
 * What a page fetches to show, answer and deliver a survey: the core, the engine (the first event a
 * survey listens to), the widget (every question type is in it: a choice question's broken config
 * must close the prompt synchronously, so no type waits for a file of its own, docs/bytes.md) and
 * the sender (the first answer). A typical rating survey (CSAT with an optional follow-up text)
 * loads exactly these in English.
 */
const showing = ['hetki.js', 'hetki-engine.js', 'hetki-widget.js', 'hetki-delivery.js'].map(dist)
/** The largest UI language file: a survey in any language but English loads one. */
const largestLocale = readdirSync('dist')
  .filter((f) => /^hetki-locale-[\w-]+\.js$/.test(f))
  .map(dist)
  .sort((a, b) => bytesOf(b).gzip - bytesOf(a).gzip)[0]

const rows = [
  { sdk: 'Hetki', version: 'this branch', when: 'no survey shows', files: [dist('hetki.js')] },
  {
    sdk: 'Hetki',
    version: 'this branch',
    when: 'a survey shows',
    files: showing,
    note: 'a CSAT rating with an optional follow-up text, in English: core, engine, widget, sender',
  },
  {
    sdk: 'Hetki',
    version: 'this branch',
    when: 'every question type, any language',
    files: [...showing, largestLocale],
    note: 'rating, emotion, yes/no, choice and text in one survey, in the language with the largest UI strings file',
  },
  // With surveys on, posthog-js fetches its renderer at start-up on every page (bench/startup.mjs
  // lists the files each page fetched); the core alone is what a project without surveys loads.
  {
    sdk: 'posthog-js',
    version: peerVersion('posthog-js'),
    when: 'no survey shows',
    files: [posthog('array.js'), posthog('surveys.js')],
    note: 'core + survey renderer: with surveys on, surveys.js is fetched at start-up (see the start-up table)',
  },
  {
    sdk: 'posthog-js',
    version: peerVersion('posthog-js'),
    when: 'core alone',
    files: [posthog('array.js')],
    note: 'array.js, what a project without surveys loads',
  },
  {
    sdk: 'posthog-js',
    version: peerVersion('posthog-js'),
    when: 'a survey shows',
    files: [posthog('array.js'), posthog('surveys.js')],
    note: 'core + survey renderer (surveys.js)',
  },
  {
    sdk: 'Sprig',
    version: peerVersion('@sprig-technologies/sprig-browser'),
    when: 'no survey shows',
    files: sprig.eager,
    note: 'eager chunks, bundled and minified by esbuild',
  },
  {
    sdk: 'Sprig',
    version: peerVersion('@sprig-technologies/sprig-browser'),
    when: 'a survey shows',
    files: [...sprig.eager, ...sprig.lazy],
    note: 'eager + every lazy chunk (a given survey may load a subset)',
  },
  {
    sdk: 'Formbricks',
    version: peerVersion('@formbricks/js'),
    when: 'loader only',
    files: moduleGraph(bundles.formbricks).eager,
    note: 'the npm loader only; its core and renderer come from a Formbricks server and are not in the package',
  },
  {
    sdk: 'Preact alone (floor)',
    version: peerVersion('preact'),
    when: 'library only',
    files: moduleGraph(bundles.preact).eager,
    note: 'what any Preact renderer pays at least',
  },
].map((row) => ({ ...row, ...bytesOfSet(row.files), files: row.files.map((f) => basename(f)) }))

const kb = (n) => (n / 1024).toFixed(1)
console.log('Bytes a page loads (KB; gzip -9, brotli 11)\n')
console.log('| SDK | when | raw | gzip | brotli |\n| --- | --- | ---: | ---: | ---: |')
for (const r of rows) console.log(`| ${r.sdk} ${r.version} | ${r.when} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`)
mkdirSync('bench/.out', { recursive: true })
// Each of Hetki's files on its own too, for the quality bars (core ≤ 6 KB, widget chunk ≤ 14 KB).
const hetkiFiles = Object.fromEntries(['hetki.js', 'hetki-engine.js', 'hetki-widget.js', 'hetki-delivery.js'].map((f) => [f, bytesOf(dist(f))]))

// Where the widget's bytes go: Preact and the widget's own code. Two esbuild
// bundles of the widget's source, Preact in and out; the difference is Preact's share (esbuild's
// minifier is not the build's terser, so the shares are estimates; the file's size is measured).
const widgetBundle = async (external) =>
  gzipSync(
    (
      await build({
        entryPoints: ['packages/widget/src/index.tsx'],
        bundle: true,
        minify: true,
        format: 'esm',
        target: 'es2020',
        jsx: 'automatic',
        jsxImportSource: 'preact',
        external,
        write: false,
        logLevel: 'error',
      })
    ).outputFiles[0].contents,
    { level: 9 },
  ).length
// The UI languages left out of both: without code splitting esbuild would inline every lazy
// locale file, which the real widget fetches only for its language (a third of the bundle).
const widgetAll = await widgetBundle(['./locales/*'])
const widgetOwn = await widgetBundle(['preact', 'preact/*', './locales/*'])
const widgetSplit = {
  preactShare: (widgetAll - widgetOwn) / widgetAll,
  preactGzip: Math.round(((widgetAll - widgetOwn) / widgetAll) * hetkiFiles['hetki-widget.js'].gzip),
}

const total = Object.values(hetkiFiles).reduce((a, b) => a + b.gzip, 0)
console.log(
  '\nHetki, a page showing a survey (gzip -9): ' +
    Object.entries(hetkiFiles)
      .map(([f, b]) => `${f} ${kb(b.gzip)}`)
      .join(' + ') +
    ` = ${kb(total)} KB`,
)
console.log(`of the widget, Preact about ${kb(widgetSplit.preactGzip)} KB (${(100 * widgetSplit.preactShare).toFixed(0)} %), the widget's own code the rest`)
writeFileSync('bench/.out/sizes.json', JSON.stringify({ rows, hetkiFiles, widgetSplit }, null, 2) + '\n')
