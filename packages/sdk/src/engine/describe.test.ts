import { describe as group, expect, it } from 'vitest'
import type { Config, Survey } from '../pure/config/types'
import { describe } from './describe'

const survey = { id: 'csat', touchpoint: 'checkout', questions: [] } as unknown as Survey
const base: Config = { surveys: [survey] }

group('what a record says about its origin', () => {
  it('sends the path only, and no user id, unless the config asks', () => {
    history.replaceState(null, '', '/order/42?email=a%40b.fi#done')
    const about = describe(base, survey, 'resp', 'fi', [], 'user-7')
    expect(about).toEqual({ surveyId: 'csat', responseId: 'resp', lang: 'fi', path: '/order/42', trail: [] })
    const opted = describe({ ...base, delivery: { fullUrl: true, userId: true } }, survey, 'resp', 'fi', [], 'user-7')
    expect(opted).toMatchObject({ url: location.href, userId: 'user-7' })
    expect(opted.url).toContain('?email=')
  })

  it('names the touchpoint and its owner when the config defines it', () => {
    const config = { ...base, touchpoints: [{ id: 'checkout', name: 'Checkout', owner: 'web-shop team' }] } as Config
    expect(describe(config, survey, 'r', 'en', []).touchpoint).toEqual({ id: 'checkout', owner: 'web-shop team' })
    expect(describe(base, survey, 'r', 'en', []).touchpoint).toBeUndefined()
  })

  it('keeps trail steps the wire can carry: props JSON cannot write are dropped, huge names cut', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    const at = '2024-01-01T00:00:00.000Z'
    const trail = [
      { event: 'ok', at, props: { plan: 'pro' } },
      { event: 'cycle', at, props: { plan: cyclic } },
      { event: 'big', at, props: { n: BigInt(1) } },
      { event: 'x'.repeat(1e6), at },
    ]
    expect(describe(base, survey, 'r', 'en', trail).trail).toEqual([
      { event: 'ok', at, props: { plan: 'pro' } },
      { event: 'cycle', at },
      { event: 'big', at },
      { event: 'x'.repeat(200), at },
    ])
  })
})
