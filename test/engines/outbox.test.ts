// The delivery promise on every engine: every answer given reaches the collector exactly once,
// across a collector that fails in every way it can (500, hanging, cut connections — what going
// offline looks like to fetch —, 429), reloads and a window closed mid-request.
import { describe, expect, it } from 'vitest'
import { flakyCollector, type Mode } from '../helpers/flaky'
import { outboxSize } from '../helpers/in-page'
import { expectDeliveredOnce, twoQuestions, type Given } from '../helpers/survey'
import type { Win } from './engine.mjs'
import { click, clickIfThere, prompts, textOf, waitFor } from './dom'
import { problems, ready, useEngine } from './setup'

const flaky = flakyCollector()
const env = useEngine(flaky.handle)

/**
 * Shows the two-question survey through the API and answers it with the mouse (ratings derived
 * from `n`); `partial` answers the first question only and closes the prompt.
 */
async function answer(win: Win, n: number, partial = false): Promise<Given> {
  await win.evaluate(() => {
    const hetki = (window as any).hetki
    const seen = (e: { responseId: string }) => (hetki.off('survey:shown', seen), ((window as any).shown = e.responseId))
    ;(window as any).shown = undefined
    hetki.on('survey:shown', seen)
    hetki.show('journey')
  })
  await expect.poll(() => win.evaluate(() => (window as any).shown)).toBeTruthy()
  const id: string = await win.evaluate(() => (window as any).shown)
  const goal = (n % 5) + 1
  const effort = ((n * 3) % 5) + 1
  const survey = 'journey'
  await waitFor(win, { survey, role: 'dialog', name: 'Did you get what you came for?' })
  await click(win, { survey, role: 'button', name: new RegExp('^' + goal + '\\b') })
  if (partial) {
    await click(win, { survey, role: 'button', name: 'Close survey' })
  } else {
    await waitFor(win, { survey, role: 'dialog', name: 'How easy was it?' })
    await click(win, { survey, role: 'button', name: new RegExp('^' + effort + '\\b') })
    await expect.poll(() => textOf(win, { survey, role: 'status' })).toMatch(/Thank you/)
    // A completed prompt also closes itself after the thank-you; either way it goes.
    await clickIfThere(win, { survey, role: 'button', name: 'Close survey' })
  }
  await expect.poll(() => prompts(win)).toBe(0)
  return partial ? { id, answers: { goal }, completed: false } : { id, answers: { goal, effort }, completed: true }
}

/** How many records the window's outbox still holds (not counting the eviction counter). */
const leftInOutbox = (win: Win) => win.evaluate(outboxSize)

describe('the outbox under a flaky collector', () => {
  it('delivers every answer exactly once through 500s, hangs, cut connections, 429, reloads and a closed window', async () => {
    await env.demo.store.clear()
    // A short timeout, so a hanging collector costs seconds rather than minutes.
    const path = env.pages.page('outbox', { config: { delivery: { timeout: 1 }, surveys: [twoQuestions] } })
    const profile = await env.profile()
    const given: Given[] = []
    const mode = (m: Mode) => void (flaky.state.mode = m)
    let n = 0

    const one = await env.window(profile, path)
    mode('500')
    given.push(await answer(one, n++), await answer(one, n++))
    mode('hang')
    given.push(await answer(one, n++, true), await answer(one, n++))
    await one.reload()
    await ready(one)
    mode('drop')
    given.push(await answer(one, n++))

    const two = await env.window(profile, path)
    mode('429')
    given.push(await answer(two, n++))
    mode('drop')
    given.push(await answer(one, n++), await answer(two, n++), await answer(one, n++))

    // A hanging collector; the first window is closed while its request hangs.
    mode('hang')
    given.push(await answer(one, n++))
    await one.close()

    mode('500')
    given.push(await answer(two, n++))
    await two.reload()
    await ready(two)
    expect(await env.demo.store.all()).toHaveLength(0)

    // The collector recovers: the next answer nudges the remaining window, which sends everything.
    mode('ok')
    given.push(await answer(two, n++))
    await expect.poll(async () => (await env.demo.store.all()).length, { timeout: 30_000 }).toBe(given.length)
    await expect.poll(() => leftInOutbox(two)).toBe(0)

    await expectDeliveredOnce(env.demo, given)
    expect(await problems(two)).toEqual([])
    await profile.close()
  })
})
