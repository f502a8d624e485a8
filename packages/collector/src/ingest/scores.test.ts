// The one definition of a low score, as the ingest reads it (isLow) and as SQL does (lowSql).
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { openStore } from '../db/open'
import { isLow, lowSql, scoreFlags } from './scores'

describe('a low score', () => {
  it('is CSAT ≤ 2, NPS ≤ 6, CES ≤ 3, goal not reached and a negative feeling, nothing else', () => {
    expect([1, 2, 3, 4, 5].map((v) => isLow('csat', v))).toEqual([true, true, false, false, false])
    expect([0, 6, 7, 9, 10].map((v) => isLow('nps', v))).toEqual([true, true, false, false, false])
    expect([1, 3, 4, 7].map((v) => isLow('ces', v))).toEqual([true, true, false, false])
    expect([0, 1].map((v) => isLow('goal', v))).toEqual([true, false])
    expect([-100, -1, 0, 50].map((v) => isLow('emotion', v))).toEqual([true, true, false, false])
    expect(isLow('other', 0)).toBe(false)
  })

  it('reads the same in SQL as in the ingest, on every metric and value', async () => {
    const store = await openStore({ file: ':memory:' })
    const cases = ['csat', 'nps', 'ces', 'goal', 'emotion', 'other'].flatMap((metric) =>
      [-100, -1, 0, 1, 2, 3, 4, 5, 6, 7, 9, 10].map((value) => ({ metric, value })),
    )
    const { rows } = await sql<{ metric: string; value: number; low: number }>`
      with c(metric, value) as (values ${sql.join(cases.map((c) => sql`(${c.metric}, ${c.value})`))})
      select metric, value, case when ${lowSql(sql.ref('metric'), sql.ref('value'))} then 1 else 0 end as low from c`.execute(store.db)
    expect(rows.map((r) => [r.metric, r.value, r.low === 1])).toEqual(cases.map((c) => [c.metric, c.value, isLow(c.metric, c.value)]))
    await store.close()
  })

  it('flags a response scored when one answer feeds a metric, low when one of those is low', () => {
    expect(scoreFlags([])).toEqual({ scored: 0, low: 0 })
    expect(scoreFlags([{ metric: null, value: null }])).toEqual({ scored: 0, low: 0 })
    expect(
      scoreFlags([
        { metric: 'csat', value: 5 },
        { metric: null, value: null },
      ]),
    ).toEqual({ scored: 1, low: 0 })
    expect(
      scoreFlags([
        { metric: 'csat', value: 5 },
        { metric: 'goal', value: 0 },
      ]),
    ).toEqual({ scored: 1, low: 1 })
  })
})
