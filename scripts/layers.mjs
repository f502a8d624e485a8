// The SDK's import rules (docs/architecture.md), checked in `npm test` before anything is built.
// packages/sdk/src has a folder per chunk (what ships, and when) and three kinds of shared code:
//   core/ engine/ sender/ sources/ panel/   the chunks: each is built into a file of its own
//   pure/                                   config language, journey, rules, pacing decisions, validator:
//                                           no DOM, no I/O (the globals are refused by Biome, biome.json)
//   contracts/                              the shapes that cross a chunk boundary, types only
//   shared/                                 small helpers every chunk bundles a copy of (log, guard, store)
// A chunk imports its own folder, pure/, contracts/ and shared/; never another chunk's files, not
// even as types: what crosses a boundary is declared in contracts/. The one exception is the core's
// module entry (core/index.ts), whose literal import() of each chunk's entry is how bundlers find them.
// pure/ imports only pure/ and contracts/ (and the packages in PURE_PACKAGES).
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'

const src = 'packages/sdk/src'
const CHUNKS = ['core', 'engine', 'sender', 'sources', 'panel']
/** Packages pure code may use: nanoid draws the device's sampling id (crypto, no I/O). */
const PURE_PACKAGES = ['nanoid']
/** The core's loader for the module build: it alone may import() the chunks' entries (and the widget's). */
const LOADER = 'core/index.ts'

const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]))
const files = walk(src).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
const folderOf = (f) => path.relative(src, f).split(path.sep)[0]

/**
 * Every module a file names: static imports and re-exports (type or value), bare `import '…'`,
 * and `import('…')` of a literal, which is a dynamic import unless it is a type (`typeof import(…)`,
 * `import(…).Name`).
 */
function* specifiers(text) {
  const found = text.matchAll(
    /^\s*(?:import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|(typeof\s+)?\bimport\(\s*(?:\/\*[^*]*\*\/\s*)*['"]([^'"]+)['"]\s*\)(\s*[.<])?/gm,
  )
  for (const m of found) {
    if (m[2] != null) yield { spec: m[2], typeOnly: Boolean(m[1]), dynamic: false }
    else if (m[3] != null) yield { spec: m[3], typeOnly: false, dynamic: false }
    else yield { spec: m[5], typeOnly: Boolean(m[4] || m[6]), dynamic: !(m[4] || m[6]) }
  }
}

const problems = []
let checked = 0
for (const file of files) {
  const from = folderOf(file)
  const name = path.relative(src, file).split(path.sep).join('/')
  // Comment lines are prose: an example import there is none.
  const code = readFileSync(file, 'utf8').replace(/^\s*(\/\/|\/\*|\*).*$/gm, '')
  for (const { spec, typeOnly, dynamic } of specifiers(code)) {
    checked++
    const say = (why) => problems.push(`${file}: imports ${spec}: ${why}`)
    if (!spec.startsWith('.')) {
      if (from == 'pure' && !PURE_PACKAGES.includes(spec)) say('pure code uses no package but ' + PURE_PACKAGES.join(', '))
      continue
    }
    const target = path.resolve(path.dirname(file), spec)
    const rel = path.relative(path.resolve(src), target).split(path.sep).join('/')
    // The core's loader: the module build imports each chunk's entry (and the widget's) literally.
    if (name == LOADER && dynamic && (new RegExp(`^(${CHUNKS.join('|')})(/index)?$`).test(rel) || /widget\/src\/index$/.test(spec))) continue
    if (dynamic) {
      say("only the core's loader (" + LOADER + ') imports a chunk dynamically')
      continue
    }
    if (rel.startsWith('..')) {
      if (!(from == 'pure' && /config\.schema\.json$/.test(spec))) say('outside the SDK source')
      continue
    }
    const to = rel.split('/')[0]
    if (to == from) continue
    if (from == 'pure' && to != 'contracts') say('pure code imports only pure/ and contracts/')
    else if (from == 'contracts' && !typeOnly) say('contracts are types: `import type`')
    else if (from == 'contracts' && CHUNKS.includes(to)) say("a contract names no chunk's internals")
    else if (from == 'shared' && CHUNKS.includes(to)) say('shared code belongs to no chunk')
    else if (CHUNKS.includes(from) && CHUNKS.includes(to))
      say(`the ${from} chunk reaches into the ${to} chunk${typeOnly ? ' (even a type import does)' : ''}: declare the shape in contracts/`)
  }
}
for (const p of problems) console.error(p)
console.log(`layers: ${files.length} files, ${checked} imports, ${problems.length} broken import rules`)
process.exit(problems.length ? 1 : 0)
