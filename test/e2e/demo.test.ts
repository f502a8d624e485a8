// The demo as a visitor and a touchpoint owner see it: a journey across four pages whose surveys
// each measure their touchpoint, and a results page whose numbers, formulas and root-cause view
// follow from the answers given.
import { describe, expect, it } from 'vitest'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { watchErrors } from '../helpers/browser'
import { visitDemo } from '../helpers/demo'
import { useChromiumAndDemo } from '../helpers/setup'
// @ts-expect-error the demo is plain JavaScript, run by node and the browser without a build
import { sampleRecords } from '../../demo/sample-data.mjs'

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

/** Resolves when the collector holds a completed response to `surveyId`. */
async function storedAnswer(surveyId: string) {
  await expect.poll(async () => (await env.demo.store.all()).some((r) => r.survey_id == surveyId && r.completed), { timeout: 10_000 }).toBe(true)
  return (await env.demo.store.all()).find((r) => r.survey_id == surveyId)!
}

async function results(context: BrowserContext) {
  const page = await context.newPage()
  const errors = watchErrors(page)
  await page.goto(env.demo.url + '/results.html')
  await expect.poll(() => page.locator('#summary').textContent()).not.toBe('Loading…')
  return { page, errors }
}

/** The headline of one metric on the results page, e.g. "CSAT 0 %", and its formula line. */
async function metric(page: Page, touchpoint: string, name: string) {
  const block = page.getByRole('region', { name: touchpoint }).locator('.metric').filter({ has: page.locator('.name', { hasText: name }) })
  return { score: (await block.locator('.score').textContent())!.trim(), formula: (await block.locator('.formula').textContent())! }
}

describe('the demo journey', () => {
  it('a declined card before the order: the low CSAT arrives with its trail, and the results page points at the payment', async () => {
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

    const response = await storedAnswer('csat-order')
    expect(response.answers).toEqual({ q1: 1, why: 'My card was declined' })
    expect(response.touchpoint).toEqual({ id: 'checkout', owner: 'Web shop team' })
    const events = (response.trail as { event: string; touchpoint?: string }[]).map((s) => `${s.event}@${s.touchpoint}`)
    expect(events).toEqual(['page.viewed@checkout', 'payment.failed@payment', 'order.completed@checkout'])

    // Another customer, whose card went through, is satisfied.
    const happy = await env.browser.newContext()
    const other = await happy.newPage()
    await visit(other, '/')
    await other.getByRole('button', { name: 'Place order' }).click()
    await (await prompt(other, 'csat-order', 'How satisfied are you with your order?')).getByRole('button', { name: /^5\b/ }).click()
    await expect.poll(async () => (await env.demo.store.all()).filter((r) => r.completed).length, { timeout: 10_000 }).toBe(2)
    await happy.close()

    const { page: owner, errors: resultErrors } = await results(context)
    expect(await metric(owner, 'Web shop checkout', 'CSAT')).toEqual({
      score: 'CSAT 50 %',
      formula: 'CSAT = share of 4–5 answers on the 1–5 scale; 1 of 2 answered 4 or 5.',
    })
    expect(await owner.getByRole('region', { name: 'Web shop checkout' }).getByText('Owner: Web shop team', { exact: false }).count()).toBe(1)
    // The root-cause view: the failed payment comes first, as it preceded the low score and not the
    // other; the order itself preceded both.
    const rows = owner.locator('table.events tbody tr')
    expect(await rows.first().locator('td').allTextContents()).toEqual([
      'payment.failed',
      'Card payment (Payments team)',
      '1 of 1 (100 %)',
      '0 of 1 (0 %)',
      '+100 pp',
    ])
    expect(await rows.filter({ hasText: 'order.completed' }).locator('td').allTextContents()).toEqual([
      'order.completed',
      'Web shop checkout (Web shop team)',
      '1 of 1 (100 %)',
      '1 of 1 (100 %)',
      '0 pp',
    ])
    const lowest = owner.locator('ol.lows > li')
    expect(await lowest.count()).toBe(1)
    expect(await lowest.locator('.badge').textContent()).toBe('CSAT 1')
    expect(await lowest.locator('blockquote').textContent()).toBe('My card was declined')
    expect(await lowest.locator('ol.trail code').allTextContents()).toEqual(['page.viewed', 'payment.failed', 'order.completed'])
    expect([...errors, ...resultErrors]).toEqual([])
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
    expect((await storedAnswer('goal-help')).answers).toEqual({ goal: false, feeling: { id: 'frustrated', weight: -100 } })

    await visit(page, '/move.html')
    await page.getByRole('button', { name: 'Confirm the move' }).click()
    const move = await prompt(page, 'ces-move', 'Moving my contract was easy.')
    await move.getByRole('button', { name: /^2\b/ }).click()
    await move.getByRole('textbox', { name: 'What made it hard?' }).fill('The article did not say how')
    await move.getByRole('button', { name: 'Send' }).click()
    await thanked(move)
    expect((await storedAnswer('ces-move')).touchpoint).toEqual({ id: 'moving', owner: 'Customer service' })

    await visit(page, '/invoices.html')
    await page.getByRole('button', { name: 'Open the November invoice' }).click()
    const nps = await prompt(page, 'nps-invoice', 'How likely are you to recommend Voltti Energy to a friend or colleague?')
    await nps.getByRole('button', { name: /^9\b/ }).click()
    await thanked(nps)
    const invoice = await storedAnswer('nps-invoice')
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

    const { page: owner, errors: resultErrors } = await results(context)
    expect((await metric(owner, 'Help centre', 'Goal reached')).score).toBe('Goal reached 0 %')
    expect(await metric(owner, 'Help centre', 'Emotional value')).toEqual({
      score: 'Emotional value −100',
      formula: 'Emotional value = mean of the chosen feelings’ weights, −100…100; mean of 1 answer.',
    })
    expect((await metric(owner, 'Moving home', 'CES')).score).toBe('CES 2.0 / 7')
    expect(await metric(owner, 'Invoices', 'NPS')).toEqual({
      score: 'NPS +100',
      formula: 'NPS = % promoters (9–10) − % detractors (0–6), −100…100; 1 promoter and 0 detractors among 1 answer.',
    })
    // No order was placed: the checkout card says so instead of showing a number.
    expect((await metric(owner, 'Web shop checkout', 'CSAT')).score).toBe('CSAT –')
    expect([...errors, ...resultErrors]).toEqual([])
    await context.close()
  })

  it('with no answers the results page says how to get some; with the sample data it shows every metric', async () => {
    await env.demo.store.clear()
    const context = await env.browser.newContext()
    const empty = await results(context)
    expect(await empty.page.locator('#summary').textContent()).toContain('No answers yet')
    expect(await empty.page.getByText('No low scores yet.').count()).toBe(1)

    await env.demo.store.save(sampleRecords())
    const { page, errors } = await results(context)
    expect(await page.locator('#summary').textContent()).toBe(`${(await env.demo.store.all()).length} responses to 4 surveys.`)
    for (const [touchpoint, name] of [
      ['Web shop checkout', 'CSAT'],
      ['Help centre', 'Goal reached'],
      ['Help centre', 'Emotional value'],
      ['Moving home', 'CES'],
      ['Invoices', 'NPS'],
    ] as const) {
      const { score, formula } = await metric(page, touchpoint, name)
      expect(score).toMatch(new RegExp(`^${name} [+−]?\\d`))
      expect(formula).toMatch(new RegExp(`^${name} = `))
    }
    // The sample's story: a declined card precedes low scores far more often than other answers.
    expect(await page.locator('table.events tbody tr').first().locator('td').first().textContent()).toBe('payment.failed')
    // The lowest answer of each of the four touchpoints, with the journey before it.
    expect(await page.locator('ol.lows .badge').allTextContents()).toEqual(['goal not reached', 'CSAT 1', 'NPS 2', 'CES 3'])
    expect([...empty.errors, ...errors]).toEqual([])
    await context.close()
  })
})
