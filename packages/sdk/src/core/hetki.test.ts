// The public facade in happy-dom: it never throws into the page, and a broken config disables
// Hetki with exactly one console error. Each test loads a fresh copy of the module (it is a singleton).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const load = async () => {
  vi.resetModules()
  return import('./hetki')
}

let error: ReturnType<typeof vi.spyOn>
beforeEach(() => {
  error = vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => error.mockRestore())

describe('the public API', () => {
  it('refuses a broken config with one clear console error and stays quiet afterwards', async () => {
    const hetki = await load()
    hetki.init({ surveys: [{ id: 'a', questions: [{ id: 'q', type: 'rating', text: '' }] }] } as never)
    hetki.track('x')
    hetki.show('a')
    hetki.init({ surveys: [] })
    expect(error).toHaveBeenCalledTimes(1)
    expect(error.mock.calls[0]![0]).toBe('[hetki] invalid config, Hetki is disabled: surveys[0].questions[0].text must be a non-empty string')
  })

  it('never throws, whatever it is given, once running', async () => {
    const hetki = await load()
    hetki.init({ surveys: [{ id: 'a', trigger: { event: 'x' }, questions: [{ id: 'q', type: 'rating', text: 'Q' }] }] })
    const calls = [
      () => hetki.init(undefined as never),
      () => hetki.init('nonsense' as never),
      () => hetki.track('x', { nested: { deep: [1, 2, 3] } }),
      () => hetki.track(undefined as never),
      () => hetki.track({} as never, 5 as never),
      () => hetki.identify(null as never, 'x' as never),
      () => hetki.show(Symbol('x') as never),
      () => hetki.on('survey:shown', null as never),
      () => hetki.off('nope' as never, null as never),
      () => hetki.consent('maybe' as never),
      () => hetki.reset(),
    ]
    for (const call of calls) expect(call).not.toThrow()
  })

  it('imports every lazy chunk from the folder of the widget, so an npm install with widgetUrl finds them all', async () => {
    const urls: string[] = []
    vi.doMock('./load', () => ({
      importOnce: async (url: string) => (urls.push(url), new Promise(() => {})),
    }))
    const hetki = await load()
    hetki.init({
      widgetUrl: 'https://cdn.example/hetki/1.0/hetki-widget.js',
      sources: { pageViews: true },
      surveys: [{ id: 'a', trigger: { event: 'x' }, questions: [{ id: 'q', type: 'rating', text: 'Q' }] }],
    })
    hetki.track('x')
    await vi.waitFor(() => expect(urls).toContain('https://cdn.example/hetki/1.0/hetki-engine.js'))
    expect(urls).toContain('https://cdn.example/hetki/1.0/hetki-sources.js')
    vi.doUnmock('./load')
  })

  it('runs the pipeline: event → survey shown → answer queued → POSTed → sent', async () => {
    // The widget is a lazily imported file in the real page (covered in Chromium); here a scripted
    // widget answers 4 as soon as it is mounted.
    const widget = {
      mount: (_host: HTMLElement, o: { onAnswer(q: string, v: unknown, last: boolean): void }) => {
        queueMicrotask(() => o.onAnswer('q1', 4, true))
        return () => {}
      },
    }
    // Lazy chunks: the real engine and sender, and the scripted widget.
    vi.doMock('./load', () => ({
      importOnce: async (url: string) =>
        url.endsWith('hetki-engine.js') ? import('../engine') : url.endsWith('hetki-delivery.js') ? import('../sender') : widget,
    }))
    const hetki = await load()
    const bodies: any[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        bodies.push(JSON.parse(init.body as string))
        return new Response('{}', { status: 200 })
      }),
    )
    const seen: string[] = []
    for (const e of ['survey:shown', 'survey:answered', 'survey:completed', 'response:queued', 'response:sent'] as const) hetki.on(e, () => seen.push(e))
    hetki.track('order.completed') // before init: waits, then replays
    hetki.init({
      endpoint: '/collect',
      surveys: [{ id: 'csat', trigger: { event: 'order.completed' }, questions: [{ id: 'q1', type: 'rating', text: 'How was it?' }] }],
    })
    await vi.waitFor(() => expect(seen).toContain('response:sent'))
    expect(seen).toEqual(['survey:shown', 'survey:answered', 'survey:completed', 'response:queued', 'response:sent'])
    const records = bodies.flatMap((b) => b.records)
    expect(records.filter((r: any) => r.kind === 'response')).toMatchObject([{ surveyId: 'csat', answers: { q1: 4 }, completed: true }])
    expect(document.querySelector('[data-hetki-survey="csat"]')).not.toBeNull()
    vi.unstubAllGlobals()
    vi.doUnmock('./load')
  })

  it('debug mode: ?hetki_debug=1 imports the overlay and is remembered for the tab, =0 turns it off, and a throwing sessionStorage is harmless', async () => {
    const urls: string[] = []
    vi.doMock('./load', () => ({
      importOnce: async (url: string) => (urls.push(url), new Promise(() => {})),
    }))
    const config = { surveys: [{ id: 'a', trigger: { event: 'x' }, questions: [{ id: 'q', type: 'rating' as const, text: 'Q' }] }] }
    const overlays = () => urls.filter((u) => u.endsWith('/hetki-debug.js')).length
    const quiet = vi.spyOn(console, 'debug').mockImplementation(() => {})
    const start = async (search: string) => {
      history.replaceState(null, '', '/page' + search)
      const hetki = await load()
      hetki.init(config)
      return hetki
    }
    await start('?hetki_debug=1')
    await vi.waitFor(() => expect(overlays()).toBe(1))
    expect(sessionStorage.getItem('hetki_debug')).toBe('1')
    await start('') // the next page of the journey
    await vi.waitFor(() => expect(overlays()).toBe(2))
    await start('?hetki_debug=0')
    await start('')
    await new Promise((r) => setTimeout(r, 200))
    expect(overlays()).toBe(2)
    expect(sessionStorage.getItem('hetki_debug')).toBe('0')

    const hetki = await start('')
    hetki.debug(true)
    await vi.waitFor(() => expect(overlays()).toBe(3))
    expect(sessionStorage.getItem('hetki_debug')).toBe('1')

    const getItem = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new Error('SecurityError')
    })
    await expect(start('?hetki_debug=1')).resolves.toBeDefined()
    await vi.waitFor(() => expect(overlays()).toBe(4)) // the URL still counts
    getItem.mockRestore()
    await start('?hetki_debug=true') // what a PM may well type
    await vi.waitFor(() => expect(overlays()).toBe(5))
    quiet.mockRestore()
    sessionStorage.clear()
    history.replaceState(null, '', '/')
    vi.doUnmock('./load')
  })

  it('a debug(false) before ready or while the panel loads keeps it closed; a URL preview waits for a consent given meanwhile', async () => {
    const urls: string[] = []
    const opened = vi.fn()
    vi.doMock('./load', () => ({
      importOnce: async (url: string) => (urls.push(url), url.endsWith('/hetki-debug.js') ? { open: opened, broken: () => {} } : new Promise(() => {})),
    }))
    const config = { surveys: [{ id: 'a', trigger: { event: 'x' }, questions: [{ id: 'q', type: 'rating' as const, text: 'Q' }] }] }
    const quiet = vi.spyOn(console, 'debug').mockImplementation(() => {})
    const settled = () => new Promise((r) => setTimeout(r, 100))

    history.replaceState(null, '', '/page?hetki_debug=1')
    let hetki = await load()
    hetki.init(config)
    hetki.debug(false) // before ready: wins over the URL flag
    await settled()
    expect(opened).not.toHaveBeenCalled()

    history.replaceState(null, '', '/page')
    hetki = await load()
    hetki.init(config)
    await settled()
    hetki.debug(true)
    hetki.debug(false) // while the panel's chunk loads
    await settled()
    expect(urls.filter((u) => u.endsWith('/hetki-debug.js'))).toHaveLength(1)
    expect(opened).not.toHaveBeenCalled()

    history.replaceState(null, '', '/page?hetki_preview=a')
    hetki = await load()
    hetki.init({ ...config, requireConsent: true })
    hetki.consent(true) // queued until ready, and the preview must come after it
    await vi.waitFor(() => expect(urls.some((u) => u.endsWith('/hetki-engine.js'))).toBe(true))

    quiet.mockRestore()
    sessionStorage.clear()
    history.replaceState(null, '', '/')
    vi.doUnmock('./load')
  })
})
