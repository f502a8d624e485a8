// The reports' readers (readers.ts): read-only SQLite connections in worker threads.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore, type Store } from './open'

describe('the readers of a SQLite file', () => {
  let dir: string
  let store: Store
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hetki-readers-'))
    store = await openStore({ file: join(dir, 'hetki.db'), readers: 2 })
  })
  afterEach(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** A query that keeps a reader busy for seconds: counting to 50 million. */
  const slow = () => sql<{ n: number }>`with recursive c(i) as (select 1 union all select i + 1 from c where i < 50000000) select count(*) as n from c`

  it('leave the event loop free while a long report query runs', async () => {
    expect(store.reader).not.toBe(store.db)
    let done = false
    const running = slow()
      .execute(store.reader)
      .then(
        () => (done = true),
        () => (done = true),
      )
    // Timers still fire, and the main connection still writes, while the query runs in a worker.
    await new Promise((resolve) => setTimeout(resolve, 0))
    await store.db.insertInto('drops').values({ id: 'd1', received_at: '2026-11-29T00:00:00.000Z', dropped: 3 }).execute()
    expect(done).toBe(false)
    await store.close()
    await running
  })

  it('see what the main connection committed, and answer each query with its own rows, however many wait', async () => {
    await store.db.insertInto('drops').values({ id: 'd1', received_at: '2026-11-29T00:00:00.000Z', dropped: 3 }).execute()
    expect(await store.reader.selectFrom('drops').select(['id', 'dropped']).execute()).toEqual([{ id: 'd1', dropped: 3 }])
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => sql<{ n: number }>`select ${i} as n`.execute(store.reader)))
    expect(answers.map((a) => a.rows[0]!.n)).toEqual(Array.from({ length: 12 }, (_, i) => i))
  })

  it("fail a bad query with SQLite's message and code, and go on with the next", async () => {
    await expect(sql`select * from no_such_table`.execute(store.reader)).rejects.toMatchObject({
      message: expect.stringContaining('no such table'),
      code: 'SQLITE_ERROR',
    })
    await expect(store.reader.deleteFrom('drops').execute()).rejects.toThrow(/only queries that return rows/)
    expect((await sql<{ n: number }>`select 7 as n`.execute(store.reader)).rows).toEqual([{ n: 7 }])
  })

  it('refuse queries once closed', async () => {
    await sql`select 1`.execute(store.reader)
    await store.close()
    await expect(sql`select 1`.execute(store.reader)).rejects.toThrow(/destroyed|closed/)
  })
})
