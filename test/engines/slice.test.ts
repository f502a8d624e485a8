// The thin slice on every engine: the demo's script tag → touchpoint event → rule → survey shown →
// answered with the mouse → record stored by the real collector; once per person, across reloads.
import { readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { describe, expect, it } from 'vitest'
import { CSP } from '../fixtures/pages.mjs'
import { click, clickPage, count, focus, prompts, textOf, waitFor } from './dom'
import { problems, saying, useEngine } from './setup'

/** The demo's order page, with the recorder (pages.ts) first in <head>, under the demo's CSP. */
const ORDER = readFileSync(new URL('../../demo/site/index.html', import.meta.url), 'utf8').replace(
  '<head>',
  '<head><script src="/engines/recorder.js"></script>',
)
const orderPage = (req: IncomingMessage, res: ServerResponse) => {
  if (req.method != 'GET' || new URL(req.url!, 'http://x').pathname != '/') return false
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': CSP })
  res.end(ORDER)
  return true
}

const env = useEngine(orderPage)

const loaded = (win: Parameters<typeof problems>[0]) => win.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname))

async function stored(n: number) {
  await expect.poll(async () => (await env.demo.store.all()).length).toBe(n)
  return env.demo.store.all()
}

const csat = { survey: 'csat-order' } as const

describe('the demo journey', () => {
  it('shows the survey on the trigger event and stores the answer in the collector', async () => {
    await env.demo.store.clear()
    const profile = await env.profile()
    const win = await profile.open(env.url('/'))
    await expect.poll(async () => (await loaded(win)).includes('/hetki.json')).toBe(true)
    // Only the core and its config load until an event some survey listens to happens.
    expect(await loaded(win)).toContain('/hetki/hetki.js')
    expect(await loaded(win)).not.toContain('/hetki/hetki-widget.js')
    expect(await prompts(win)).toBe(0)

    await clickPage(win, '#order')
    await waitFor(win, { ...csat, role: 'dialog', name: 'How satisfied are you with your order?' })
    const chunks = (await loaded(win)).filter((p) => p.startsWith('/hetki/hetki-'))
    expect(chunks.filter((p) => p == '/hetki/hetki-widget.js')).toHaveLength(1)
    expect(chunks.filter((p) => p == '/hetki/hetki-engine.js')).toHaveLength(1)
    for (let n = 1; n <= 5; n++) expect(await count(win, { ...csat, role: 'button', name: new RegExp('^' + n + '\\b') })).toBe(1)

    await click(win, { ...csat, role: 'button', name: /^4\b/ })
    await expect.poll(() => textOf(win, { ...csat, role: 'status' })).toBe('Thank you for your answer!')
    const [response] = await stored(1)
    expect(response).toMatchObject({ survey_id: 'csat-order', answers: { q1: 4 }, completed: true, path: '/', lang: 'en' })
    expect(response!.id).toMatch(/^[\w-]{21}$/)
    // The prompt closes itself after the thank-you.
    await expect.poll(() => prompts(win)).toBe(0)
    expect(await problems(win)).toEqual([])
    await profile.close()
  })

  it('does not show the same survey to the same person twice, even after a reload', async () => {
    await env.demo.store.clear()
    const profile = await env.profile()
    const win = await profile.open(env.url('/'))
    await clickPage(win, '#order')
    await click(win, { ...csat, role: 'button', name: /^5\b/ })
    await stored(1)

    // Debug mode says why nothing shows, so the test waits for the verdict instead of a timer.
    await win.goto(env.url('/?hetki_debug=1'))
    await clickPage(win, '#order')
    await saying(win, 'shown once already')
    expect(await prompts(win)).toBe(0)
    expect(await env.demo.store.all()).toHaveLength(1)
    await profile.close()
  })

  it('closes on Escape without an answer, and remembers that the survey was shown', async () => {
    await env.demo.store.clear()
    const profile = await env.profile()
    const win = await profile.open(env.url('/'))
    await win.evaluate(() => (window as any).hetki.on('survey:dismissed', (e: any) => ((window as any).dismissed = e.surveyId)))
    await clickPage(win, '#order')
    await waitFor(win, { ...csat, role: 'button', name: /^1\b/ })
    await focus(win, { ...csat, role: 'button', name: /^1\b/ })
    await win.press('Escape')
    await expect.poll(() => win.evaluate(() => (window as any).dismissed)).toBe('csat-order')
    expect(await prompts(win)).toBe(0)
    expect(await env.demo.store.all()).toHaveLength(0)
    // The shown and dismissed moments reach the collector (sent in the background).
    await expect.poll(async () => (await env.demo.store.moments()).map((m) => m.kind)).toEqual(['shown', 'dismissed'])
    await profile.close()
  })
})
