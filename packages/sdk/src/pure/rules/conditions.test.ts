import { afterEach, describe, expect, it } from 'vitest'
import { unmet } from './conditions'

describe('conditions in a page whose old library polluted Object.prototype', () => {
  afterEach(() => {
    delete (Object.prototype as any).extend
    delete (Object.prototype as any).junk
  })

  it('read only the condition’s own keys', () => {
    ;(Object.prototype as any).extend = function () {}
    ;(Object.prototype as any).junk = 'x'
    expect(unmet({ plan: 'pro', n: 3 }, { plan: 'pro', n: { gte: 2 } })).toBeUndefined()
    expect(unmet({ plan: 'free', n: 3 }, { plan: 'pro', n: { gte: 2 } })).toBe('plan')
    expect(unmet({}, undefined)).toBeUndefined()
  })
})
