// The scorecards' queries on SQLite and PostgreSQL, against a data set small enough to count by hand
// (test/scorecards-data.ts: what each prompt must count as is written beside it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startPostgres, type Postgres } from '../../test/postgres'
import { config, fill } from '../../test/scorecards-data'
import { openStore, type Store } from '../db/open'
import type { Access, Context } from '../server/contract'
import type { Filters, ScorecardInput, ScorecardRequest, SliceId } from './contract'
import { decodeCursor, loadScorecardInput, loadTexts } from './query'

let pgServer: Postgres
beforeAll(async () => {
  pgServer = await startPostgres()
}, 120_000)
afterAll(() => pgServer?.stop())

const admin: Access = { role: 'admin' }
const support: Access = { role: 'owner', owner: 'Support' }
const payments: Access = { role: 'owner', owner: 'Payments' }

const day = (d: number) => new Date(Date.UTC(2026, 10, d)).toISOString()
/** 2026-11-01 … 11-08 against the 7 days before, one trend step a day. */
const request = (filters: Filters = {}, trend = Array.from({ length: 7 }, (_, i) => ({ from: day(1 + i), to: day(2 + i) }))): ScorecardRequest => ({
  period: { from: day(1), to: day(8) },
  baseline: { from: day(-6), to: day(1) },
  trend,
  filters,
})

/** Sums the counts of the rows that match, so a test reads as "how many … were there". */
const sum = <T extends object>(rows: T[], match: Partial<T>, field: keyof T) =>
  rows.filter((r) => Object.entries(match).every(([k, v]) => r[k as keyof T] === v)).reduce((s, r) => s + Number(r[field]), 0)

const outcomes = (input: ScorecardInput, slice: string, touchpoint: string | null) =>
  Object.fromEntries(
    (['completed', 'partial', 'dismissed', 'ignored'] as const).map((outcome) => [
      outcome,
      sum(input.prompts, { slice, touchpoint, outcome } as never, 'count'),
    ]),
  )
const histogram = (input: ScorecardInput, slice: string, touchpoint: string | null, metric: string) =>
  Object.fromEntries(input.values.filter((v) => v.slice === slice && v.touchpoint === touchpoint && v.metric === metric).map((v) => [v.value, v.count]))

describe.each(['sqlite', 'postgres'] as const)('scorecard queries (%s)', (kind) => {
  let store: Store
  let ctx: Context
  beforeAll(async () => {
    // SQLite in a file, as a collector runs it: the reports then read through the worker readers.
    dir = mkdtempSync(join(tmpdir(), 'hetki-scorecards-'))
    store = kind === 'sqlite' ? await openStore({ file: join(dir, 'hetki.db') }) : await openStore({ url: await pgServer.database('scorecards_query') })
    await fill(store.db)
    ctx = { store, config, server: { labels: { 'payment.failed': 'Payment failed' } }, now: () => new Date(day(8)), hooks: [] }
  }, 120_000)
  let dir: string
  afterAll(async () => {
    await store?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('counts each prompt once, in the first outcome that holds, previews left out', async () => {
    const input = await loadScorecardInput(ctx, request(), admin)
    // p1 p2 p7 completed (p7 without its shown record); p3 partial, p5 partial although also
    // dismissed; p4 dismissed; p6 p9 ignored; the preview p8 nowhere.
    expect(outcomes(input, 'current', 'checkout')).toEqual({ completed: 3, partial: 2, dismissed: 1, ignored: 2 })
    expect(outcomes(input, 'baseline', 'checkout')).toEqual({ completed: 2, partial: 0, dismissed: 0, ignored: 1 })
    expect(outcomes(input, 'current', 'help')).toEqual({ completed: 2, partial: 0, dismissed: 1, ignored: 0 })
    expect(outcomes(input, 'current', null)).toEqual({ completed: 1, partial: 0, dismissed: 0, ignored: 0 })
    expect(input.prompts.every((p) => p.survey !== undefined && p.count > 0)).toBe(true)
  })

  it('gives histograms of the answers per slice, the answered count of every question, and the trend by day', async () => {
    const input = await loadScorecardInput(ctx, request(), admin)
    expect(histogram(input, 'current', 'checkout', 'csat')).toEqual({ 1: 1, 2: 1, 4: 2, 5: 1 })
    expect(histogram(input, 'current', 'checkout', 'goal')).toEqual({ 0: 1, 1: 2 })
    expect(histogram(input, 'baseline', 'checkout', 'csat')).toEqual({ 1: 1, 3: 1 })
    expect(histogram(input, 'current', 'help', 'nps')).toEqual({ 3: 1, 9: 1 })
    expect(histogram(input, 'current', 'help', 'emotion')).toEqual({ [-100]: 1, 50: 1 })
    expect(histogram(input, 'current', 'store', 'ces')).toEqual({ 2: 1, 6: 1 })
    const answered = (slice: SliceId, question: string) => sum(input.questions, { slice, touchpoint: 'checkout', question }, 'answered')
    expect([answered('current', 'csat'), answered('current', 'goal'), answered('current', 'comment')]).toEqual([5, 3, 2])
    // Trend: 11-01 has p1 (5) and p2 (2); 11-02 p3 (1); 11-03 p5 (4); 11-04 p7 (4); nothing after.
    expect([0, 1, 2, 3, 4].map((i) => histogram(input, `trend:${i}`, 'checkout', 'csat'))).toEqual([{ 2: 1, 5: 1 }, { 1: 1 }, { 4: 1 }, { 4: 1 }, {}])
    expect(outcomes(input, 'trend:4', 'checkout')).toEqual({ completed: 0, partial: 0, dismissed: 0, ignored: 1 })
    // The record from 2026-10-01 is in no slice.
    expect(input.values.some((v) => v.value === 5 && v.slice === 'baseline')).toBe(false)
  })

  it('puts trend steps that are not a sorted row of days in the right bucket too', async () => {
    const input = await loadScorecardInput(
      ctx,
      request({}, [
        { from: day(3), to: day(8) },
        { from: day(1), to: day(3) },
      ]),
      admin,
    )
    expect(histogram(input, 'trend:0', 'checkout', 'csat')).toEqual({ 4: 2 })
    expect(histogram(input, 'trend:1', 'checkout', 'csat')).toEqual({ 1: 1, 2: 1, 5: 1 })
  })

  it('counts whole UTC days only, and says so for a period that is not', async () => {
    const r = request()
    await expect(loadScorecardInput(ctx, { ...r, period: { from: '2026-11-01T12:00:00.000Z', to: day(8) } }, admin)).rejects.toThrow(/whole UTC days/)
  })

  it('flags low scores for root cause, with the events of their trails and where those happened', async () => {
    const input = await loadScorecardInput(ctx, request(), admin)
    // checkout: p2 (CSAT 2, goal no) and p3 (CSAT 1) are low; p1, p5, p7 are not.
    expect(sum(input.scored, { touchpoint: 'checkout', low: true }, 'count')).toBe(2)
    expect(sum(input.scored, { touchpoint: 'checkout', low: false }, 'count')).toBe(3)
    expect(sum(input.trails, { touchpoint: 'checkout', event: 'payment.failed', low: true }, 'count')).toBe(2)
    expect(sum(input.trails, { touchpoint: 'checkout', event: 'payment.failed', low: false }, 'count')).toBe(0)
    expect(sum(input.trails, { touchpoint: 'checkout', event: 'page.view', low: true }, 'count')).toBe(1)
    expect(sum(input.trails, { touchpoint: 'checkout', event: 'page.view', low: false }, 'count')).toBe(2)
    // help: h2 (NPS 3, a negative feeling) is low after a payment failure at checkout.
    expect(input.trails).toContainEqual({ touchpoint: 'help', event: 'payment.failed', eventTouchpoint: 'checkout', low: true, count: 1 })
    expect(sum(input.scored, { touchpoint: 'help', low: true }, 'count')).toBe(1)
    // store: effort 2 of 7 is low, 6 is not.
    expect(sum(input.scored, { touchpoint: 'store', low: true }, 'count')).toBe(1)
    expect(sum(input.scored, { touchpoint: 'store', low: false }, 'count')).toBe(1)
  })

  it("counts the shown prompts' trails by answered or not (non-response bias)", async () => {
    const input = await loadScorecardInput(ctx, request(), admin)
    expect(sum(input.promptTrails, { touchpoint: 'checkout', event: 'help.article_read', answered: false }, 'count')).toBe(2)
    expect(sum(input.promptTrails, { touchpoint: 'checkout', event: 'help.article_read', answered: true }, 'count')).toBe(0)
    expect(sum(input.promptTrails, { touchpoint: 'checkout', event: 'page.view', answered: true }, 'count')).toBe(3)
    expect(sum(input.promptTrails, { touchpoint: 'checkout', event: 'payment.failed', answered: true }, 'count')).toBe(2)
  })

  it('counts prompts per person from the ids prompts carry, and says when there are none', async () => {
    const input = await loadScorecardInput(ctx, request(), admin)
    expect(input.peopleAvailable).toBe(true)
    // checkout: u1 was prompted twice (p1, p2), u2 once (p3); help: u1 once (h1).
    expect(input.people.filter((p) => p.touchpoint === 'checkout').sort((a, b) => a.prompts - b.prompts)).toEqual([
      { touchpoint: 'checkout', prompts: 1, people: 1 },
      { touchpoint: 'checkout', prompts: 2, people: 1 },
    ])
    expect(input.people.filter((p) => p.touchpoint === 'help')).toEqual([{ touchpoint: 'help', prompts: 1, people: 1 }])
    const store = await loadScorecardInput(ctx, request({ touchpoint: 'store' }), admin)
    expect(store.peopleAvailable).toBe(false)
    expect(store.people).toEqual([])
  })

  it('filters by survey, language, path (with *), owner and channel', async () => {
    const fi = await loadScorecardInput(ctx, request({ lang: 'fi' }), admin)
    expect(outcomes(fi, 'current', 'checkout')).toEqual({ completed: 2, partial: 2, dismissed: 0, ignored: 1 })
    // /checkout/done (p1, p2) and /Checkout/pay (p3): paths match whatever their case.
    for (const path of ['/checkout/*', '/CHECKOUT/*']) {
      const input = await loadScorecardInput(ctx, request({ path }), admin)
      expect(outcomes(input, 'current', 'checkout')).toEqual({ completed: 2, partial: 1, dismissed: 0, ignored: 0 })
    }
    const exact = await loadScorecardInput(ctx, request({ path: '/checkout/done' }), admin)
    expect(histogram(exact, 'current', 'checkout', 'csat')).toEqual({ 2: 1, 5: 1 })
    const middle = await loadScorecardInput(ctx, request({ path: '/*/pay' }), admin)
    expect(histogram(middle, 'current', 'checkout', 'csat')).toEqual({ 1: 1 })
    const survey = await loadScorecardInput(ctx, request({ survey: 'nps-help' }), admin)
    expect(new Set(survey.prompts.map((p) => p.touchpoint))).toEqual(new Set(['help']))
    const owner = await loadScorecardInput(ctx, request({ owner: 'Payments' }), admin)
    expect(new Set(owner.prompts.map((p) => p.touchpoint))).toEqual(new Set(['checkout', 'store']))
    const channel = await loadScorecardInput(ctx, request({ channel: 'store' }), admin)
    expect(new Set(channel.values.map((v) => v.touchpoint))).toEqual(new Set(['store']))
    const none = await loadScorecardInput(ctx, request({ channel: 'phone' }), admin)
    expect([none.values, none.prompts, none.scored, none.trails]).toEqual([[], [], [], []])
  })

  it("limits an owner's token to that owner's touchpoints, whatever the filters ask", async () => {
    const input = await loadScorecardInput(ctx, request(), support)
    expect(input.visible).toEqual(['help'])
    for (const rows of [input.values, input.questions, input.prompts, input.scored, input.trails, input.promptTrails, input.people])
      expect(new Set(rows.map((r) => r.touchpoint))).toEqual(new Set(['help']))
    // The trail may name another touchpoint (where the cause happened); the response is still help's.
    expect(input.trails.some((t) => t.eventTouchpoint === 'checkout')).toBe(true)
    const other = await loadScorecardInput(ctx, request({ touchpoint: 'checkout' }), support)
    expect([other.values, other.prompts, other.people]).toEqual([[], [], []])
    const mine = await loadScorecardInput(ctx, request(), payments)
    expect(new Set(mine.prompts.map((p) => p.touchpoint))).toEqual(new Set(['checkout', 'store']))
    expect((await loadScorecardInput(ctx, request(), admin)).visible).toBeUndefined()
  })

  it('lists open texts newest first with their scores, page by page', async () => {
    const all = await loadTexts(ctx, {}, admin)
    expect(all.texts.map((t) => t.responseId)).toEqual(['h2', 'h1', 'p2', 'p1', 'b1'])
    expect(all.next).toBeNull()
    expect(all.texts[2]).toEqual({
      responseId: 'p2',
      survey: 'csat-checkout',
      question: 'comment',
      touchpoint: 'checkout',
      owner: 'Payments',
      text: 'Payment failed twice',
      at: '2026-11-01T12:00:00.000Z',
      lang: 'en',
      path: '/checkout/done',
      scores: [
        { metric: 'csat', value: 2 },
        { metric: 'goal', value: 0 },
      ],
    })
    const seen: string[] = []
    let cursor: string | undefined
    for (let pages = 0; pages < 5; pages++) {
      const page = await loadTexts(ctx, { limit: 2, cursor }, admin)
      seen.push(...page.texts.map((t) => t.responseId))
      if (!page.next) break
      expect(decodeCursor(page.next)).toBeDefined()
      cursor = page.next
    }
    expect(seen).toEqual(['h2', 'h1', 'p2', 'p1', 'b1'])
    await expect(loadTexts(ctx, { cursor: 'nonsense' }, admin)).rejects.toThrow(/cursor/)
  })

  it('searches texts case-insensitively (Finnish and Swedish letters too), literally, and within the filters and the token', async () => {
    const ids = async (q: Parameters<typeof loadTexts>[1], access: Access = admin) => (await loadTexts(ctx, q, access)).texts.map((t) => t.responseId)
    expect(await ids({ q: 'PAYMENT' })).toEqual(['p2'])
    expect(await ids({ q: 'älykäs' })).toEqual(['h2'])
    // % and _ are letters in a search, not wildcards: "0%" is only in "100% fine".
    expect(await ids({ q: '0%' })).toEqual(['b1'])
    expect(await ids({ q: 'a_t' })).toEqual([])
    expect(await ids({ touchpoint: 'help' })).toEqual(['h2', 'h1'])
    expect(await ids({ survey: 'csat-checkout', from: day(1) })).toEqual(['p2', 'p1'])
    expect(await ids({}, support)).toEqual(['h2', 'h1'])
    expect(await ids({ touchpoint: 'checkout' }, support)).toEqual([])
    expect(await ids({ q: 'preview' })).toEqual([])
  })
})
