// A lazy chunk that fails to load: without it Hetki silently asks no one, so the page's console
// hears of it once, even without debug mode; nothing is thrown, and a later attempt tries again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

let error: ReturnType<typeof vi.spyOn>
beforeEach(() => {
  vi.resetModules()
  error = vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => error.mockRestore())

describe('importOnce', () => {
  it('says a failed import once, naming the file and the fix, and imports again on the next call', async () => {
    const { importOnce } = await import('./load')
    const from = vi.fn().mockRejectedValue(new TypeError('Failed to fetch dynamically imported module: https://shop.example/assets/x.js'))
    await expect(importOnce('https://shop.example/hetki/hetki-engine.js', from)).rejects.toThrow(TypeError)
    await expect(importOnce('https://shop.example/hetki/hetki-engine.js', from)).rejects.toThrow(TypeError)
    await expect(importOnce('https://shop.example/hetki/hetki-widget.js', from)).rejects.toThrow(TypeError)
    expect(from).toHaveBeenCalledTimes(3)
    expect(error).toHaveBeenCalledTimes(1)
    const said = error.mock.calls[0]![0] as string
    expect(said).toMatch(/^\[hetki\] could not load https:\/\/shop\.example\/hetki\/hetki-engine\.js \(TypeError: Failed to fetch/)
    expect(said).toContain('deploy all of dist/ together, or set widgetUrl')

    from.mockResolvedValue({ mount: () => () => {} })
    const widget = await importOnce('https://shop.example/hetki/hetki-widget.js', from)
    expect(widget).toHaveProperty('mount')
    // Loaded once, then kept.
    await importOnce('https://shop.example/hetki/hetki-widget.js', from)
    expect(from).toHaveBeenCalledTimes(4)
  })
})

describe('the module entry', () => {
  it('imports the chunks through its literal imports, or from the widgetUrl folder (against the page) when the config names one', async () => {
    const urls: string[] = []
    vi.doMock('./load', () => ({
      importOnce: (url: string, from?: () => Promise<unknown>) => (urls.push(url), from ? from() : new Promise(() => {})),
    }))
    // init() puts the bundled loader in (not a top-level statement: Turbopack dropped that one).
    const { init } = await import('./index')
    init({ surveys: [] })
    const { loader } = await import('./chunks')
    const engine = await loader()('hetki-engine.js')
    expect(engine.judge).toBeTypeOf('function')
    expect(urls).toEqual(['hetki-engine.js'])
    void loader('/static/hetki/hetki-widget.js')('hetki-delivery.js')
    expect(urls[1]).toBe(new URL('/static/hetki/hetki-delivery.js', document.baseURI).href)
    vi.doUnmock('./load')
  })
})
