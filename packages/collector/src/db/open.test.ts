import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Sqlite from 'better-sqlite3'
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely'
import { rmSync } from 'node:fs'
import pg from 'pg'
import { startPostgres, type Postgres } from '../../test/postgres'
import { migrations } from './migrations/index'
import { openStore } from './open'
import type { Database } from './schema'

let pgServer: Postgres
beforeAll(async () => {
  pgServer = await startPostgres()
}, 60_000)
afterAll(() => pgServer?.stop())

describe.each(['sqlite', 'postgres'] as const)('the database (%s)', (kind) => {
  const open = async (name: string) => (kind === 'sqlite' ? openStore({ file: ':memory:' }) : openStore({ url: await pgServer.database(name) }))

  it('creates every table at start-up, and a second start migrates nothing twice', async () => {
    const url = kind === 'postgres' ? await pgServer.database('twice') : undefined
    const file = kind === 'sqlite' ? `${process.env.TMPDIR || '/tmp'}/hetki-open-${process.pid}.db` : undefined
    const first = await openStore({ url, file })
    await first.db.insertInto('drops').values({ id: 'a', received_at: '2026-01-01T00:00:00.000Z', dropped: 2 }).execute()
    await first.close()
    const second = await openStore({ url, file })
    expect(await second.db.selectFrom('drops').selectAll().execute()).toEqual([{ id: 'a', received_at: '2026-01-01T00:00:00.000Z', dropped: 2 }])
    await second.close()
  })

  it('fills in the score flags of responses stored before they existed (migration 005)', async () => {
    const url = kind === 'postgres' ? await pgServer.database('flags') : undefined
    const file = kind === 'sqlite' ? `${process.env.TMPDIR || '/tmp'}/hetki-flags-${process.pid}.db` : undefined
    const old = new Kysely<Database>({
      dialect: url ? new PostgresDialect({ pool: new pg.Pool({ connectionString: url }) }) : new SqliteDialect({ database: new Sqlite(file!) }),
    })
    await new Migrator({ db: old, provider: { getMigrations: async () => migrations } }).migrateTo('004-diagnostics')
    const at = '2026-11-20T10:00:00.000Z'
    const common = { survey_id: 'csat', touchpoint: 'checkout', owner: null, lang: null, path: null, preview: 0 }
    for (const [id, value] of [
      ['low', 1],
      ['high', 5],
      ['none', null],
    ] as const) {
      await old
        .insertInto('responses')
        .values({
          ...common,
          id,
          completed: 1,
          answers: '{}',
          url: null,
          user_id: null,
          trail: '[]',
          started_at: at,
          updated_at: at,
          received_at: at,
          deliveries: 1,
        } as never)
        .execute()
      await old
        .insertInto('answers')
        .values({ ...common, response_id: id, question_id: 'q1', metric: value === null ? null : 'csat', value, text: null, at })
        .execute()
      await old
        .insertInto('trail_events')
        .values({ record_id: id, response_id: id, kind: 'response', event: 'page.viewed', touchpoint: null, survey_id: 'csat', at, preview: 0 } as never)
        .execute()
    }
    await old.destroy()
    const store = await openStore({ url, file })
    const flags = async (table: 'responses' | 'trail_events', id: 'id' | 'record_id') =>
      (await store.db.selectFrom(table).select([id, 'scored', 'low']).orderBy(id).execute()).map((r) =>
        Object.values(r).map((v) => (typeof v === 'string' ? v : Number(v))),
      )
    const expected = [
      ['high', 1, 0],
      ['low', 1, 1],
      ['none', 0, 0],
    ]
    expect(await flags('responses', 'id')).toEqual(expected)
    expect(await flags('trail_events', 'record_id')).toEqual(expected)
    await store.close()
    if (file) for (const f of [file, file + '-wal', file + '-shm']) rmSync(f, { force: true })
  })

  it('refuses a second row with the same id (the database enforces the upsert key)', async () => {
    const store = await open('unique')
    const row = { id: 'x', received_at: 't', record_id: null, survey_id: null, reason: 'r', origin: null }
    await store.db.insertInto('rejections').values(row).execute()
    await expect(store.db.insertInto('rejections').values(row).execute()).rejects.toThrow()
    await store.close()
  })
})
