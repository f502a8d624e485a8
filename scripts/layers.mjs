// The SDK's import rules (docs/architecture.md), checked in `npm test` before anything is built.
// packages/sdk/src has a folder per chunk (what ships, and when) and three kinds of shared code:
//   core/ engine/ sender/ sources/ panel/   the chunks: each is built into a file of its own
//   pure/                                   config language, journey, rules, pacing decisions, validator:
//                                           no DOM, no I/O (the globals are refused by Biome, biome.json)
//   contracts/                              the shapes that cross a chunk boundary, types only
//   shared/                                 small helpers every chunk bundles a copy of (log, guard, store)
// A chunk imports its own folder, pure/, contracts/ and shared/; never another chunk's files.
// pure/ imports only pure/ and contracts/ (and the packages in PURE_PACKAGES).
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'

const src = 'packages/sdk/src'
const CHUNKS = ['core', 'engine', 'sender', 'sources', 'panel']
/** Packages pure code may use: nanoid draws the device's sampling id (crypto, no I/O). */
const PURE_PACKAGES = ['nanoid']

/**
 * Type imports that still reach into another chunk, to be declared in contracts/ (issue #19); the
 * check fails on any other, and on one of these once it is gone (so the list only shrinks).
 */
const OPEN = new Set([
  'contracts/outbox.ts -> sender/policy',
  'core/chunks.ts -> engine/index',
  'core/chunks.ts -> sources/index',
  'core/chunks.ts -> panel/index',
  'core/runtime.ts -> engine/present',
  'engine/claim.ts -> core/book',
  'engine/present.ts -> core/chunks',
  'engine/present.ts -> core/events',
  'engine/present.ts -> core/journey',
  'engine/present.ts -> core/delivery',
  'engine/present.ts -> core/book',
  'panel/index.ts -> core/events',
  'panel/index.ts -> engine/present',
  'panel/model.ts -> engine/present',
])

const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]))
const files = walk(src).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
const folderOf = (f) => path.relative(src, f).split(path.sep)[0]

const problems = []
const seen = []
for (const file of files) {
  const from = folderOf(file)
  const text = readFileSync(file, 'utf8')
  // Static imports and re-exports (type or value), and dynamic import() of a literal.
  const found = text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]|import\(\s*(?:\/\*[^*]*\*\/\s*)*['"]([^'"]+)['"]\s*\)/gm)
  for (const m of found) {
    const spec = m[3] ?? m[4]
    const typeOnly = Boolean(m[2])
    const dynamic = m[4] != null
    const key = `${path.relative(src, file)} -> ${path.relative(src, path.resolve(path.dirname(file), spec)).replace(/^(\w+)$/, '$1/index')}`
    const say = (why) => (OPEN.delete(key) && typeOnly ? seen.push(key) : problems.push(`${file}: imports ${spec}: ${why}`))
    if (!spec.startsWith('.')) {
      if (from == 'pure' && !PURE_PACKAGES.includes(spec)) say('pure code uses no package but ' + PURE_PACKAGES.join(', '))
      continue
    }
    const target = path.resolve(path.dirname(file), spec)
    const rel = path.relative(path.resolve(src), target)
    // The core's loader: the module build imports each chunk's entry (and the widget's) literally.
    if (from == 'core' && dynamic && (/^\w+(\/index)?$/.test(rel) || /widget\/src\/index$/.test(spec))) continue
    if (rel.startsWith('..')) {
      if (!(from == 'pure' && /config\.schema\.json$/.test(spec))) say('outside the SDK source')
      continue
    }
    const to = rel.split(path.sep)[0]
    if (to == from) continue
    if (from == 'pure' && to != 'contracts') say('pure code imports only pure/ and contracts/')
    else if (from == 'contracts' && !typeOnly) say('contracts are types: `import type`')
    else if (from == 'contracts' && CHUNKS.includes(to)) say("a contract names no chunk's internals")
    else if (from == 'shared' && CHUNKS.includes(to)) say('shared code belongs to no chunk')
    else if (CHUNKS.includes(from) && CHUNKS.includes(to)) say(`the ${from} chunk reaches into the ${to} chunk; declare the shape in contracts/`)
  }
}
for (const gone of OPEN) problems.push(`scripts/layers.mjs: "${gone}" is no longer imported: take it off the OPEN list`)
for (const p of problems) console.error(p)
console.log(`layers: ${files.length} files, ${problems.length} broken import rules, ${seen.length} open ones (OPEN)`)
process.exit(problems.length ? 1 : 0)
