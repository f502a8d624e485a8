// The fallbacks for APIs an engine may lack, each tested by taking the API away before Hetki loads
// (pages.ts's WITHOUT, a script of the page's origin) and checking what a customer notices: one
// prompt across windows still, answers still delivered, styles still applied. Run on every engine.
import { describe, expect, it } from 'vitest'
import type { Profile, Win } from './engine.mjs'
import { click, focus, prompts, rests, textOf, waitFor } from './dom'
import type { Api } from './pages'
import { hetki, problems, ready, verdicts, saying, useEngine } from './setup'

const env = useEngine()

const survey = (id: string, event: string, pacing?: object) => ({
  id,
  trigger: { event },
  questions: [{ id: 'q1', type: 'rating', scale: 5, text: 'How was ' + id + '?' }],
  ...(pacing && { pacing }),
})

const verdictOn = async (win: Win, id: string) => {
  await expect.poll(async () => (await verdicts(win)).some((v) => v[0] == id)).toBe(true)
  return (await verdicts(win)).find((v) => v[0] == id)!
}
const stored = (id: string) => expect.poll(async () => (await env.demo.store.all()).find((r) => r.survey_id == id && r.completed)?.answers)

/** Windows of one profile on one page without `apis`, each ready and told they are gone. */
async function windows(profile: Profile, n: number, without: Api[], config: object): Promise<Win[]> {
  const path = env.pages.page('without-' + without.join('-'), { without, config: { debug: true, ...config } })
  const wins: Win[] = []
  for (let i = 0; i < n; i++) wins.push(await env.window(profile, path))
  return wins
}

const gone = (win: Win) => win.evaluate(() => [!!navigator.locks, typeof BroadcastChannel, typeof IDBTransaction.prototype.commit, typeof AbortSignal.timeout])

describe('without Web Locks (plain http: pages, Safari before 15.4)', () => {
  it('four windows firing the same trigger at once still show exactly one prompt, and its answer is delivered', async () => {
    await env.demo.store.clear()
    const profile = await env.profile({ width: 800, height: 600 })
    const wins = await windows(profile, 4, ['locks'], { surveys: [survey('race', 'go')] })
    expect((await gone(wins[0]!))[0]).toBe(false)
    // All at once: each window tracks when a message of the test's own channel reaches it.
    for (const win of wins) await win.evaluate(() => void (new BroadcastChannel('test-go').onmessage = () => (window as any).hetki.track('go')))
    await wins[0]!.evaluate(() => new BroadcastChannel('test-go').postMessage('go'))
    const said = await Promise.all(wins.map((w) => verdictOn(w, 'race')))
    expect(said.filter((v) => v[1])).toHaveLength(1)
    const winner = wins[said.findIndex((v) => v[1])]!
    await waitFor(winner, { survey: 'race', role: 'dialog' })
    expect((await Promise.all(wins.map((w) => prompts(w)))).reduce((a, b) => a + b)).toBe(1)
    await click(winner, { survey: 'race', role: 'button', name: /^3\b/ })
    await stored('race').toEqual({ q1: 3 })
    for (const win of wins) expect(await problems(win)).toEqual([])
    await profile.close()
  })
})

describe('without BroadcastChannel (Safari before 15.4)', () => {
  it('a survey answered in one window is not shown in another, which agrees through IndexedDB', async () => {
    await env.demo.store.clear()
    const profile = await env.profile()
    const [a, b] = await windows(profile, 2, ['broadcastchannel'], { surveys: [survey('csat', 'order.completed', { frequency: 'untilAnswered' })] })
    expect((await gone(a!))[1]).toBe('undefined')
    await hetki(a!, 'track', 'order.completed')
    await click(a!, { survey: 'csat', role: 'button', name: /^4\b/ })
    await stored('csat').toEqual({ q1: 4 })
    await expect.poll(() => prompts(a!)).toBe(0)
    // B never heard of it, but the claim reads the stored state in its transaction.
    await hetki(b!, 'track', 'order.completed')
    expect(await verdictOn(b!, 'csat')).toEqual(['csat', false, 'answered'])
    expect(await prompts(b!)).toBe(0)
    expect([...(await problems(a!)), ...(await problems(b!))]).toEqual([])
    await profile.close()
  })
})

describe('without AbortSignal.timeout (Safari before 16)', () => {
  it('a prompt closed lets the next one show at once', async () => {
    const profile = await env.profile()
    const [win] = await windows(profile, 1, ['abortsignal-timeout'], { surveys: [survey('first', 'one'), survey('second', 'two')] })
    expect((await gone(win!))[3]).toBe('undefined')
    await saying(win!, 'ready with')
    await hetki(win!, 'track', 'one')
    await waitFor(win!, { survey: 'first', role: 'dialog' })
    await focus(win!, { survey: 'first', role: 'button' })
    await win!.press('Escape')
    await expect.poll(() => prompts(win!)).toBe(0)
    await hetki(win!, 'track', 'two')
    await waitFor(win!, { survey: 'second', role: 'dialog' })
    expect(await problems(win!)).toEqual([])
    await profile.close()
  })
})

describe('without IDBTransaction.commit (Safari before 15, Firefox before 93)', () => {
  it('the answer is delivered and the journey carries on to the next page', async () => {
    await env.demo.store.clear()
    const profile = await env.profile()
    const config = {
      journey: { props: ['sku'] },
      surveys: [{ ...survey('cart', 'checkout.done'), trigger: { event: 'checkout.done', after: { event: 'cart.viewed', within: '1h' } } }],
    }
    const [win] = await windows(profile, 1, ['idb-commit'], config)
    expect((await gone(win!))[2]).toBe('undefined')
    await saying(win!, 'ready with')
    await hetki(win!, 'track', 'cart.viewed', { sku: 'tent' })
    await win!.goto(env.url(env.pages.page('next', { without: ['idb-commit'], config: { debug: true, ...config } })))
    await ready(win!)
    await saying(win!, 'ready with')
    await hetki(win!, 'track', 'checkout.done')
    await click(win!, { survey: 'cart', role: 'button', name: /^5\b/ })
    await stored('cart').toEqual({ q1: 5 })
    const record = (await env.demo.store.all()).find((r) => r.survey_id == 'cart')!
    expect(JSON.stringify(record.trail)).toContain('tent')
    await profile.close()
  })
})

describe('without constructable stylesheets (Safari before 16.4)', () => {
  it('the prompt is still styled: a 360 px card with round corners resting 16 px from the corner, a borderless close button', async () => {
    const profile = await env.profile()
    // No CSP: the fallback is a <style> element, which a policy without 'unsafe-inline' styles refuses.
    const path = env.pages.page('without-stylesheets', { csp: null, without: ['constructable-stylesheets'], config: { surveys: [survey('styled', 'go')] } })
    const win = await env.window(profile, path)
    expect(await win.evaluate(() => 'adoptedStyleSheets' in ShadowRoot.prototype)).toBe(false)
    await hetki(win, 'track', 'go')
    await waitFor(win, { survey: 'styled', role: 'dialog' })
    await rests(win, 'styled')
    const look = await win.evaluate(() => {
      const root = document.querySelector('hetki-survey')!.shadowRoot!
      const section = root.querySelector('section')!
      const card = section.getBoundingClientRect()
      const close = getComputedStyle(root.querySelector('button')!)
      return {
        width: Math.round(card.width),
        right: Math.round(innerWidth - card.right),
        bottom: Math.round(innerHeight - card.bottom),
        position: getComputedStyle(root.host).position,
        radius: getComputedStyle(section).borderTopLeftRadius,
        closeBorder: close.borderTopWidth,
        // The fallback itself: one <style> element in the shadow root.
        styleElements: root.querySelectorAll('style').length,
      }
    })
    expect(look).toEqual({ width: 360, right: 16, bottom: 16, position: 'fixed', radius: '12px', closeBorder: '0px', styleElements: 1 })
    await click(win, { survey: 'styled', role: 'button', name: /^2\b/ })
    await expect.poll(() => textOf(win, { survey: 'styled', role: 'status' })).toBe('Thank you for your answer!')
    expect(await problems(win)).toEqual([])
    await profile.close()
  })
})
