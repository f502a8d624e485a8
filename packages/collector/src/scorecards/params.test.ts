// The scorecards' query strings: defaults, trend steps, and a 400 with the reason for what cannot be read.
import { describe, expect, it } from 'vitest'
import { ParamError, scorecardRequest, textsQuery, trendSteps } from './params'
import { encodeCursor } from './query'

const now = new Date('2026-11-28T14:30:00Z')
const read = (qs: string) => scorecardRequest(new URLSearchParams(qs), now)

describe('the scorecards query string', () => {
  it('defaults to the last 28 days, today included, against the 28 before, a week per trend step', () => {
    const r = read('')
    expect(r.period).toEqual({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-29T00:00:00.000Z' })
    expect(r.baseline).toEqual({ from: '2026-10-04T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' })
    expect(r.trend).toHaveLength(4)
    expect(r.trend[0]).toEqual({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-08T00:00:00.000Z' })
    expect(r.trend[3]).toEqual({ from: '2026-11-22T00:00:00.000Z', to: '2026-11-29T00:00:00.000Z' })
    expect(r.filters).toEqual({})
  })

  it('reads a date as a whole day and compares a period with the same length just before it', () => {
    const r = read('from=2026-09-01&to=2026-09-30')
    expect(r.period).toEqual({ from: '2026-09-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' })
    expect(r.baseline).toEqual({ from: '2026-08-02T00:00:00.000Z', to: '2026-09-01T00:00:00.000Z' })
    // 30 days: weekly, the last step the two days left.
    expect(r.trend).toHaveLength(5)
    expect(r.trend[4]).toEqual({ from: '2026-09-29T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' })
  })

  it('steps by days up to 14 days', () => {
    const r = read('from=2026-11-22&to=2026-11-28')
    expect(r.trend).toHaveLength(7)
    expect(r.trend[6]).toEqual({ from: '2026-11-28T00:00:00.000Z', to: '2026-11-29T00:00:00.000Z' })
    expect(trendSteps(0, 14 * 86_400_000)).toHaveLength(14)
  })

  it('steps by weeks past 14 days, the last step cut at the end', () => {
    const r = read('from=2026-01-01&to=2026-03-31')
    expect(r.trend).toHaveLength(13)
    expect(r.trend[1]).toEqual({ from: '2026-01-08T00:00:00.000Z', to: '2026-01-15T00:00:00.000Z' })
    expect(r.trend[12]).toEqual({ from: '2026-03-26T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' })
    expect(trendSteps(0, 15 * 86_400_000)).toHaveLength(3)
    expect(trendSteps(0, 28 * 86_400_000)).toHaveLength(4)
  })

  it('takes a chosen baseline, times with zones widened to whole UTC days, and the filters', () => {
    const r = read(
      'from=2026-11-01T01:00:00%2B02:00&to=2026-11-08T10:00Z&baseline_from=2026-06-01&baseline_to=2026-06-30&touchpoint=checkout&owner=Payments&survey=s&lang=fi&path=/checkout/*&channel=web&unknown=1',
    )
    // 01:00+02:00 is 23:00 UTC the day before.
    expect(r.period).toEqual({ from: '2026-10-31T00:00:00.000Z', to: '2026-11-09T00:00:00.000Z' })
    expect(r.baseline).toEqual({ from: '2026-06-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' })
    expect(r.filters).toEqual({ touchpoint: 'checkout', owner: 'Payments', survey: 's', lang: 'fi', path: '/checkout/*', channel: 'web' })
  })

  it.each([
    ['from=yesterday', /from must be an ISO date/],
    ['from=2026-02-30', /not a real date/],
    ['to=2026-11-01T24:30Z', /not a real date/],
    ['from=2026-11-10&to=2026-11-01', /from must be before to/],
    ['from=2020-01-01&to=2026-01-01', /longer than 731 days/],
    ['baseline_from=2026-01-01', /both baseline_from and baseline_to/],
    ['baseline_from=2026-02-01&baseline_to=2026-01-01', /baseline_from must be before baseline_to/],
    ['touchpoint=' + 'x'.repeat(201), /touchpoint is longer/],
  ])('refuses %s with the reason', (qs, reason) => {
    expect(() => read(qs)).toThrow(ParamError)
    expect(() => read(qs)).toThrow(reason)
  })
})

describe('the open texts query string', () => {
  it('reads the filters, the search, the period and the page', () => {
    const cursor = encodeCursor(['2026-11-01T00:00:00.000Z', 'r', 'q'])
    expect(textsQuery(new URLSearchParams(`touchpoint=help&q=Älykäs&from=2026-11-01&to=2026-11-07&limit=20&cursor=${cursor}`))).toEqual({
      touchpoint: 'help',
      q: 'Älykäs',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-08T00:00:00.000Z',
      limit: 20,
      cursor,
    })
  })

  it.each([
    ['limit=0', /limit must be/],
    ['limit=2.5', /limit must be/],
    ['cursor=abc', /cursor/],
    ['from=soon', /from must be/],
  ])('refuses %s with the reason', (qs, reason) => {
    expect(() => textsQuery(new URLSearchParams(qs))).toThrow(reason)
  })
})
