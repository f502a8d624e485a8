import { describe, expect, it } from 'vitest'
import { isRtl, pick, safeUrl } from './copy'
import { loadStrings, stringsFor } from './strings'
import { expand } from './templates'

describe('survey copy by language', () => {
  const copy = { en: 'How was it?', fi: 'Miten meni?', 'sv-FI': 'Hur gick det (FI)?', sv: 'Hur gick det?' }

  it('takes the exact tag, then the language, then English, then anything', () => {
    expect(pick(copy, 'sv-FI')).toBe('Hur gick det (FI)?')
    expect(pick(copy, 'sv-SE')).toBe('Hur gick det?')
    expect(pick(copy, 'fi-FI')).toBe('Miten meni?')
    expect(pick(copy, 'de')).toBe('How was it?')
    expect(pick({ de: 'Wie war es?' }, 'fi')).toBe('Wie war es?')
    expect(pick('Plain', 'fi')).toBe('Plain')
    expect(pick(undefined, 'fi')).toBe('')
  })

  it('knows the right-to-left languages', () => {
    expect(isRtl('ar')).toBe(true)
    expect(isRtl('he-IL')).toBe(true)
    expect(isRtl('fi')).toBe(false)
    expect(isRtl('arn')).toBe(false)
  })

  it('lets only http(s) links through', () => {
    expect(safeUrl('https://example.com/x')).toBe('https://example.com/x')
    expect(safeUrl('javascript:alert(1)')).toBeUndefined()
    expect(safeUrl('data:text/html,<script>1</script>')).toBeUndefined()
    expect(safeUrl(' JAVASCRIPT:alert(1)')).toBeUndefined()
    expect(safeUrl('/relative')).toMatch(/^https?:\/\/.*\/relative$/)
  })

  it('UI strings are English until the language is loaded, and for unknown languages', async () => {
    expect(stringsFor('fi').close).toBe('Close survey')
    await Promise.all([loadStrings('fi-FI'), loadStrings('sv')])
    expect(stringsFor('fi-FI').close).toBe('Sulje kysely')
    expect(stringsFor('sv').close).toBe('Stäng enkäten')
    expect(stringsFor('de').close).toBe('Close survey')
  })
})

describe('templates', () => {
  it('give type, scale and copy in the customer language; config fields win, type stays', async () => {
    await Promise.all([loadStrings('fi'), loadStrings('sv')])
    expect(expand({ id: 'n', template: 'nps' }, stringsFor('fi'))).toMatchObject({
      type: 'rating',
      from: 0,
      scale: 10,
      text: 'Kuinka todennäköisesti suosittelisit meitä ystävällesi tai kollegallesi?',
      highLabel: 'Erittäin todennäköisesti',
    })
    expect(expand({ id: 'e', template: 'effort', text: 'Was it easy?' }, stringsFor('en'))).toMatchObject({
      type: 'rating',
      scale: 7,
      text: 'Was it easy?',
      lowLabel: 'Strongly disagree',
    })
    expect(expand({ id: 'g', template: 'goal', type: 'text' } as never, stringsFor('sv'))).toMatchObject({
      type: 'yesno',
      text: 'Fick du gjort det du kom för?',
    })
  })

  it('every template has its copy in every built-in language', async () => {
    await Promise.all([loadStrings('fi'), loadStrings('sv')])
    for (const lang of ['en', 'fi', 'sv'])
      for (const t of ['goal', 'effort', 'feeling', 'csat', 'nps'] as const) expect(expand({ id: 'x', template: t }, stringsFor(lang)).text).toBeTruthy()
  })
})
