import { describe, expect, it } from 'vitest'
import { alertMessage, reasonOf } from './message'
import { htmlOf, slackOf, teamsOf, textOf } from './render'
import { config, response } from './testing/fixtures'

const rule = { id: 'csat-checkout', touchpoint: 'checkout', metric: 'csat' as const, atMost: 2 }
const message = (answers: Record<string, unknown>) =>
  alertMessage({
    key: 'k1',
    rule,
    hit: { question: 'csat', metric: 'csat', value: answers.csat as number },
    response: { ...response({ answers }), id: 'resp-1' },
    config,
    server: { labels: { 'payment.failed': 'Payment failed' } },
    publicUrl: 'https://collector.example/',
  })

describe('the alert message', () => {
  it('says the answer in words, the question, the follow-ups, the journey and the link', () => {
    const m = message({ csat: 1, goal: false, feeling: { id: 'annoyed' }, why: 'Card was refused' })
    expect(m.touchpoint).toEqual({ id: 'checkout', name: 'Checkout', owner: 'Payments team' })
    expect(m.answer).toEqual({ question: 'csat', text: 'How satisfied are you?', answer: 'CSAT 1 of 5' })
    expect(m.followUps.map((a) => a.answer)).toEqual(['Goal not reached', 'Feeling: Annoyed (−40)', 'Card was refused'])
    expect(m.followUps[2]!.text).toBe('What went wrong?')
    expect(m.trail.map((s) => s.label)).toEqual(['cart.viewed', 'Payment failed'])
    expect(m.link).toBe('https://collector.example/app/#response=resp-1')
    expect(textOf(m)).toContain('Journey before it: cart.viewed → Payment failed')
  })

  it('escapes what the customer typed in HTML, Slack and Teams', () => {
    const m = message({ csat: 2, why: '<img src=x onerror=alert(1)> & <b>' })
    expect(htmlOf(m)).not.toContain('<img')
    expect(htmlOf(m)).toContain('&#60;img src=x onerror=alert(1)&#62; &#38; &#60;b&#62;')
    const slack = JSON.stringify(slackOf(m))
    expect(slack).not.toContain('<img')
    expect(slack).toContain('&lt;img')
    expect(JSON.stringify(teamsOf(m))).not.toContain('<img')
  })

  it('names rules in words', () => {
    expect(reasonOf(rule)).toBe('CSAT ≤ 2')
    expect(reasonOf({ id: 'g', metric: 'goal', atMost: 0 })).toBe('Goal not reached')
    expect(reasonOf({ id: 'e', metric: 'emotion', below: 0 })).toBe('A negative feeling')
    expect(reasonOf({ id: 's', metric: 'csat', atMost: 2, count: 3, within: '1h' })).toBe('3 within 1h: CSAT ≤ 2')
  })
})
