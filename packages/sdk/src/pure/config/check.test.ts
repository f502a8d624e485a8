import { describe, expect, it } from 'vitest'
import { checkConfig } from './check'

const q = [{ id: 'q1', type: 'rating', text: 'How was it?' }]
const survey = (extra: object) => ({ surveys: [{ id: 's', questions: q, ...extra }] })

describe('the structural check', () => {
  it('accepts the pinned core config and a config using every rule field', () => {
    expect(
      checkConfig({
        endpoint: '/collect',
        surveys: [
          {
            id: 'csat-order',
            trigger: { event: 'order.completed' },
            questions: [{ id: 'q1', type: 'rating', scale: 5, text: 'How satisfied are you with your order?' }],
          },
        ],
      }),
    ).toBeUndefined()
    expect(
      checkConfig({
        touchpoints: [{ id: 'pay', name: 'Payment', owner: 'Payments', stage: 'buy', channel: 'web' }],
        sources: { pageViews: true },
        surveys: [
          {
            id: 's',
            touchpoint: 'pay',
            priority: 2,
            delay: '5s',
            trigger: {
              event: 'payment.failed',
              where: { method: 'card' },
              count: 2,
              within: '30m',
              after: { event: 'a', within: '1h' },
              unless: { event: 'b' },
            },
            audience: { urls: ['/fi/*'], sample: 0.5, lang: ['fi'] },
            questions: q,
          },
        ],
      }),
    ).toBeUndefined()
  })

  it.each([
    [null, 'the config must be a JSON object'],
    [[], 'the config must be a JSON object'],
    [{}, 'surveys must be an array'],
    [{ endpoint: 5, surveys: [] }, 'endpoint must be a string'],
    [{ surveys: [{ id: '', questions: q }] }, 'surveys[0].id must be a non-empty string used once'],
    [
      {
        surveys: [
          { id: 'a', questions: q },
          { id: 'a', questions: q },
        ],
      },
      'surveys[1].id must be a non-empty string used once',
    ],
    [survey({ trigger: {} }), 'surveys[0].trigger.event must be a non-empty string'],
    [survey({ trigger: { event: 'a', count: 0 } }), 'surveys[0].trigger.count must be a whole number above 0'],
    [survey({ trigger: { event: 'a', within: 'soon' } }), 'surveys[0].trigger.within must be a duration such as "30m"'],
    [survey({ trigger: { event: 'a', unless: { event: 'b', within: '3 weeks' } } }), 'surveys[0].trigger.unless must be { "event": …, "within": "30m" }'],
    [survey({ delay: -1 }), 'surveys[0].delay must be a duration such as "30m"'],
    [survey({ audience: { sample: 25 } }), 'surveys[0].audience must be an object, its sample a share from 0 to 1'],
    [survey({ touchpoint: 'nowhere' }), 'surveys[0].touchpoint must be the id of one of the touchpoints'],
    [survey({ audience: { urls: '/checkout*' } }), 'surveys[0].audience.urls must be a list of texts'],
    [survey({ audience: { lang: ['fi', 5] } }), 'surveys[0].audience.lang must be a list of texts'],
    [{ widgetUrl: 42, surveys: [] }, 'widgetUrl must be a URL'],
    [{ touchpoints: [{ name: 'x' }], surveys: [] }, 'touchpoints[0].id must be a non-empty string'],
    [survey({ questions: [] }), 'surveys[0].questions must be a non-empty array'],
    [survey({ questions: [{ id: 'q', type: 'rating', text: 'x', scale: 20 }] }), 'surveys[0].questions[0].scale must be a whole number from 2 to 11'],
  ])('refuses %j: %s', (config, message) => {
    expect(checkConfig(config)).toBe(message)
  })
})
