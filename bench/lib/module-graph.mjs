// Which files of an ES-module bundle a page loads at once and which only on demand: the static
// import closure of the entry is eager; whatever is reachable only through import() is lazy.
// Reads the relative specifiers of esbuild's (or any bundler's) output, nothing else.
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

const STATIC = /(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g
const DYNAMIC = /import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g

function specifiers(file, pattern) {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(pattern)].map((m) => resolve(dirname(file), m[1]))
}

function closure(roots, follow) {
  const seen = new Set()
  const queue = [...roots]
  while (queue.length) {
    const file = queue.shift()
    if (seen.has(file)) continue
    seen.add(file)
    queue.push(...follow(file))
  }
  return seen
}

export function moduleGraph(entry) {
  const eager = closure([resolve(entry)], (f) => specifiers(f, STATIC))
  const lazyRoots = [...eager].flatMap((f) => specifiers(f, DYNAMIC))
  const everything = closure(lazyRoots, (f) => [...specifiers(f, STATIC), ...specifiers(f, DYNAMIC)])
  const lazy = [...everything].filter((f) => !eager.has(f))
  return { eager: [...eager], lazy }
}
