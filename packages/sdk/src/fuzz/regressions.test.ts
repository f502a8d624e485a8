// Bugs the fuzzers found (docs/fuzzing.md), each pinned by the smallest input that showed it.
import { describe, expect, it, vi } from 'vitest'
import { checkConfig } from '../config/check'
import { glob } from '../rules/glob'

describe('page-path patterns', () => {
  it('match as documented', () => {
    expect(glob('/fi/*', '/fi/apua')).toBe(true)
    expect(glob('/fi/*', '/en/help')).toBe(false)
    expect(glob('/help', '/help/more')).toBe(false)
    expect(glob('/a.b', '/aXb')).toBe(false)
    expect(glob('*', '')).toBe(true)
    expect(glob('/a*b*c', '/aXbYc')).toBe(true)
    expect(glob('/a*b*c', '/aXbYcZ')).toBe(false)
    expect(glob('*a*a*b', '/aab')).toBe(true)
    expect(glob('a*a', 'a')).toBe(false)
    expect(glob('(a+)+$', '(a+)+$')).toBe(true)
    expect(glob('[', '[')).toBe(true)
  })

  it('answer at once for patterns that made the backtracking regex freeze the page', () => {
    // Found by the config fuzzer: with one `.*` per star, this pattern on a long path of a's
    // backtracked for longer than any test could wait, the page's main thread blocked meanwhile.
    const path = '/' + 'a'.repeat(60)
    expect(glob('*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b', path)).toBe(false)
    expect(glob('/*/*/*/*/*/*/*/*/*/*/*/*/*/*/*/*/*/*/*/*x', '/'.repeat(60))).toBe(false)
    expect(glob('*'.repeat(2000) + 'x', 'a'.repeat(2000))).toBe(false)
  })
})

describe('the structural check', () => {
  it('refuses, rather than throws on, JSON whose objects stand where text belongs and cannot become text', () => {
    // {"toString": 1} is valid JSON; turning it into text throws ("Cannot convert object to primitive value").
    const q = { id: 'q', template: { toString: 1 } }
    expect(checkConfig({ surveys: [{ id: 's', questions: [q] }] })).toBe('the config must be plain JSON')
    expect(checkConfig({ surveys: [{ id: 's', delay: { toString: 1 }, questions: [{ id: 'q', type: 'rating', text: 'Q' }] }] })).toBe('the config must be plain JSON')
  })

  it('so that init() still says "invalid config, Hetki is disabled" once, as documented', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    vi.resetModules()
    const hetki = await import('../api/hetki')
    hetki.init(JSON.parse('{"surveys":[{"id":"s","questions":[{"id":"q","template":{"toString":1}}]}]}'))
    expect(error.mock.calls).toEqual([['[hetki] invalid config, Hetki is disabled: the config must be plain JSON']])
    error.mockRestore()
  })
})
