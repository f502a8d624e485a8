// Byte budgets of what pages load (sizes are deterministic, so these are hard limits).
// Runs after the build, in the e2e project.
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

const gzip = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length

describe('size budgets (gzip -9)', () => {
  it('the core every page loads stays within 6 KB', () => {
    expect(gzip('dist/hetki.js')).toBeLessThanOrEqual(6144)
    expect(gzip('dist/hetki.mjs')).toBeLessThanOrEqual(6144)
  })
  it('the widget, Preact included, stays within 14 KB', () => {
    expect(gzip('dist/hetki-widget.js')).toBeLessThanOrEqual(14336)
  })
})
