// Several collector instances behind a load balancer share one PostgreSQL: the database, not the
// instances, keeps each record once. Two instances get the same records at once, many times over.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startPostgres, type Postgres } from '../../test/postgres'
import { config, envelope, moment, response, rid } from '../../test/fixtures'
import { startCollector, type Collector } from '../start'

let pgServer: Postgres
const running: Collector[] = []
beforeAll(async () => {
  pgServer = await startPostgres()
}, 60_000)
afterAll(async () => {
  for (const c of running) await c.close(0)
  await pgServer?.stop()
})

it('stores each record once and counts every delivery when two instances on one PostgreSQL take the same re-sends at once', async () => {
  const url = await pgServer.database('instances')
  const options = { config, server: { rateLimit: { points: 100_000 } }, databaseUrl: url, port: 0, log: () => {} }
  // Started together: the migrations run once under Kysely's lock, whichever instance gets it.
  const [a, b] = await Promise.all([startCollector(options), startCollector(options)])
  running.push(a!, b!)
  const IDS = 20
  const ROUNDS = 10
  // Each response comes in two revisions (partial, then complete), in opposite orders on the two
  // instances, with its shown record; every batch goes to both instances at the same moment.
  const batch = (reverse: boolean) => {
    const records = []
    for (let i = 0; i < IDS; i++) {
      records.push(moment('s' + i, 'shown', { of: 'r' + i }))
      records.push(response('r' + i, { q1: 2 }, { completed: false, updatedAt: '2026-11-20T10:00:04.000Z' }))
      records.push(response('r' + i, { q1: 2, why: 'slow' }, { updatedAt: '2026-11-20T10:00:09.000Z' }))
    }
    return JSON.stringify(envelope(reverse ? records.reverse() : records))
  }
  const send = (c: Collector, reverse: boolean) =>
    fetch(c.url + '/collect', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: batch(reverse) })
  const statuses: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const answers = await Promise.all([send(a!, false), send(b!, true), send(a!, true), send(b!, false)])
    statuses.push(...answers.map((r) => r.status))
  }
  expect(new Set(statuses)).toEqual(new Set([200]))
  const db = a!.store.db
  const responses = await db.selectFrom('responses').select(['id', 'deliveries', 'completed', 'answers', 'updated_at']).orderBy('id').execute()
  expect(responses).toHaveLength(IDS)
  for (const r of responses) {
    // 4 batches a round, each carrying both revisions of every response.
    expect(r).toMatchObject({ deliveries: ROUNDS * 4 * 2, completed: 1, updated_at: '2026-11-20T10:00:09.000Z' })
    expect(JSON.parse(r.answers)).toEqual({ q1: 2, why: 'slow' })
  }
  const moments = await db.selectFrom('moments').select(['id', 'deliveries']).execute()
  expect(moments).toHaveLength(IDS)
  expect(new Set(moments.map((m) => m.deliveries))).toEqual(new Set([ROUNDS * 4]))
  const answers = await db.selectFrom('answers').select(['response_id', 'question_id']).execute()
  expect(answers).toHaveLength(IDS * 2)
  expect(
    answers
      .filter((x) => x.response_id === rid('r0'))
      .map((x) => x.question_id)
      .sort(),
  ).toEqual(['q1', 'why'])
})
