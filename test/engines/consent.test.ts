// Consent and reset on every engine: what a person who said no, or who logged out, must never see
// or have sent; within a page, and from one window to the others of the profile.
import { describe, expect, it } from 'vitest'
import type { Profile, Win } from './engine.mjs'
import { click, prompts, waitFor } from './dom'
import { hetki, saying, useEngine } from './setup'

const env = useEngine()

const survey = (id: string, event: string) => ({ id, trigger: { event }, questions: [{ id: 'q1', type: 'rating', scale: 5, text: 'How was ' + id + '?' }] })

/** A window on a page in debug mode, once Hetki is ready (an event tracked before would be queued). */
async function open(profile: Profile, path: string): Promise<Win> {
  const win = await env.window(profile, path)
  await saying(win, 'ready with')
  return win
}

const page = (config: object) => env.pages.page('consent', { config: { debug: true, ...config } })
const databases = (win: Win) => win.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))

/** Listens, as a test, on the channel Hetki's windows talk on (its listener was there first, so it hears first). */
const overhear = (win: Win) =>
  win.evaluate(() => {
    const heard: unknown[] = ((window as any).heard = [])
    new BroadcastChannel('hetki-pacing').onmessage = (e) => heard.push(e.data)
  })
const heard = (win: Win, message: string) => expect.poll(() => win.evaluate((m) => (window as any).heard.includes(m), message)).toBe(true)

describe('across windows', () => {
  it('a reset in one window makes the others forget the person: what they did before never travels with a later answer', async () => {
    await env.demo.store.clear()
    const profile = await env.profile()
    const path = page({ journey: { props: ['sku'] }, surveys: [survey('csat', 'order.completed')] })
    const a = await open(profile, path)
    const b = await open(profile, path)
    await overhear(b)
    await hetki(b, 'track', 'cart.viewed', { sku: 'before-logout' })
    await hetki(a, 'reset')
    await heard(b, 'reset')
    await hetki(b, 'track', 'order.completed')
    await click(b, { survey: 'csat', role: 'button', name: /^4\b/ })
    const find = async () => (await env.demo.store.all()).find((r) => r.survey_id == 'csat' && r.completed)
    await expect.poll(find).toBeTruthy()
    expect(JSON.stringify((await find())!.trail)).not.toContain('before-logout')
    await profile.close()
  })

  it('consent withdrawn in one window holds in the others: they show nothing more, and let its databases be deleted', async () => {
    const profile = await env.profile()
    const path = page({ requireConsent: true, surveys: [survey('nps', 'order.completed')] })
    const a = await open(profile, path)
    const b = await open(profile, path)
    await overhear(b)
    // Yes in the second window, which opened the databases; then no in the first.
    await hetki(b, 'consent', true)
    await expect.poll(() => databases(b)).toContain('hetki')
    await hetki(a, 'consent', false)
    await heard(b, 'no')
    await b.evaluate(() => {
      const h = (window as any).hetki
      h.track('order.completed')
      h.show('nps')
    })
    await saying(b, 'show: waiting for consent')
    expect(await prompts(b)).toBe(0)
    // Held open by the second window, they could never be deleted.
    await expect.poll(() => databases(b)).toEqual([])
    await profile.close()
  })
})

describe('consent', () => {
  it('with consent required, saying no (and resetting) before any yes creates no database at all', async () => {
    const profile = await env.profile()
    const win = await open(profile, page({ requireConsent: true, surveys: [survey('csat', 'order.completed')] }))
    await win.evaluate(() => {
      const h = (window as any).hetki
      h.consent(false)
      h.reset()
      h.track('order.completed')
      h.show('csat')
    })
    await saying(win, 'show: waiting for consent')
    expect(await databases(win)).toEqual([])
    expect(await prompts(win)).toBe(0)
    await profile.close()
  })

  it('a no holds even when the config does not require consent', async () => {
    const profile = await env.profile()
    const win = await open(profile, page({ surveys: [survey('csat', 'order.completed')] }))
    await win.evaluate(() => {
      const h = (window as any).hetki
      h.consent(false)
      h.track('order.completed')
      h.show('csat')
    })
    await saying(win, 'show: waiting for consent')
    expect(await prompts(win)).toBe(0)
    await profile.close()
  })

  it('a no given while the engine loads stops the prompt that event would have shown', async () => {
    const profile = await env.profile()
    const win = await open(profile, page({ requireConsent: true, surveys: [survey('csat', 'order.completed')] }))
    await win.evaluate(() => {
      const h = (window as any).hetki
      h.consent(true)
      h.track('order.completed')
      h.consent(false)
    })
    await saying(win, 'not shown: reset or consent withdrawn meanwhile')
    expect(await prompts(win)).toBe(0)
    await profile.close()
  })

  it('a reset while the engine loads stops the prompt decided on the previous person; the next person is asked', async () => {
    const profile = await env.profile()
    const win = await open(profile, page({ surveys: [survey('csat', 'order.completed')] }))
    await win.evaluate(() => {
      const h = (window as any).hetki
      h.track('order.completed')
      h.reset()
    })
    await saying(win, 'not shown: reset or consent withdrawn meanwhile')
    expect(await prompts(win)).toBe(0)
    await hetki(win, 'track', 'order.completed')
    await waitFor(win, { survey: 'csat', role: 'dialog' })
    await profile.close()
  })
})
