// The demo journey in Finnish: the /fi/ pages carry <html lang="fi">, so the prompt speaks Finnish
// (the survey copy from hetki.json's "fi", the UI strings built in), the answer is stored with its
// language and touchpoint, and it counts in the collector's scorecards (GET /api/scorecards, what the
// results app shows) and open answers.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { watchErrors } from '../helpers/browser'
import { storedAnswer, visitDemo } from '../helpers/demo'
import { useChromiumAndDemo } from '../helpers/setup'
import type { Scorecards } from '../../packages/collector/src/scorecards/contract'

const env = useChromiumAndDemo()

const visit = (page: Page, path: string) => visitDemo(page, env.demo.url + path)

describe('the demo journey in Finnish', () => {
  it('asks in Finnish at each touchpoint, and the answers count in the scorecards', async () => {
    await env.demo.store.clear()
    const context = await env.browser.newContext()
    const page = await context.newPage()
    const errors = watchErrors(page)

    await visit(page, '/fi/')
    await page.getByRole('button', { name: /Maksa kortilla/ }).click()
    await page.getByRole('button', { name: 'Tee tilaus' }).click()
    const csat = page.locator('[data-hetki-survey="csat-order"]')
    await csat.getByRole('dialog', { name: 'Kuinka tyytyväinen olet tilaukseesi?' }).waitFor()
    expect(await csat.getByText('Erittäin tyytymätön').count()).toBe(1)
    await csat.getByRole('button', { name: /^2\b/ }).click()
    await csat.getByRole('textbox', { name: 'Mikä meni vikaan?' }).fill('Kortti hylättiin')
    await csat.getByRole('button', { name: 'Lähetä' }).click()
    await expect.poll(() => csat.getByRole('status').filter({ hasText: 'Kiitos vastauksestasi!' }).count()).toBe(1)
    const order = await storedAnswer(env.demo, 'csat-order')
    expect(order).toMatchObject({
      lang: 'fi',
      path: '/fi/',
      answers: { q1: 2, why: 'Kortti hylättiin' },
      touchpoint: { id: 'checkout', owner: 'Web shop team' },
    })
    expect((order.trail as { event: string; touchpoint?: string }[]).map((s) => `${s.event}@${s.touchpoint}`)).toEqual([
      'page.viewed@checkout',
      'payment.failed@payment',
      'order.completed@checkout',
    ])

    await visit(page, '/fi/help.html')
    await page.getByRole('button', { name: 'Luin tämän ohjeen' }).click()
    const help = page.locator('[data-hetki-survey="goal-help"]')
    await help.getByRole('dialog', { name: 'Saitko tehtyä sen, mitä tulit tekemään?' }).waitFor()
    await help.getByRole('button', { name: 'Kyllä' }).click()
    await help.getByRole('button', { name: 'Tyytyväinen' }).click()
    expect((await storedAnswer(env.demo, 'goal-help')).answers).toEqual({ goal: true, feeling: { id: 'pleased', weight: 50 } })

    await visit(page, '/fi/move.html')
    await page.getByRole('button', { name: 'Vahvista muutto' }).click()
    const move = page.locator('[data-hetki-survey="ces-move"]')
    await move.getByRole('dialog', { name: 'Sopimukseni siirtäminen oli helppoa.' }).waitFor()
    await move.getByRole('button', { name: /^6\b/ }).click()
    expect((await storedAnswer(env.demo, 'ces-move')).touchpoint).toEqual({ id: 'moving', owner: 'Customer service' })

    await visit(page, '/fi/invoices.html')
    await page.getByRole('button', { name: 'Avaa marraskuun lasku' }).click()
    const nps = page.locator('[data-hetki-survey="nps-invoice"]')
    await nps.getByRole('dialog', { name: 'Kuinka todennäköisesti suosittelisit Voltti Energiaa ystävälle tai kollegalle?' }).waitFor()
    await nps.getByRole('button', { name: /^10\b/ }).click()
    expect((await storedAnswer(env.demo, 'nps-invoice')).touchpoint).toEqual({ id: 'invoices', owner: 'Billing team' })

    expect(errors).toEqual([])
    await context.close()

    // The journey's answers, as the results app reads them: the demo's admin token (the test
    // collector starts without one; reading needs it), the default period (the last 28 days).
    const admin = (JSON.parse(readFileSync(new URL('../../demo/collector.json', import.meta.url), 'utf8')) as { adminToken: string }).adminToken
    env.demo.collector.ctx.server.adminToken = admin
    const read = async <T>(path: string): Promise<T> => {
      const res = await fetch(env.demo.url + path, { headers: { authorization: `Bearer ${admin}` } })
      expect(res.status, path).toBe(200)
      return (await res.json()) as T
    }
    const metrics = (answer: Scorecards) =>
      // The test collector also knows a survey without a touchpoint (test/helpers/demo.ts): its card (id null) is left out.
      Object.fromEntries(
        answer.touchpoints.filter((t) => t.id !== null).flatMap((t) => t.metrics.map((m) => [`${t.id} ${m.name}`, { n: m.n, value: m.value }])),
      )
    const expected = {
      // 2 of 5 is not satisfied: CSAT counts 4–5.
      'checkout csat': { n: 1, value: 0 },
      'help-centre goal': { n: 1, value: 100 },
      'help-centre emotion': { n: 1, value: 50 },
      'moving ces': { n: 1, value: 6 },
      'invoices nps': { n: 1, value: 100 },
    }
    expect(metrics(await read<Scorecards>('/api/scorecards'))).toEqual(expected)
    expect(metrics(await read<Scorecards>('/api/scorecards?lang=fi'))).toEqual(expected)
    const checkout = (await read<Scorecards>('/api/scorecards?touchpoint=checkout')).touchpoints[0]!
    expect(checkout).toMatchObject({ id: 'checkout', owner: 'Web shop team', shown: 1, answered: 1, dismissed: 0 })
    const english = metrics(await read<Scorecards>('/api/scorecards?lang=en'))
    expect(english['checkout csat']?.n).toBe(0)
    const texts = await read<{ texts: { text: string; lang: string | null; touchpoint: string | null }[] }>('/api/texts')
    expect(texts.texts).toEqual([expect.objectContaining({ text: 'Kortti hylättiin', lang: 'fi', touchpoint: 'checkout' })])
  })
})
