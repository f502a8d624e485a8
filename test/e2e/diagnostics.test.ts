// Fleet diagnostics end to end in Chromium: the real core and engine on pages with an inline config,
// the real outbox and sender, the real collector. A page with the opt-in makes decisions (one
// shown, some held back by pacing, one outside the audience); when the customer moves on, the
// counts travel as one record and GET /api/diagnostics shows them. A page without the opt-in, on
// the same device before it, sends none.
import { waitSaid } from '../helpers/said'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { watchErrors } from '../helpers/browser'
import { useChromiumAndDemo } from '../helpers/setup'
import { fixtureServer } from '../fixtures/pages.mjs'
import type { Diagnostics } from '../../packages/collector/src/diagnostics/contract'

const fixtures = fixtureServer()
const env = useChromiumAndDemo(fixtures.handle)
const ADMIN = 'fleet-admin-token'

const questions = [{ id: 'q', type: 'rating', text: 'How was it?' }]
/** A page of the fixture site: the real core, an inline config, the demo's strict CSP (fixtureServer sends it). */
function page(path: string, config: object) {
  const json = JSON.stringify({ endpoint: '/collect', ...config }).replace(/</g, '\\u003c')
  fixtures.set(
    path,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fleet</title><link rel="icon" href="data:,">
<script type="application/json" id="hetki-config">${json}</script>
<script async src="/hetki/hetki.js"></script></head><body><main><h1>Fleet</h1></main></body></html>`,
  )
}

// Without the opt-in: the same pacing, surveys of its own.
const off = {
  pacing: { cooldownDays: 14 },
  surveys: [
    { id: 'off-a', trigger: { event: 'go' }, questions },
    { id: 'off-b', trigger: { event: 'again' }, questions },
  ],
}
// With it: `on-a` shows (it ignores the cooldown the page before started), `on-b` is held back by
// the 14-day cooldown, `on-c` is for help pages only.
const on = {
  diagnostics: { sample: 1 },
  pacing: { cooldownDays: 14 },
  surveys: [
    { id: 'on-a', trigger: { event: 'go' }, pacing: { ignoreCooldown: true }, questions },
    { id: 'on-b', trigger: { event: 'again' }, questions },
    { id: 'on-c', trigger: { event: 'help' }, audience: { urls: ['/help/*'] }, questions },
  ],
}
page('/fleet/off.html', off)
page('/fleet/on.html', on)
page('/fleet/next.html', on)

/** Waits until the debug log says `text` (decisions are logged when made). */
const said = (p: Page, text: string) => waitSaid(p, (t) => t.includes(text))

async function track(p: Page, event: string, verdict: string) {
  const logged = said(p, verdict)
  await p.evaluate((e) => (window as any).hetki.track(e), event)
  await logged
}

async function answer(p: Page, survey: string) {
  const prompt = p.locator(`[data-hetki-survey="${survey}"]`)
  await prompt.getByRole('button', { name: /^4\b/ }).click()
  await expect.poll(async () => (await env.demo.store.all()).some((r) => r.survey_id == survey && r.completed)).toBe(true)
  await expect.poll(() => prompt.count()).toBe(0)
}

async function diagnostics(): Promise<Diagnostics> {
  const res = await fetch(`${env.demo.url}/api/diagnostics`, { headers: { authorization: `Bearer ${ADMIN}` } })
  expect(res.status).toBe(200)
  return (await res.json()) as Diagnostics
}

describe('fleet diagnostics in Chromium', () => {
  it('a page with the opt-in sends the counts of its decisions when left; a page without sends none', async () => {
    env.demo.collector.ctx.server.adminToken = ADMIN
    const context = await env.browser.newContext()
    const p = await context.newPage()
    const errors = watchErrors(p)

    // The page without the opt-in: one shown, one held back. Nothing counted, nothing to send.
    await p.goto(env.demo.url + '/fleet/off.html?hetki_debug=1')
    await p.waitForFunction(() => !!(window as any).hetki?.track)
    await track(p, 'go', 'qualifies')
    await answer(p, 'off-a')
    await track(p, 'again', 'cooldown until')

    // The page with it: on-a shown, on-b held back twice by the cooldown, on-c outside its pages, on-a once already.
    await p.goto(env.demo.url + '/fleet/on.html?hetki_debug=1')
    await p.waitForFunction(() => !!(window as any).hetki?.track)
    await track(p, 'go', 'qualifies')
    await answer(p, 'on-a')
    await track(p, 'again', 'cooldown until')
    await track(p, 'again', 'cooldown until')
    await track(p, 'help', 'not shown: ✓ trigger')
    await track(p, 'go', 'shown once already')
    // Nothing is sent while the customer stays: the counts go when the page hides.
    expect((await diagnostics()).surveys).toEqual([])

    // The customer moves on: the page hides, its counts are stored and sent (by the next page if need be).
    await p.goto(env.demo.url + '/fleet/next.html')
    await expect.poll(async () => (await diagnostics()).surveys.map((s) => s.survey)).toEqual(['on-a', 'on-b', 'on-c'])
    const d = await diagnostics()
    const funnel = (id: string) => Object.fromEntries(d.surveys.find((s) => s.survey == id)!.funnel.map((f) => [f.stage, f.count]))
    expect(funnel('on-a')).toEqual({ triggered: 2, audience: 2, sample: 2, pacing: 1, claim: 1, shown: 1 })
    expect(funnel('on-b')).toEqual({ triggered: 2, audience: 2, sample: 2, pacing: 0, claim: 0, shown: 0 })
    expect(funnel('on-c')).toEqual({ triggered: 1, audience: 0, sample: 0, pacing: 0, claim: 0, shown: 0 })
    expect(d.surveys.find((s) => s.survey == 'on-b')!.biggestLoss).toMatchObject({ reason: 'cooldown', share: 100, stage: 'pacing' })
    expect(d.surveys.find((s) => s.survey == 'on-a')!.funnel[3]!.reasons.map((r) => r.reason)).toEqual(['once'])
    for (const s of d.surveys) expect(s.devices, s.survey).toBe(1)

    // What travelled: counts only. No user, response, page, trail or URL.
    const rows = await env.demo.collector.store.db.selectFrom('diagnostics').selectAll().execute()
    expect(new Set(rows.map((r) => r.record_id)).size).toBe(1)
    expect(rows.every((r) => r.first === 1 && r.previous_day === null && r.sample === 1)).toBe(true)
    // The page before had its chance to send (its records went out before these): nothing of it.
    expect(d.surveys.some((s) => s.survey.startsWith('off-'))).toBe(false)
    expect(errors).toEqual([])
    await context.close()
  })
})
