// Prints raw, gzip -9 and brotli bytes of the three dist files; with --readme, also writes the
// table into README.md between the size markers. Every byte of hetki.js is paid by every visitor.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { bytesOf as measure } from '../bench/lib/bytes.mjs'

/** The biggest locale file by gzip, so one row holds every language to its budget. */
function largestLocale() {
  const all = readdirSync('dist')
    .filter((f) => /^hetki-locale-[\w-]+\.js$/.test(f))
    .map((f) => 'dist/' + f)
  return all.sort((a, b) => measure(b).gzip - measure(a).gzip)[0] ?? 'dist/hetki-locale-ar.js'
}

const files = [
  ['dist/hetki.js', 'core, script tag (every page)', 6144],
  ['dist/hetki.mjs', 'core, ES module (bundlers)', 6144],
  // Below the product's 14 KB bar: the widget's own hard limit, so bytes saved stay saved (docs/bytes.md).
  ['dist/hetki-widget.js', 'widget incl. Preact (lazy, only when a survey shows)', 11264],
  ['dist/hetki-engine.js', 'engine: rules, pacing verdict, claim, records, fleet diagnostics counts (lazy, on the first event a survey listens to)', 4864],
  ['dist/hetki-sources.js', 'built-in journey sources (lazy, only when the config turns them on)', 2048],
  ['dist/hetki-delivery.js', 'outbox sender (lazy, only when there is something to send)', 3072],
  ['dist/hetki-debug.js', 'debug overlay (lazy, only in debug mode: ?hetki_debug=1 or debug(true)); carries the full config validator', 16384],
  // The largest of the UI languages (dist/hetki-locale-<code>.js, lazy, only for a page in that language).
  [largestLocale(), 'largest UI language file (lazy, only for a page in that language; English is built in)', 700],
]

// The budgets also hold as the gzip command counts (its header carries the file name, and its
// deflate differs a little from node:zlib's): `gzip -9 -c file | wc -c` is what others check.
const gzipCommand = (file) => {
  try {
    return execFileSync('gzip', ['-9', '-c', file]).length
  } catch {
    return 0
  }
}

const rows = files.map(([file, what, budget]) => ({ file, what, budget, ...measure(file), gzipCommand: gzipCommand(file) }))
const table = [
  '| file | what | raw | gzip -9 | brotli | budget (gzip) |',
  '| --- | --- | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| \`${r.file}\` | ${r.what} | ${r.raw} B | ${r.gzip} B | ${r.brotli} B | ${r.budget} B |`),
].join('\n')
console.log(table)

// What a page loads to show, answer and deliver a survey (bench/sizes.mjs, row "a survey shows"),
// against the product's bar of 18 KB: said here, held by each file's budget above.
const showing = ['dist/hetki.js', 'dist/hetki-engine.js', 'dist/hetki-widget.js', 'dist/hetki-delivery.js']
const page = rows.filter((r) => showing.includes(r.file)).reduce((sum, r) => sum + r.gzip, 0)
console.log(`\nA page showing a survey loads ${page} B gzip -9 (core, engine, widget, sender); the product's bar is 18432 B.`)

const over = rows.filter((r) => Math.max(r.gzip, r.gzipCommand) > r.budget)
for (const r of over) console.error(`${r.file} is ${r.gzip} B gzip -9 (${r.gzipCommand} B by the gzip command), over its budget of ${r.budget} B`)

if (process.argv.includes('--readme')) {
  const readme = readFileSync('README.md', 'utf8')
  const start = '<!-- size:start -->'
  const end = '<!-- size:end -->'
  const i = readme.indexOf(start)
  const j = readme.indexOf(end)
  if (i < 0 || j < i) throw new Error('README.md has no size markers')
  writeFileSync('README.md', readme.slice(0, i + start.length) + '\n' + table + '\n' + readme.slice(j))
}
if (over.length) process.exitCode = 1
