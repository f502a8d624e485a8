// Pacing on every engine, across reloads and across windows of one profile (which share IndexedDB,
// Web Locks and BroadcastChannel, as a site's tabs do). Each "tab" is a window of its own, visible:
// Firefox and WebKit hide a background tab, where Hetki rightly never prompts, so a race between
// tabs of one window would have one contender and test nothing. Every window says it is visible.
import { describe, expect, it } from 'vitest'
import type { Win } from './engine.mjs'
import { click, focus, prompts, waitFor } from './dom'
import { hetki, problems, ready, verdicts, useEngine } from './setup'

const env = useEngine()

const question = (text: string) => [{ id: 'q1', type: 'rating', scale: 5, text }]
/** A survey per event name, with its own pacing. */
const surveys = (...list: [id: string, event: string, pacing?: object][]) =>
  list.map(([id, event, pacing]) => ({ id, trigger: { event }, questions: question('How was ' + id + '?'), ...(pacing && { pacing }) }))

/** A page in debug mode, so the recorder (pages.ts) keeps each pacing verdict. */
const site = (config: object) => env.pages.page('pacing', { config: { debug: true, ...config } })

/** Tracks `event` in `win` and resolves to the pacing verdict on `surveyId` that follows. */
async function track(win: Win, event: string, surveyId: string): Promise<[string, boolean, string]> {
  const before = (await verdicts(win)).length
  await hetki(win, 'track', event)
  await expect.poll(async () => (await verdicts(win)).slice(before).some((v) => v[0] == surveyId)).toBe(true)
  return (await verdicts(win)).slice(before).find((v) => v[0] == surveyId)!
}

/** Closes the prompt without an answer, as the customer would with Escape. */
async function dismiss(win: Win) {
  await focus(win, { role: 'button' })
  await win.press('Escape')
  await expect.poll(() => prompts(win)).toBe(0)
}

const visible = (win: Win) => win.evaluate(() => document.visibilityState)

describe('pacing across windows', () => {
  it('never shows a survey answered in one window in another, nor while it is open there', async () => {
    const profile = await env.profile()
    const path = site({ surveys: surveys(['csat', 'order.completed', { frequency: 'untilAnswered' }]) })
    const [a, b] = [await env.window(profile, path), await env.window(profile, path)]
    expect([await visible(a), await visible(b)]).toEqual(['visible', 'visible'])

    expect(await track(a, 'order.completed', 'csat')).toEqual(['csat', true, 'allowed'])
    await waitFor(a, { survey: 'csat', role: 'dialog' })
    expect(await track(b, 'order.completed', 'csat')).toEqual(['csat', false, 'a prompt is open in another tab'])
    expect(await prompts(b)).toBe(0)

    await click(a, { survey: 'csat', role: 'button', name: /^4\b/ })
    await expect.poll(async () => (await env.demo.store.all()).filter((r) => r.survey_id == 'csat').length).toBe(1)
    await expect.poll(() => prompts(a)).toBe(0)
    // B heard of the answer from A: still "until answered", and it was answered.
    expect(await track(b, 'order.completed', 'csat')).toEqual(['csat', false, 'answered'])
    expect(await prompts(b)).toBe(0)
    expect([...(await problems(a)), ...(await problems(b))]).toEqual([])
    await profile.close()
  })

  it('holds a cap reached in one window in the others, and after a reload', async () => {
    const profile = await env.profile()
    const path = site({ pacing: { maxPerSession: 1 }, surveys: surveys(['checkout', 'checkout.done'], ['support', 'chat.closed']) })
    const [a, b] = [await env.window(profile, path), await env.window(profile, path)]
    expect((await track(a, 'checkout.done', 'checkout'))[1]).toBe(true)
    await dismiss(a)
    expect(await track(b, 'chat.closed', 'support')).toEqual(['support', false, 'maxPerSession reached'])
    await b.reload()
    await ready(b)
    expect(await track(b, 'chat.closed', 'support')).toEqual(['support', false, 'maxPerSession reached'])
    expect(await prompts(b)).toBe(0)
    await profile.close()
  })

  it('shows exactly one prompt when four windows fire the same trigger at the same instant, round after round', async () => {
    const ROUNDS = 12
    const WINDOWS = 4
    const profile = await env.profile({ width: 800, height: 600 })
    const path = site({ surveys: surveys(...Array.from({ length: ROUNDS }, (_, r) => ['round' + r, 'go.' + r] as [string, string])) })
    const wins: Win[] = []
    for (let i = 0; i < WINDOWS; i++) wins.push(await env.window(profile, path))
    // Every window is a contender: visible, where Hetki may prompt.
    expect(await Promise.all(wins.map(visible))).toEqual(Array(WINDOWS).fill('visible'))
    // Every window tracks the event the instant a BroadcastChannel message reaches it.
    for (const win of wins)
      await win.evaluate(() => {
        new BroadcastChannel('test-go').onmessage = (e) => (window as any).hetki.track(e.data)
      })
    const starter = await env.window(profile, path)

    const shownBy: number[] = []
    for (let r = 0; r < ROUNDS; r++) {
      await starter.evaluate((event) => new BroadcastChannel('test-go').postMessage(event), 'go.' + r)
      const decided = () => Promise.all(wins.map(async (w) => (await verdicts(w)).filter((v) => v[0] == 'round' + r)))
      await expect.poll(async () => (await decided()).every((v) => v.length == 1)).toBe(true)
      const passed = (await decided()).map((v) => v[0]![1])
      expect(passed.filter(Boolean)).toHaveLength(1)
      const winner = passed.indexOf(true)
      shownBy.push(winner)
      // What the customer sees: one prompt, in one window.
      await waitFor(wins[winner]!, { survey: 'round' + r, role: 'dialog' })
      expect((await Promise.all(wins.map((w) => prompts(w)))).reduce((a, b) => a + b)).toBe(1)
      await dismiss(wins[winner]!)
      // The next round starts once the winner has let go of the prompt lock.
      await expect.poll(() => starter.evaluate(async () => (await navigator.locks.query()).held!.length)).toBe(0)
    }
    // The race is real: different windows win different rounds.
    expect(new Set(shownBy).size).toBeGreaterThan(1)
    for (const win of wins) expect(await problems(win)).toEqual([])
    await profile.close()
  })
})

describe('pacing on one device', () => {
  it('keeps the state after a reload, and forgets it on reset()', async () => {
    const profile = await env.profile()
    const win = await env.window(profile, site({ surveys: surveys(['csat', 'order.completed']) }))
    expect((await track(win, 'order.completed', 'csat'))[1]).toBe(true)
    await dismiss(win)
    await win.reload()
    await ready(win)
    expect((await track(win, 'order.completed', 'csat'))[2]).toMatch(/^shown once already, on \d{4}-\d\d-\d\d \d\d:\d\d UTC$/)
    await hetki(win, 'reset')
    expect(await track(win, 'order.completed', 'csat')).toEqual(['csat', true, 'allowed'])
    await waitFor(win, { survey: 'csat', role: 'dialog' })
    await profile.close()
  })
})
