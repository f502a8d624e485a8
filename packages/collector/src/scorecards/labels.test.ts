import { describe, expect, it } from 'vitest'
import { names } from './labels'

describe('names', () => {
  const config = { surveys: [], touchpoints: [{ id: 'checkout', name: 'Checkout', owner: 'Payments team' }, { id: 'faq' }] }

  it('names events by the server labels, the code name only as a fallback', () => {
    const n = names(config, { 'payment.failed': 'Payment failed' })
    expect(n.event('payment.failed')).toBe('Payment failed')
    expect(n.event('help.article_read')).toBe('help.article_read')
    // Not fooled by names that are properties of every object.
    expect(n.event('constructor')).toBe('constructor')
  })

  it('names touchpoints by label, then their config name, then the id; and finds their owner', () => {
    expect(names(config, { checkout: 'Kassa' }).touchpoint('checkout')).toBe('Kassa')
    const n = names(config, {})
    expect(n.touchpoint('checkout')).toBe('Checkout')
    expect(n.touchpoint('faq')).toBe('faq')
    expect(n.touchpoint('unknown')).toBe('unknown')
    expect(n.touchpoint(null)).toBe('No touchpoint')
    expect(n.owner('checkout')).toBe('Payments team')
    expect([n.owner('faq'), n.owner('unknown'), n.owner(null)]).toEqual([null, null, null])
  })
})
