// The claim where Web Locks are missing (happy-dom has none): the storage transaction alone must
// keep two tabs from showing. The Web Locks path runs in Chromium (test/e2e/pacing.test.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Survey } from '../pure/config/types'
import { openStore } from '../shared/store'
import { createBook, type Book } from '../core/book'
import type { Step } from '../pure/rules/trace'
import { worded } from '../pure/rules/words'
import { claim } from './claim'

const survey = (id: string, pacing?: Survey['pacing']): Survey => ({ id, questions: [], ...(pacing && { pacing }) })
const ready = () => Promise.resolve('widget')

let n = 0
const RealChannel = BroadcastChannel
beforeEach(() => {
  n++
  vi.stubGlobal(
    'BroadcastChannel',
    class extends RealChannel {
      constructor(name: string) {
        super(name + '#' + n)
      }
    },
  )
})
afterEach(() => vi.unstubAllGlobals())

/** `count` tabs of one site, each loaded. */
async function tabs(count: number): Promise<Book[]> {
  const name = 'claim-test-' + n
  const books = Array.from({ length: count }, () => createBook(openStore(name), {}, () => true))
  await Promise.all(books.map((b) => b.write()))
  return books
}

describe('claiming a prompt without Web Locks', () => {
  it('has no Web Locks here, so this is the fallback', () => {
    expect(navigator.locks).toBeFalsy()
  })

  it('lets exactly one of eight tabs show a survey they all want at once, every time', async () => {
    for (let round = 0; round < 20; round++) {
      n++
      const books = await tabs(8)
      const claims = await Promise.all(books.map((b) => claim(survey('csat'), b, {}, false, ready)))
      expect(claims.filter(Boolean)).toHaveLength(1)
    }
  })

  it('refuses another survey while one may still be open in another tab', async () => {
    const [a, b] = await tabs(2)
    const won = await claim(survey('csat'), a!, {}, false, ready)
    expect(won?.[0]).toBe('widget')
    expect(await claim(survey('nps'), b!, {}, false, ready)).toBeUndefined()
    expect(b!.state().surveys.nps).toBeUndefined()
  })

  it('marks the survey shown in the same transaction, for every tab', async () => {
    const [a, b] = await tabs(2)
    const now = Date.now()
    await claim(survey('csat'), a!, {}, false, ready)
    const stored = await openStore('claim-test-' + n).get<{ surveys: Record<string, { shown: number }> }>('pacing:v1')
    expect(stored!.surveys.csat!.shown).toBeGreaterThanOrEqual(now)
    await expect.poll(() => b!.state().surveys.csat?.shown).toBe(stored!.surveys.csat!.shown)
  })

  it('does not mark a survey shown when it cannot get ready (the widget failed to load)', async () => {
    const [a] = await tabs(1)
    expect(await claim(survey('csat'), a!, {}, false, () => Promise.reject(new Error('offline')))).toBeUndefined()
    expect(a!.state().surveys.csat).toBeUndefined()
    expect(await claim(survey('csat'), a!, {}, false, ready)).toBeDefined()
  })

  it('lets show() through whatever pacing says, and still remembers the showing', async () => {
    const [a] = await tabs(1)
    await claim(survey('csat'), a!, {}, false, ready)
    expect(await claim(survey('csat'), a!, {}, false, ready)).toBeUndefined()
    await new Promise((r) => setTimeout(r, 2)) // a showing is known by its millisecond
    expect(await claim(survey('csat'), a!, {}, true, ready)).toBeDefined()
    expect(a!.state().shows).toHaveLength(2)
  })

  it('lets a preview through whatever pacing says, and remembers nothing: not even in storage', async () => {
    const [a] = await tabs(1)
    await claim(survey('csat'), a!, {}, false, ready)
    const before = JSON.stringify(a!.state())
    const told: unknown[] = []
    const claimed = await claim(survey('csat'), a!, { cooldownDays: 9 }, true, ready, true, (v) => told.push(v))
    expect(claimed).toBeDefined()
    expect(told).toEqual([{ step: 'pacing', pass: true, why: { code: 'preview' } }])
    expect(told.map((s) => worded(s as Step))).toEqual([{ step: 'pacing', pass: true, why: 'not counted: a preview' }])
    claimed![1]()
    expect(JSON.stringify(a!.state())).toBe(before)
    // What storage holds, as the next page reads it: the one real showing.
    const next = createBook(openStore('claim-test-' + n), {}, () => true)
    await next.write()
    expect(next.state().shows).toHaveLength(1)
  })
})
