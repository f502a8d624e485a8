// The demo as a visitor goes through it: a journey across four pages whose surveys each measure
// their touchpoint, stored with the touchpoint, its owner and the trail across pages. What owners
// see of it is the results app's (test/e2e/results-app.test.ts); the seed's story is
// test/demo-seed.test.ts.
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { watchErrors } from '../helpers/browser'
import { storedAnswer, visitDemo } from '../helpers/demo'
import { useChromiumAndDemo } from '../helpers/setup'

const env = useChromiumAndDemo()

const THANKS = 'Thank you for your answer!'

const visit = (page: Page, path: string) => visitDemo(page, env.demo.url + path)

/** Waits for the survey's dialog, named by its first question, and returns the prompt. */
async function prompt(page: Page, surveyId: string, question: string): Promise<Locator> {
  const survey = page.locator(`[data-hetki-survey="${surveyId}"]`)
  await survey.getByRole('dialog', { name: question }).waitFor()
  return survey
}

async function thanked(survey: Locator) {
  await expect.poll(() => survey.getByRole('status').filter({ hasText: THANKS }).count()).toBe(1)
}

describe('the demo journey', () => {
  it('a declined card before the order: the low CSAT arrives with its trail, the failed payment in it', async () => {
    await env.demo.store.clear()
    const context = await env.browser.newContext()
    const page = await context.newPage()
    const errors = watchErrors(page)
    await visit(page, '/')
    await page.getByRole('button', { name: /Pay with card/ }).click()
    await page.getByRole('button', { name: 'Place order' }).click()
    const csat = await prompt(page, 'csat-order', 'How satisfied are you with your order?')
    await csat.getByRole('button', { name: /^1\b/ }).click()
    // A score of 2 or less asks what went wrong.
    await csat.getByRole('textbox', { name: 'What went wrong?' }).fill('My card was declined')
    await csat.getByRole('button', { name: 'Send' }).click()
    await thanked(csat)

    const response = await storedAnswer(env.demo, 'csat-order')
    expect(response.answers).toEqual({ q1: 1, why: 'My card was declined' })
    expect(response.touchpoint).toEqual({ id: 'checkout', owner: 'Web shop team' })
    const events = (response.trail as { event: string; touchpoint?: string }[]).map((s) => `${s.event}@${s.touchpoint}`)
    expect(events).toEqual(['page.viewed@checkout', 'payment.failed@payment', 'order.completed@checkout'])
    expect(errors).toEqual([])
    await context.close()
  })

  it('help centre, moving home and invoices: each survey measures its own touchpoint, and the trail follows the customer across pages', async () => {
    await env.demo.store.clear()
    const context = await env.browser.newContext()
    const page = await context.newPage()
    const errors = watchErrors(page)

    await visit(page, '/help.html')
    await page.getByRole('button', { name: 'I am moving home' }).click()
    await page.getByRole('button', { name: 'I read this article' }).click()
    const help = await prompt(page, 'goal-help', 'Did you get done what you came for?')
    await help.getByRole('button', { name: 'No' }).click()
    await help.getByRole('button', { name: 'Frustrated' }).click()
    await thanked(help)
    expect((await storedAnswer(env.demo, 'goal-help')).answers).toEqual({ goal: false, feeling: { id: 'frustrated', weight: -100 } })

    await visit(page, '/move.html')
    await page.getByRole('button', { name: 'Confirm the move' }).click()
    const move = await prompt(page, 'ces-move', 'Moving my contract was easy.')
    await move.getByRole('button', { name: /^2\b/ }).click()
    await move.getByRole('textbox', { name: 'What made it hard?' }).fill('The article did not say how')
    await move.getByRole('button', { name: 'Send' }).click()
    await thanked(move)
    expect((await storedAnswer(env.demo, 'ces-move')).touchpoint).toEqual({ id: 'moving', owner: 'Customer service' })

    await visit(page, '/invoices.html')
    await page.getByRole('button', { name: 'Open the November invoice' }).click()
    const nps = await prompt(page, 'nps-invoice', 'How likely are you to recommend Voltti Energy to a friend or colleague?')
    await nps.getByRole('button', { name: /^9\b/ }).click()
    await thanked(nps)
    const invoice = await storedAnswer(env.demo, 'nps-invoice')
    expect(invoice.touchpoint).toEqual({ id: 'invoices', owner: 'Billing team' })
    // The trail kept the steps on the earlier pages, each labelled with its touchpoint.
    const steps = (invoice.trail as { event: string; touchpoint?: string; props?: object }[]).map((s) => `${s.event}@${s.touchpoint}`)
    expect(steps).toEqual([
      'page.viewed@help-centre',
      'help.searched@help-centre',
      'help.article_read@help-centre',
      'page.viewed@moving',
      'move.completed@moving',
      'page.viewed@invoices',
      'invoice.viewed@invoices',
    ])

    expect(errors).toEqual([])
    await context.close()
  })
})
