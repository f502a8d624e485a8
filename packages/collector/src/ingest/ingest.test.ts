import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPostgres, type Postgres } from '../../test/postgres'
import { config, envelope, moment, response, rid } from '../../test/fixtures'
import { openStore, type Store } from '../db/open'
import type { Context, IngestHook } from '../server/contract'
import { ingest } from './index'

let pgServer: Postgres
beforeAll(async () => {
  pgServer = await startPostgres()
}, 60_000)
afterAll(() => pgServer?.stop())

let n = 0
describe.each(['sqlite', 'postgres'] as const)('the ingest (%s)', (kind) => {
  const stores: Store[] = []
  afterAll(async () => {
    for (const s of stores) await s.close()
  })
  async function context(hooks: IngestHook[] = [], server: Context['server'] = {}): Promise<Context> {
    const store = kind === 'sqlite' ? await openStore({ file: ':memory:' }) : await openStore({ url: await pgServer.database('ingest' + ++n) })
    stores.push(store)
    return { store, config, server, now: () => new Date('2026-11-20T10:00:07.000Z'), hooks }
  }
  const rows = (ctx: Context) => ctx.store.db.selectFrom('responses').selectAll().orderBy('id').execute()

  it('stores the valid records of a mixed batch and answers 200 with the refused ids and why', async () => {
    const ctx = await context()
    const result = await ingest(
      ctx,
      envelope([
        response('good', { q1: 4, why: 'fine', pick: 'other', pick_other: 'C', tags: ['x', 'y'] }),
        response('range', { q1: 6 }),
        response('unknownq', { q1: 3, color: 'red' }),
        response('unknowns', { q1: 3 }, { surveyId: 'nope' }),
        response('long', { q1: 3, why: 'x'.repeat(21) }),
        response('choice', { pick: 'z' }),
        response('feeling', { feeling: { id: 'ecstatic', weight: 100 } }, { surveyId: 'goal-help' }),
        response('yesno', { goal: 'yes' }, { surveyId: 'goal-help' }),
        { ...response('malformed', { q1: 3 }), startedAt: 'yesterday' },
        { id: 'x y', kind: 'response' },
        moment('shown', 'shown'),
      ]),
    )
    expect(result.status).toBe(200)
    expect(result.stored.sort()).toEqual([rid('good'), rid('shown')].sort())
    expect(Object.fromEntries(result.rejected.map((r) => [r.id, r.reason]))).toEqual({
      [rid('range')]: 'answer q1 must be a whole number from 1 to 5',
      [rid('unknownq')]: 'unknown question "color" for this survey',
      [rid('unknowns')]: 'unknown survey "nope"',
      [rid('long')]: 'answer why is too long: 21 characters, at most 20',
      [rid('choice')]: 'answer pick has an unknown option "z"',
      [rid('feeling')]: 'answer feeling must be { id } of one of its feelings (frustrated, disappointed, neutral, pleased, delighted)',
      [rid('yesno')]: 'answer goal must be true or false',
      [rid('malformed')]: 'startedAt must be an ISO time',
      'x y': 'id must be 1–64 characters of A–Z, a–z, 0–9, _ and -',
    })
    expect((await rows(ctx)).map((r) => r.id)).toEqual([rid('good')])
    const rejections = await ctx.store.db.selectFrom('rejections').selectAll().execute()
    expect(rejections).toHaveLength(9)
  })

  it('upserts by id: the newest updatedAt wins, an older revision never overwrites it, every copy counts as a delivery', async () => {
    const ctx = await context()
    const partial = response('r', { q1: 2 }, { completed: false, updatedAt: '2026-11-20T10:00:04.000Z' })
    const complete = response('r', { q1: 2, why: 'slow' }, { updatedAt: '2026-11-20T10:00:09.000Z' })
    await ingest(ctx, envelope([partial]))
    await ingest(ctx, envelope([complete]))
    await ingest(ctx, envelope([partial])) // a late retry of the older revision
    await ingest(ctx, envelope([complete])) // a beacon's copy
    const [row] = await rows(ctx)
    expect(row).toMatchObject({ id: rid('r'), completed: 1, updated_at: '2026-11-20T10:00:09.000Z', deliveries: 4 })
    expect(JSON.parse(row!.answers)).toEqual({ q1: 2, why: 'slow' })
    const answers = await ctx.store.db.selectFrom('answers').selectAll().orderBy('question_id').execute()
    expect(answers.map((a) => [a.question_id, a.metric, a.value, a.text])).toEqual([
      ['q1', 'csat', 2, null],
      ['why', null, null, 'slow'],
    ])
  })

  it('derives one trail_events row per distinct event, for responses and shown records', async () => {
    const ctx = await context()
    await ingest(ctx, envelope([response('r', { q1: 1 }), moment('s', 'shown', { of: 'r' }), moment('d', 'dismissed', { of: 'r' })]))
    await ingest(ctx, envelope([moment('s', 'shown', { of: 'r' })]))
    const events = await ctx.store.db.selectFrom('trail_events').selectAll().orderBy('record_id').orderBy('event').execute()
    expect(events.map((e) => [e.record_id, e.kind, e.event, e.touchpoint])).toEqual([
      [rid('r'), 'response', 'page.viewed', 'checkout'],
      [rid('r'), 'response', 'payment.failed', 'payment'],
      [rid('s'), 'shown', 'order.completed', 'checkout'],
    ])
    const moments = await ctx.store.db.selectFrom('moments').select(['id', 'deliveries']).orderBy('id').execute()
    expect(moments).toEqual([
      { id: rid('d'), deliveries: 1 },
      { id: rid('s'), deliveries: 2 },
    ])
  })

  it('keeps the score flags of each response and its trail rows: low, not low, none, and after a newer revision', async () => {
    const ctx = await context()
    const flags = async () => {
      const responses = await ctx.store.db.selectFrom('responses').select(['id', 'scored', 'low']).orderBy('id').execute()
      const trails = await ctx.store.db
        .selectFrom('trail_events')
        .select(['record_id', 'kind', 'scored', 'low'])
        .orderBy('record_id')
        .orderBy('event')
        .execute()
      return {
        responses: responses.map((r) => [r.id, Number(r.scored), Number(r.low)]),
        trails: trails.map((t) => [t.record_id, t.kind, Number(t.scored), Number(t.low)]),
      }
    }
    await ingest(
      ctx,
      envelope([
        response('low', { q1: 2 }, { updatedAt: '2026-11-20T10:00:04.000Z' }),
        response('high', { q1: 5, why: 'ok' }),
        response('text', { why: 'no score' }),
        moment('s', 'shown', { of: 'low' }),
      ]),
    )
    expect(await flags()).toEqual({
      responses: [
        [rid('high'), 1, 0],
        [rid('low'), 1, 1],
        [rid('text'), 0, 0],
      ],
      trails: [
        [rid('high'), 'response', 1, 0],
        [rid('high'), 'response', 1, 0],
        [rid('low'), 'response', 1, 1],
        [rid('low'), 'response', 1, 1],
        [rid('s'), 'shown', 0, 0],
        [rid('text'), 'response', 0, 0],
        [rid('text'), 'response', 0, 0],
      ],
    })
    // The low answer changed to a high one in a newer revision; an older copy arriving late changes nothing.
    await ingest(ctx, envelope([response('low', { q1: 4 }, { updatedAt: '2026-11-20T10:00:09.000Z' })]))
    await ingest(ctx, envelope([response('low', { q1: 2 }, { updatedAt: '2026-11-20T10:00:04.000Z' })]))
    const after = await flags()
    expect(after.responses).toContainEqual([rid('low'), 1, 0])
    expect(after.trails.filter((t) => t[0] === rid('low'))).toEqual([
      [rid('low'), 'response', 1, 0],
      [rid('low'), 'response', 1, 0],
    ])
  })

  it('reads a text/plain body as JSON, refuses malformed JSON (400) and an oversized body (413) with a reason', async () => {
    const ctx = await context([], { maxBody: 4096 })
    const ok = await ingest(ctx, Buffer.from(JSON.stringify(envelope([response('plain', { q1: 5 })]))))
    expect(ok).toMatchObject({ status: 200, stored: [rid('plain')], rejected: [] })
    expect(await ingest(ctx, '{"v":1,')).toMatchObject({ status: 400, error: expect.stringContaining('not JSON') })
    expect(await ingest(ctx, JSON.stringify({ v: 2, records: [] }))).toMatchObject({ status: 400, error: expect.stringContaining('version 2') })
    expect(await ingest(ctx, 'x'.repeat(5000))).toMatchObject({ status: 413, error: 'the body is 5000 bytes, more than 4096' })
    const counted = await ctx.store.db.selectFrom('rejections').select('reason').execute()
    expect(counted.map((r) => r.reason.slice(0, 4)).sort()).toEqual(['400:', '400:', '413:'])
  })

  it('keeps previews flagged and records the dropped count', async () => {
    const ctx = await context()
    await ingest(ctx, envelope([response('p', { q1: 3 }, { preview: true })], 3))
    expect((await rows(ctx))[0]!.preview).toBe(1)
    expect((await ctx.store.db.selectFrom('answers').select('preview').executeTakeFirstOrThrow()).preview).toBe(1)
    expect(await ctx.store.db.selectFrom('drops').select('dropped').execute()).toEqual([{ dropped: 3 }])
  })

  it('calls the hooks inside the transaction with the changed responses only; a failing hook stores nothing', async () => {
    const seen: string[][] = []
    const ctx = await context([{ name: 'probe', stored: async (trx, responses) => void seen.push(responses.map((r) => r.id + ':' + r.updatedAt)) }])
    await ingest(ctx, envelope([response('h', { q1: 1 }), moment('m', 'shown')]))
    await ingest(ctx, envelope([response('h', { q1: 1 })])) // same revision: nothing changed
    await ingest(ctx, envelope([response('h', { q1: 2 }, { updatedAt: '2026-11-20T11:00:00.000Z' })]))
    expect(seen).toEqual([[rid('h') + ':2026-11-20T10:00:05.000Z'], [rid('h') + ':2026-11-20T11:00:00.000Z']])

    const failing = await context([
      {
        name: 'broken',
        stored: async () => {
          throw new Error('hook failed')
        },
      },
    ])
    await expect(ingest(failing, envelope([response('f', { q1: 1 })]))).rejects.toThrow('hook failed')
    expect(await rows(failing)).toEqual([])
  })

  it('concurrent batches with overlapping ids end in one row per id: the newest revision, every copy counted, its derived rows', async () => {
    const calls: number[] = []
    const ctx = await context([{ name: 'probe', stored: async (trx, responses) => void calls.push(responses.length) }])
    const at = (minute: number) => `2026-11-20T10:${String(minute).padStart(2, '0')}:00.000Z`
    // 12 POSTs at once, each with a revision of the shared ids (q1 = its minute % 5 + 1), its own id, and a shown record.
    const order = [7, 3, 11, 0, 9, 1, 5, 10, 2, 8, 4, 6]
    const posts = order.map((minute) =>
      envelope([
        response('shared1', { q1: (minute % 5) + 1 }, { updatedAt: at(minute), completed: minute === 11 }),
        response('shared2', { q1: (minute % 5) + 1, why: 'at ' + minute }, { updatedAt: at(minute) }),
        response('own' + minute, { q1: 3 }),
        moment('seen', 'shown'),
      ]),
    )
    const results = await Promise.all(posts.map((body) => ingest(ctx, body)))
    expect(results.every((r) => r.status === 200 && r.stored.length === 4)).toBe(true)
    const stored = await rows(ctx)
    expect(stored).toHaveLength(14)
    const shared1 = stored.find((r) => r.id === rid('shared1'))
    const shared2 = stored.find((r) => r.id === rid('shared2'))
    expect(shared1).toMatchObject({ updated_at: at(11), completed: 1, deliveries: 12 })
    expect(shared2).toMatchObject({ updated_at: at(11), deliveries: 12 })
    expect(JSON.parse(shared2!.answers)).toEqual({ q1: 2, why: 'at 11' })
    const answers = await ctx.store.db
      .selectFrom('answers')
      .select(['question_id', 'value', 'text'])
      .where('response_id', '=', rid('shared2'))
      .orderBy('question_id')
      .execute()
    expect(answers).toEqual([
      { question_id: 'q1', value: 2, text: null },
      { question_id: 'why', value: null, text: 'at 11' },
    ])
    expect(await ctx.store.db.selectFrom('moments').select(['id', 'deliveries']).execute()).toEqual([{ id: rid('seen'), deliveries: 12 }])
    const trails = await ctx.store.db.selectFrom('trail_events').select(['record_id']).execute()
    expect(trails).toHaveLength(14 * 2 + 1)
    // The hooks saw every new response and revision once per transaction; POSTs that came in while
    // one was running shared the next transaction (fewer calls than POSTs).
    expect(calls.length).toBeLessThan(posts.length)
  })

  it('a newer revision clears the derived rows of the old one; a derived row that outlived its response is overwritten, not fatal', async () => {
    const ctx = await context()
    await ingest(ctx, envelope([response('rev', { q1: 2, why: 'slow' }, { updatedAt: '2026-11-20T10:00:04.000Z' })]))
    await ingest(
      ctx,
      envelope([response('rev', { q1: 5 }, { updatedAt: '2026-11-20T10:00:09.000Z', trail: [{ event: 'help.opened', at: '2026-11-20T10:00:08.000Z' }] })]),
    )
    const derived = async (id: string) => ({
      answers: (
        await ctx.store.db.selectFrom('answers').select(['question_id', 'value']).where('response_id', '=', rid(id)).orderBy('question_id').execute()
      ).map((a) => [a.question_id, a.value]),
      events: (await ctx.store.db.selectFrom('trail_events').select('event').where('record_id', '=', rid(id)).orderBy('event').execute()).map((e) => e.event),
    })
    expect(await derived('rev')).toEqual({ answers: [['q1', 5]], events: ['help.opened'] })

    // Rows left behind without their response (say, by an erasure racing an ingest).
    const base = { survey_id: 'csat', touchpoint: 'checkout', owner: 'Web shop team', at: '2026-11-20T10:00:03.000Z', preview: 0 }
    await ctx.store.db
      .insertInto('answers')
      .values({ ...base, response_id: rid('orphan'), question_id: 'q1', metric: 'csat', value: 1, text: null, lang: 'en', path: '/' })
      .execute()
    await ctx.store.db
      .insertInto('trail_events')
      .values({
        survey_id: 'csat',
        touchpoint: 'elsewhere',
        at: base.at,
        preview: 0,
        record_id: rid('orphan'),
        response_id: rid('orphan'),
        kind: 'response',
        event: 'page.viewed',
      })
      .execute()
    const result = await ingest(ctx, envelope([response('orphan', { q1: 4 })]))
    expect(result.stored).toEqual([rid('orphan')])
    expect(await derived('orphan')).toEqual({ answers: [['q1', 4]], events: ['page.viewed', 'payment.failed'] })
    const viewed = await ctx.store.db
      .selectFrom('trail_events')
      .select('touchpoint')
      .where('record_id', '=', rid('orphan'))
      .where('event', '=', 'page.viewed')
      .executeTakeFirstOrThrow()
    expect(viewed.touchpoint).toBe('checkout')
  })

  it('a batch that fails inside a shared transaction fails alone: the batches beside it are stored', async () => {
    const ctx = await context([
      {
        name: 'picky',
        stored: async (trx, responses) => {
          if (responses.some((r) => r.id === rid('poison'))) throw new Error('hook refused poison')
        },
      },
    ])
    const names = ['a', 'b', 'poison', 'c', 'd', 'e']
    const settled = await Promise.allSettled(names.map((name) => ingest(ctx, envelope([response(name, { q1: 4 }), response(name + 'x', { q1: 2 })]))))
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled'])
    expect((await rows(ctx)).map((r) => r.id)).toEqual(['a', 'ax', 'b', 'bx', 'c', 'cx', 'd', 'dx', 'e', 'ex'].map(rid).sort())
    const answers = await ctx.store.db.selectFrom('answers').select('response_id').execute()
    expect(answers).toHaveLength(10)
  })

  it('accepts unknown surveys only when told to, checking their wire format still', async () => {
    const ctx = await context([], { acceptUnknownSurveys: true })
    const result = await ingest(
      ctx,
      envelope([response('u', { anything: 1 }, { surveyId: 'elsewhere' }), response('bad', { q1: 3 }, { surveyId: 'elsewhere', completed: 'yes' })]),
    )
    expect(result.stored).toEqual([rid('u')])
    expect(result.rejected).toEqual([{ id: rid('bad'), reason: 'completed must be true or false' }])
  })
})
