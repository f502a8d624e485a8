import { describe, expect, it } from 'vitest'
import type { Config } from '../../../sdk/src/pure/config/types'
import { computeDiagnostics } from './compute'
import { stageOf } from './contract'

const config: Config = {
  endpoint: '/collect',
  pacing: { cooldownDays: 14, maxPerSession: 1, maxPer: { surveys: 2, days: 30 } },
  touchpoints: [{ id: 'checkout', name: 'Web shop checkout', owner: 'Web shop team' }],
  surveys: [
    {
      id: 'csat',
      touchpoint: 'checkout',
      trigger: { event: 'buy', where: { plan: 'fixed' } },
      audience: { sample: 0.2, urls: ['/order/*', '/cart'] },
      pacing: { snoozeDays: 3 },
      questions: [],
    },
    { id: 'quiet', questions: [] },
  ],
}
const period = { from: '2026-11-01T00:00:00.000Z', to: '2026-11-29T00:00:00.000Z' }
const counts = (survey: string, outcomes: Record<string, number>, sample = 1) =>
  Object.entries(outcomes).map(([outcome, count]) => ({ survey, outcome, count, estimated: count / sample }))

describe('the "why not shown" funnel', () => {
  it('loses each outcome at its stage, names the biggest loss with the config’s numbers, and estimates all devices from the sample', () => {
    const d = computeDiagnostics(config, period, {
      counts: counts(
        'csat',
        { shown: 10, where: 5, urls: 15, sample: 20, cooldown: 124, maxPerSession: 6, priority: 2, claim: 8, page: 4, target: 1, spacing: 5 },
        0.5,
      ),
      devices: [{ survey: 'csat', devices: 150 }],
      samples: [{ survey: 'csat', sample: 0.5 }],
    })
    expect(d.surveys).toHaveLength(1)
    const s = d.surveys[0]!
    expect(s).toMatchObject({
      survey: 'csat',
      touchpoint: 'checkout',
      touchpointName: 'Web shop checkout',
      owner: 'Web shop team',
      devices: 150,
      triggered: 200,
      estimatedTriggered: 400,
      samples: [0.5],
    })
    expect(s.funnel.map((f) => [f.stage, f.count, f.lost])).toEqual([
      ['triggered', 200, 0],
      ['audience', 180, 20],
      ['sample', 160, 20],
      // cooldown 124 + maxPerSession 6 + priority 2 + spacing 5 (a code the collector does not know is a pacing reason)
      ['pacing', 23, 137],
      ['claim', 11, 12],
      ['shown', 10, 1],
    ])
    expect(s.funnel[3]!.reasons.map((r) => [r.reason, r.label, r.share])).toEqual([
      ['cooldown', 'the 14-day cooldown between surveys', 62],
      ['maxPerSession', 'the limit of 1 survey per session', 3],
      ['spacing', 'the spacing after another survey', 2.5],
      ['priority', 'another survey with priority on the same event', 1],
    ])
    expect(s.funnel[1]!.reasons.map((r) => r.label)).toEqual(['the audience’s pages (/order/*, /cart)', 'the trigger’s property conditions (on plan)'])
    expect(s.funnel[2]!.reasons[0]!.label).toBe('the survey’s 20 % audience sample')
    expect(s.biggestLoss).toMatchObject({ stage: 'pacing', reason: 'cooldown', count: 124, share: 62 })
    // 150 devices: 62 % is known to about ±8 points.
    expect(s.biggestLoss!.low).toBeGreaterThan(53)
    expect(s.biggestLoss!.high).toBeLessThan(70)
    expect(s.enough).toBe(true)
  })

  it('says a handful of devices is too few to read, however many triggers they sent', () => {
    const d = computeDiagnostics(config, period, {
      counts: counts('csat', { shown: 2, cooldown: 400 }),
      devices: [{ survey: 'csat', devices: 3 }],
      samples: [],
    })
    expect(d.surveys[0]).toMatchObject({ triggered: 402, devices: 3, enough: false, biggestLoss: { reason: 'cooldown' } })
  })

  it('orders surveys as the config does, then those it does not name; a survey that always shows has no biggest loss', () => {
    const d = computeDiagnostics(config, period, {
      counts: [...counts('zzz', { shown: 1 }), ...counts('quiet', { shown: 500 }), ...counts('csat', { urls: 1 })],
      devices: [{ survey: 'quiet', devices: 400 }],
      samples: [],
    })
    expect(d.surveys.map((s) => s.survey)).toEqual(['csat', 'quiet', 'zzz'])
    expect(d.surveys[1]).toMatchObject({ biggestLoss: null, enough: true, touchpoint: null })
    expect(d.surveys[1]!.funnel.at(-1)).toMatchObject({ stage: 'shown', count: 500, share: 100 })
  })

  it('every known outcome has a stage, and shown has none', () => {
    expect(
      ['where', 'unless', 'urls', 'user', 'until', 'sample', 'priority', 'cooldown', 'group', 'claim', 'prompt', 'page', 'reset', 'target', 'error'].map(
        stageOf,
      ),
    ).toEqual([
      'audience',
      'audience',
      'audience',
      'audience',
      'audience',
      'sample',
      'pacing',
      'pacing',
      'pacing',
      'claim',
      'claim',
      'claim',
      'claim',
      'shown',
      'shown',
    ])
    expect(stageOf('shown')).toBeUndefined()
  })
})
