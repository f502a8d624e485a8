// Every locale file against English: the same keys (no missing, no extra), the same list lengths,
// the same placeholders, no empty string; and every file is one the widget can import.
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadStrings, localeOf, stringsFor, type Strings } from '../strings'

const EN = stringsFor('en')
const files = readdirSync(import.meta.dirname).filter((f) => /^[a-z]{2}\.ts$/.test(f))
const codes = files.map((f) => f.slice(0, 2))

/** Every leaf of a strings object by its path ("templates.nps.1"). */
function leaves(value: unknown, at = ''): [string, unknown][] {
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, at ? at + '.' + k : k))
  return [[at, value]]
}

const placeholders = (text: unknown) => String(text).match(/%\d/g)?.sort() || []

describe('locale files', () => {
  it('cover at least the languages the product promises', () => {
    expect(codes).toEqual(expect.arrayContaining(['de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'da', 'nb', 'et', 'ar', 'he', 'fi', 'sv']))
  })

  it.each(codes)('%s has every key of English, no other, with the same placeholders', async (code) => {
    const strings: Strings = (await import(`./${code}.ts`)).default
    const english = new Map(leaves(EN))
    const theirs = new Map(leaves(strings))
    expect([...theirs.keys()].sort()).toEqual([...english.keys()].sort())
    for (const [key, text] of theirs) {
      expect(typeof text, key).toBe('string')
      expect((text as string).trim(), key).not.toBe('')
      expect(placeholders(text), key).toEqual(placeholders(english.get(key)))
    }
    // Not English left in by mistake (the digits-only and same-word cases aside).
    expect(strings.close).not.toBe(EN.close)
    expect(strings.templates.nps[0]).not.toBe(EN.templates.nps[0])
  })

  it.each(codes)('%s is loaded by the widget for its language tag, regional variants included', async (code) => {
    expect(localeOf(code + '-XX')).toBe(code)
    await loadStrings(code.toUpperCase() + '-XX')
    expect(stringsFor(code).close).toBe((await import(`./${code}.ts`)).default.close)
  })

  it('maps old and sibling codes, and leaves English and unknown languages built in', () => {
    expect(localeOf('no')).toBe('nb')
    expect(localeOf('nn-NO')).toBe('nb')
    expect(localeOf('iw')).toBe('he')
    expect(localeOf('en-GB')).toBe('en')
    expect(localeOf('xx')).toBe('en')
    expect(loadStrings('en')).toBeUndefined()
    expect(loadStrings('tlh')).toBeUndefined()
  })
})
