// The demo's numbers (demo/site/metrics.js), computed in Node: the formulas of PRODUCT.md, what
// counts as a low score, and the root-cause ranking; plus the demo config and sample data.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkConfig } from '../packages/sdk/src/config/check'
// @ts-expect-error the demo is plain JavaScript, run by node and the browser without a build
import { ces, csat, customersOnly, emotionalValue, eventsBeforeLowScores, goalReached, lowestScores, measureOf, nps, scoresByWeek, summarise, weekOf, worstPerSurvey } from '../demo/site/metrics.js'
// @ts-expect-error plain JavaScript
import { sampleRecords } from '../demo/sample-data.mjs'
import { checkEnvelope } from '../packages/collector/src/ingest/envelope'

const config = JSON.parse(readFileSync(new URL('../demo/site/hetki.json', import.meta.url), 'utf8'))

let clock = 0
/** A stored response as GET /api/responses returns it. */
const response = (survey_id: string, answers: object, trail: { event: string; touchpoint?: string }[] = []) => ({
  id: 'r' + ++clock,
  survey_id,
  answers,
  completed: true,
  started_at: new Date(Date.UTC(2026, 10, 1) + clock * 60_000).toISOString(),
  trail,
})

describe('the metrics', () => {
  it('CSAT is the share of 4 and 5, in %; skipped answers do not count', () => {
    expect(csat([1, 2, 3, 4, 5, 5, null])).toEqual({ n: 6, satisfied: 3, score: 50 })
    expect(csat([3, 4, 4])).toMatchObject({ score: 67 })
  })

  it('NPS is % promoters (9–10) minus % detractors (0–6)', () => {
    expect(nps([10, 9, 9, 10, 9, 7, 8, 0, 6, 3])).toEqual({ n: 10, promoters: 5, detractors: 3, score: 20 })
    expect(nps([0, 6]).score).toBe(-100)
    expect(nps([9, 10]).score).toBe(100)
    expect(nps([7, 8]).score).toBe(0)
  })

  it('CES is the mean of the 1–7 answers, one decimal', () => {
    expect(ces([2, 5, 7])).toEqual({ n: 3, score: 4.7 })
  })

  it('the emotional value is the mean of the weights, held to −100…100', () => {
    expect(emotionalValue([{ id: 'frustrated', weight: -100 }, { id: 'pleased', weight: 50 }, { id: 'calm', weight: 60 }]).score).toBe(3)
    expect(emotionalValue([{ id: 'ecstatic', weight: 400 }]).score).toBe(100)
  })

  it('goal reached is the share of yes', () => {
    expect(goalReached([true, false, true, true])).toEqual({ n: 4, yes: 3, score: 75 })
  })

  it('no answers give no number rather than 0', () => {
    for (const score of [csat, nps, ces, emotionalValue, goalReached]) expect(score([]).score).toBeNull()
  })

  it('a question is measured by its template, or by its type and scale', () => {
    expect(measureOf({ template: 'nps' })).toMatchObject({ metric: 'nps', from: 0, to: 10 })
    expect(measureOf({ template: 'effort', text: 'Moving was easy.' })).toMatchObject({ metric: 'ces', from: 1, to: 7 })
    expect(measureOf({ type: 'rating', scale: 5 })).toMatchObject({ metric: 'csat' })
    expect(measureOf({ type: 'rating', from: 0, scale: 10 })).toMatchObject({ metric: 'nps' })
    expect(measureOf({ template: 'feeling' }).options).toHaveLength(5)
    expect(measureOf({ type: 'yesno' })).toEqual({ metric: 'goal' })
    expect(measureOf({ type: 'text' })).toBeUndefined()
    expect(measureOf({ type: 'rating', scale: 4 })).toBeUndefined()
  })
})

describe('the results of the demo config', () => {
  it('are grouped by survey with its touchpoint and owner; partial responses count', () => {
    const rows = [
      response('csat-order', { q1: 5 }),
      { ...response('csat-order', { q1: 2 }), completed: false },
      response('goal-help', { goal: true, feeling: { id: 'pleased', weight: 50 } }),
    ]
    const [order, help, move] = summarise(config, rows)
    expect(order).toMatchObject({ id: 'csat-order', responses: 2, touchpoint: { name: 'Web shop checkout', owner: 'Web shop team' } })
    expect(order.questions).toEqual([
      {
        id: 'q1',
        metric: 'csat',
        result: { n: 2, satisfied: 1, score: 50 },
        distribution: [
          { label: '1', count: 0, tone: 'low' },
          { label: '2', count: 1, tone: 'low' },
          { label: '3', count: 0, tone: 'mid' },
          { label: '4', count: 0, tone: 'high' },
          { label: '5', count: 1, tone: 'high' },
        ],
      },
    ])
    expect(help.questions.map((q: any) => [q.metric, q.result.score])).toEqual([
      ['goal', 100],
      ['emotion', 50],
    ])
    expect(move.questions[0].result).toEqual({ n: 0, score: null })
  })

  it('the lowest scores come worst first with their trails; good answers are not among them', () => {
    const declined = [{ event: 'payment.failed', touchpoint: 'payment' }, { event: 'order.completed', touchpoint: 'checkout' }]
    const rows = [
      response('csat-order', { q1: 5 }, [{ event: 'order.completed', touchpoint: 'checkout' }]),
      response('csat-order', { q1: 2 }, declined),
      response('nps-invoice', { nps: 0 }, declined),
      response('nps-invoice', { nps: 7 }),
      response('ces-move', { effort: 3 }),
    ]
    const low = lowestScores(config, rows)
    expect(low.map((l: any) => [l.metric, l.value])).toEqual([
      ['nps', 0],
      ['csat', 2],
      ['ces', 3],
    ])
    expect(low[0].response.trail).toEqual(declined)
    // One per survey: each owner sees the worst answer at their touchpoint.
    const csatTwo = response('csat-order', { q1: 1 })
    expect(worstPerSurvey(lowestScores(config, [...rows, csatTwo])).map((l: any) => [l.metric, l.value])).toEqual([
      ['csat', 1],
      ['nps', 0],
      ['ces', 3],
    ])

    const { lowCount, otherCount, events } = eventsBeforeLowScores(config, rows)
    expect([lowCount, otherCount]).toEqual([3, 2])
    // order.completed precedes low and good answers alike; payment.failed only the low ones.
    expect(events.map((e: any) => [e.event, e.low, e.others])).toEqual([
      ['payment.failed', 2, 0],
      ['order.completed', 2, 1],
    ])
  })
})

describe('the demo config and sample data', () => {
  it('the config passes the check, and every survey measures a touchpoint with an owner', () => {
    expect(checkConfig(config)).toBeUndefined()
    const owners = new Map(config.touchpoints.map((t: any) => [t.id, t.owner]))
    for (const survey of config.surveys) expect(owners.get(survey.touchpoint), survey.id).toBeTruthy()
  })

  it('the sample answers are valid wire-format records that the collector accepts', () => {
    const records = sampleRecords(Date.UTC(2026, 10, 23))
    expect(checkEnvelope({ v: 1, records }, config)).toMatchObject({ records: { length: records.length }, rejected: [] })
    expect(new Set(records.map((r: any) => r.id)).size).toBe(records.length)
    const surveys = new Set(config.surveys.map((s: any) => s.id))
    for (const r of records) expect(surveys.has(r.surveyId)).toBe(true)
  })
})

describe('previews', () => {
  it('the collector accepts the flag only as true, and the results leave previews out', () => {
    const record = { id: 'V1StGXR8_Z5jdHi6B-myT', kind: 'shown', surveyId: 'csat-order', responseId: 'V1StGXR8_Z5jdHi6B-myT', lang: 'en', path: '/', trail: [], at: '2026-11-23T10:00:00.000Z' }
    expect(checkEnvelope({ v: 1, records: [{ ...record, preview: true }] }, config)).toMatchObject({ rejected: [] })
    expect(checkEnvelope({ v: 1, records: [{ ...record, preview: false }] }, config)).toMatchObject({ rejected: [{ reason: 'preview must be true when present' }] })
    const real = response('csat', { q1: 5 })
    expect(customersOnly([real, { ...response('csat', { q1: 1 }), preview: true }])).toEqual([real])
  })
})

describe('the score over time', () => {
  const at = (survey_id: string, answers: object, started_at: string) => ({ ...response(survey_id, answers), started_at })

  it('weeks run Monday to Sunday, UTC', () => {
    expect(weekOf('2026-11-23T09:00:00.000Z')).toBe('2026-11-23') // a Monday
    expect(weekOf('2026-11-29T23:59:00.000Z')).toBe('2026-11-23') // the Sunday after
    expect(weekOf('2026-11-22T00:01:00.000Z')).toBe('2026-11-16')
  })

  it('each week gets the metric of its own answers; a week without answers is a gap, not a 0', () => {
    const rows = [
      at('csat-order', { q1: 5 }, '2026-11-02T10:00:00Z'),
      at('csat-order', { q1: 1 }, '2026-11-03T10:00:00Z'),
      at('nps-invoice', { nps: 10 }, '2026-11-10T10:00:00Z'),
      at('csat-order', { q1: 4 }, '2026-11-18T10:00:00Z'),
    ]
    const { weeks, surveys } = scoresByWeek(config, rows)
    expect(weeks).toEqual(['2026-11-02', '2026-11-09', '2026-11-16'])
    expect(surveys['csat-order'].q1).toEqual([
      { week: '2026-11-02', n: 2, score: 50 },
      { week: '2026-11-09', n: 0, score: null },
      { week: '2026-11-16', n: 1, score: 100 },
    ])
    expect(surveys['nps-invoice'].nps.map((p: any) => p.score)).toEqual([null, 100, null])
    expect(Object.keys(surveys['goal-help'])).toEqual(['goal', 'feeling'])
    expect(scoresByWeek(config, []).weeks).toEqual([])
  })

  it('in the sample data, the weekly CSAT rises after the card gateway was fixed', () => {
    const rows = sampleRecords(Date.UTC(2026, 10, 23, 9)).map((r: any) => ({ survey_id: r.surveyId, answers: r.answers, started_at: r.startedAt }))
    const csatWeeks = scoresByWeek(config, rows).surveys['csat-order'].q1
    expect(csatWeeks).toHaveLength(6)
    const mean = (points: { score: number }[]) => points.reduce((a, p) => a + p.score, 0) / points.length
    expect(mean(csatWeeks.slice(4))).toBeGreaterThan(mean(csatWeeks.slice(0, 4)) + 15)
  })
})
