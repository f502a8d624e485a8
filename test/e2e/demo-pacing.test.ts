// Pacing on the demo journey, as a visitor would notice it: a survey already answered, or already
// shown and closed, does not come back when its moment happens again (a second order, a page
// revisited, the same page in Finnish), and the scorecards (GET /api/scorecards, what the results
// app shows) count each prompt and answer once.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { watchErrors } from '../helpers/browser'
import { visitDemo } from '../helpers/demo'
import { loggedStep, said } from '../helpers/said'
import { useChromiumAndDemo } from '../helpers/setup'
import type { Scorecards } from '../../packages/collector/src/scorecards/contract'

const env = useChromiumAndDemo()

const visit = (page: Page, path: string) => visitDemo(page, env.demo.url + path)

/**
 * Clicks the button that triggers `surveyId` and resolves to the pacing verdict logged for it,
 * worded (test/helpers/said.ts), e.g. "[hetki] survey csat-order {step: pacing, pass: false, why: shown once already, on …}".
 */
async function trigger(page: Page, button: string | RegExp, surveyId: string) {
  const verdict = page.waitForEvent('console', async (m) => !!(await loggedStep(m, surveyId, 'pacing')))
  await page.getByRole('button', { name: button }).click()
  return said(await verdict)
}

const prompts = (page: Page) => page.locator('[data-hetki-survey]').count()

async function answered(surveyId: string, count = 1) {
  await expect.poll(async () => (await env.demo.store.all()).filter((r) => r.survey_id == surveyId && r.completed).length, { timeout: 10_000 }).toBe(count)
}

describe('pacing on the demo journey', () => {
  it('an answered CSAT and a closed help survey are not asked again: not on a second order, a revisit, nor in Finnish', async () => {
    await env.demo.store.clear()
    const context = await env.browser.newContext()
    const page = await context.newPage()
    const errors = watchErrors(page)

    // First order: asked, answers 4.
    await visit(page, '/')
    expect(await trigger(page, 'Place order', 'csat-order')).toMatch(/pass: true/)
    const csat = page.locator('[data-hetki-survey="csat-order"]')
    await csat.getByRole('dialog', { name: 'How satisfied are you with your order?' }).waitFor()
    await csat.getByRole('button', { name: /^4\b/ }).click()
    await answered('csat-order')

    // A second order on the same page, then after coming back to the page: pacing refuses, no prompt.
    await csat.getByRole('button', { name: 'Close survey' }).click()
    await expect.poll(() => prompts(page)).toBe(0)
    expect(await trigger(page, 'Place order', 'csat-order')).toMatch(/pass: false, why: shown once already/)
    expect(await prompts(page)).toBe(0)
    await visit(page, '/')
    expect(await trigger(page, 'Place order', 'csat-order')).toMatch(/pass: false, why: shown once already/)
    expect(await prompts(page)).toBe(0)
    // The same customer in Finnish is the same person on the same device.
    await visit(page, '/fi/')
    expect(await trigger(page, 'Tee tilaus', 'csat-order')).toMatch(/pass: false, why: shown once already/)
    expect(await prompts(page)).toBe(0)

    // The help survey is shown and closed without an answer (the default pacing: once, answered or not).
    await visit(page, '/help.html')
    expect(await trigger(page, 'I read this article', 'goal-help')).toMatch(/pass: true/)
    const help = page.locator('[data-hetki-survey="goal-help"]')
    await help.getByRole('dialog', { name: 'Did you get done what you came for?' }).waitFor()
    await help.getByRole('button', { name: 'Close survey' }).click()
    await expect.poll(() => prompts(page)).toBe(0)
    await visit(page, '/help.html')
    expect(await trigger(page, 'I read this article', 'goal-help')).toMatch(/pass: false, why: shown once already/)
    expect(await prompts(page)).toBe(0)

    // Reset my state: the visitor may try the journey again, and is asked again.
    await page.getByRole('button', { name: 'Reset my state' }).click()
    await page.getByText('Your survey state was reset on this device.').waitFor()
    await visit(page, '/')
    expect(await trigger(page, 'Place order', 'csat-order')).toMatch(/pass: true/)
    await csat.getByRole('dialog', { name: 'How satisfied are you with your order?' }).waitFor()
    await csat.getByRole('button', { name: /^1\b/ }).click()
    await csat.getByRole('button', { name: 'Send' }).click()
    await answered('csat-order', 2)

    expect(errors).toEqual([])
    await context.close()

    // The scorecards count each prompt shown and each answer once: two checkout prompts (the first
    // order, and the one after the reset), answered 4 and 1; the help prompt shown once, closed.
    // The demo's admin token: the test collector starts without one, and reading needs it.
    const admin = (JSON.parse(readFileSync(new URL('../../demo/collector.json', import.meta.url), 'utf8')) as { adminToken: string }).adminToken
    env.demo.collector.ctx.server.adminToken = admin
    const res = await fetch(env.demo.url + '/api/scorecards', { headers: { authorization: `Bearer ${admin}` } })
    expect(res.status).toBe(200)
    const cards = ((await res.json()) as Scorecards).touchpoints
    const checkout = cards.find((t) => t.id === 'checkout')!
    expect(checkout).toMatchObject({ shown: 2, answered: 2, dismissed: 0 })
    // One of two answers is 4–5: CSAT 50 %.
    expect(checkout.metrics.find((m) => m.name === 'csat')).toMatchObject({ n: 2, value: 50 })
    expect(cards.find((t) => t.id === 'help-centre')).toMatchObject({ shown: 1, answered: 0, dismissed: 1 })
  })
})
