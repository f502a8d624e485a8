// Fleet diagnostics through the real pipeline in happy-dom: the facade, the core's book and outbox,
// the real engine and sender (a scripted widget stands in for the Preact one, which is a lazily
// imported file covered in Chromium). A page with the opt-in counts its decisions and sends them
// when it hides, counts only; a page without it sends none.
import { IDBFactory } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Config } from '../pure/config/types'

/** Answers the only question and closes, as a customer would. */
const widget = {
  mount: (_host: HTMLElement, o: { onAnswer(q: string, v: unknown, last: boolean): void; onClose(reason: string): void }) => {
    queueMicrotask(() => (o.onAnswer('q', 4, true), o.onClose('completed')))
    return () => {}
  },
}

let bodies: { records: Record<string, unknown>[] }[]
let hidden = false
beforeEach(() => {
  // Every test a device of its own: fresh IndexedDB, fresh modules (the facade is a singleton).
  vi.stubGlobal('indexedDB', new IDBFactory())
  vi.resetModules()
  vi.doMock('../core/load', () => ({
    importOnce: async (url: string) => (url.endsWith('hetki-engine.js') ? import('./index') : url.endsWith('hetki-delivery.js') ? import('../sender') : widget),
  }))
  bodies = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => (bodies.push(JSON.parse(init.body as string)), new Response('{}', { status: 200 }))),
  )
  hidden = false
  vi.spyOn(document, 'hidden', 'get').mockImplementation(() => hidden)
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.doUnmock('../core/load')
  vi.restoreAllMocks()
  document.body.replaceChildren()
})

const questions = [{ id: 'q', type: 'rating' as const, text: 'Q' }]
const config = (more: Partial<Config> = {}): Config => ({
  endpoint: '/collect',
  pacing: { cooldownDays: 14 },
  surveys: [
    { id: 'csat', trigger: { event: 'buy' }, questions },
    { id: 'nps', trigger: { event: 'invoice' }, questions },
    { id: 'help', trigger: { event: 'read' }, audience: { urls: ['/help*'] }, questions },
  ],
  ...more,
})
const records = () => bodies.flatMap((b) => b.records)
const diagnostics = () => records().filter((r) => r.kind === 'diagnostics')
const hide = () => ((hidden = true), document.dispatchEvent(new Event('visibilitychange')))
const show = () => ((hidden = false), document.dispatchEvent(new Event('visibilitychange')))

async function start(c: Config) {
  const hetki = await import('../core/hetki')
  const shown: string[] = []
  hetki.on('survey:shown', (e) => shown.push(e.surveyId))
  hetki.init(c)
  return { hetki, shown }
}

describe('fleet diagnostics', () => {
  it('counts each decision’s outcome and sends them when the page hides: counts only, one record', async () => {
    const { hetki, shown } = await start(config({ diagnostics: { sample: 1 } }))
    hetki.track('buy')
    await vi.waitFor(() => expect(records().some((r) => r.kind === 'response')).toBe(true))
    hetki.track('invoice') // held back by the 14-day cooldown
    hetki.track('read') // not on a help page
    hetki.track('buy') // shown once already
    await new Promise((r) => setTimeout(r, 50))
    expect(shown).toEqual(['csat'])
    expect(diagnostics()).toEqual([])
    hide()
    await vi.waitFor(() => expect(diagnostics()).toHaveLength(1))
    const day = new Date(Math.floor(Date.now() / 864e5) * 864e5).toISOString()
    expect(diagnostics()[0]).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{21}$/),
      kind: 'diagnostics',
      at: day,
      sample: 1,
      surveys: {
        csat: { outcomes: { shown: 1, once: 1 }, first: true },
        nps: { outcomes: { cooldown: 1 }, first: true },
        help: { outcomes: { urls: 1 }, first: true },
      },
    })
    // Later that day, the same tab: counted again, no longer the day's first report.
    show()
    hetki.track('invoice')
    // The decision lands a moment later (the engine judges asynchronously): hide until it is sent.
    await vi.waitFor(() => (show(), hide(), expect(diagnostics()).toHaveLength(2)))
    expect(diagnostics()[1]!.surveys).toEqual({ nps: { outcomes: { cooldown: 1 } } })
  })

  it('sends a record per 50 decisions on a busy page, without waiting for it to hide', async () => {
    const { hetki } = await start(config({ diagnostics: { sample: 1 } }))
    for (let i = 0; i < 50; i++) hetki.track('read')
    await vi.waitFor(() => expect(diagnostics()).toHaveLength(1))
    expect(diagnostics()[0]!.surveys).toEqual({ help: { outcomes: { urls: 50 }, first: true } })
  })

  it('counts nothing without the opt-in, or on a device outside the sample, so a hide sends none', async () => {
    const counted: number[] = []
    for (const c of [config({ diagnostics: { sample: 1 } }), config(), config({ diagnostics: { sample: 1e-9 } })]) {
      vi.resetModules()
      vi.stubGlobal('indexedDB', new IDBFactory())
      // The page before still listens to the document (its sender may beacon its own records again).
      const before = new Set(diagnostics().map((r) => r.id))
      const fresh = () => diagnostics().filter((r) => !before.has(r.id))
      const { hetki } = await start(c)
      const tally = await import('./tally')
      // Judged in the order tracked: once the answer is sent, the three decisions before it were made.
      for (let i = 0; i < 3; i++) hetki.track('read')
      hetki.track('buy')
      await vi.waitFor(() => expect(records().filter((r) => r.kind === 'response')).toHaveLength(counted.length + 1))
      counted.push(tally.pending())
      hide()
      // What was counted goes out at once; with nothing counted there is nothing a hide could send.
      if (counted.at(-1)) await vi.waitFor(() => expect(fresh()).toHaveLength(1))
      else expect(tally.pending()).toBe(0), expect(fresh()).toEqual([])
      show()
    }
    // The opt-in counted 3 refusals by the audience's pages and 1 showing; the others counted nothing to send.
    expect(counted).toEqual([4, 0, 0])
  })
})
