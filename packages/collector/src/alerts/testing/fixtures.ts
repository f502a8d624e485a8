// A small Hetki config and hand-made stored responses for the alert tests.
import type { Config } from '../../../../sdk/src/pure/config/types'
import type { StoredResponse } from '../../server/contract'

export const config: Config = {
  surveys: [
    {
      id: 'checkout-csat',
      touchpoint: 'checkout',
      questions: [
        { id: 'csat', template: 'csat' },
        { id: 'goal', template: 'goal' },
        {
          id: 'feeling',
          type: 'emotion',
          options: [
            { id: 'annoyed', label: 'annoyed', weight: -40 },
            { id: 'meh', label: 'meh', weight: -5 },
            { id: 'fine', label: 'fine', weight: 30 },
          ],
        },
        { id: 'why', type: 'text', text: { en: 'What went wrong?', fi: 'Mikä meni pieleen?' } },
      ],
    },
    { id: 'help-nps', touchpoint: 'help', questions: [{ id: 'nps', template: 'nps' }] },
  ],
  touchpoints: [
    { id: 'checkout', name: 'Checkout', owner: 'Payments team' },
    { id: 'help', name: 'Help centre', owner: 'Support' },
  ],
}

let n = 0
/** A stored response at checkout (CSAT 1 unless answers say otherwise), completed, not a preview. */
export function response(over: Partial<StoredResponse> = {}): StoredResponse {
  const at = over.startedAt ?? '2026-11-28T10:00:00.000Z'
  return {
    id: `r-${++n}-${Math.random().toString(36).slice(2, 8)}`,
    surveyId: 'checkout-csat',
    touchpoint: 'checkout',
    owner: 'Payments team',
    completed: true,
    answers: { csat: 1 },
    trail: [
      { event: 'cart.viewed', at, touchpoint: 'checkout' },
      { event: 'payment.failed', at, touchpoint: 'checkout' },
    ],
    lang: 'en',
    path: '/checkout',
    userId: null,
    preview: false,
    startedAt: at,
    updatedAt: at,
    receivedAt: at,
    ...over,
  }
}
