import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPostgres, type Postgres } from '../../test/postgres'
import { openStore } from './open'

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

  it('refuses a second row with the same id (the database enforces the upsert key)', async () => {
    const store = await open('unique')
    const row = { id: 'x', received_at: 't', record_id: null, survey_id: null, reason: 'r', origin: null }
    await store.db.insertInto('rejections').values(row).execute()
    await expect(store.db.insertInto('rejections').values(row).execute()).rejects.toThrow()
    await store.close()
  })
})
