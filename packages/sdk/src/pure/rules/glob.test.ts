import { describe, expect, it } from 'vitest'
import { glob } from './glob'

// The split() version the hot path replaced, as the oracle.
const before = (pattern: string, path: string): boolean => {
  const parts = pattern.split('*')
  const last = parts.pop()!
  let at = 0
  for (let i = 0; i < parts.length; i++) {
    const j = path.indexOf(parts[i]!, at)
    if (j < 0 || (!i && j)) return false
    at = j + parts[i]!.length
  }
  return parts.length ? path.length - last.length >= at && path.endsWith(last) : path === last
}

describe('page patterns', () => {
  it('match as PMs write them', () => {
    expect(glob('/shop/*', '/shop/cart')).toBe(true)
    expect(glob('/shop/*', '/shopping')).toBe(false)
    expect(glob('*/help', '/fi/help')).toBe(true)
    expect(glob('/fi/*/help/*', '/fi/x/help/billing')).toBe(true)
    expect(glob('/fi/*/help/*', '/en/x/help/billing')).toBe(false)
    expect(glob('/a*a', '/a')).toBe(false) // the last segment never overlaps the first
    expect(glob('/cart', '/cart')).toBe(true)
    expect(glob('/cart', '/cart/')).toBe(false)
  })

  it('give the verdicts of the split() version on every small pattern and path', () => {
    // Every pattern and path of up to 4 characters over a, b, / and * (patterns) or a, b, / (paths).
    const all = (chars: string, n: number): string[] => (n ? all(chars, n - 1).flatMap((s) => [s, ...[...chars].map((c) => s + c)]) : [''])
    const patterns = [...new Set(all('ab/*', 4))]
    const paths = [...new Set(all('ab/', 4))]
    let differ = 0
    for (const p of patterns) for (const q of paths) if (glob(p, q) !== before(p, q)) differ++
    expect(patterns.length * paths.length).toBeGreaterThan(10_000)
    expect(differ).toBe(0)
  })
})
