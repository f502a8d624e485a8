// What the collector's tests send: a small Hetki config with two owners, and records of wire
// format v1 built the way the SDK builds them.
import type { Config } from '../../sdk/src/pure/config/types'

export const config: Config = {
  endpoint: '/collect',
  touchpoints: [
    { id: 'checkout', name: 'Checkout', owner: 'Web shop team' },
    { id: 'help', name: 'Help centre', owner: 'Support' },
  ],
  surveys: [
    {
      id: 'csat',
      touchpoint: 'checkout',
      questions: [
        { id: 'q1', type: 'rating', scale: 5, text: 'How satisfied are you?' },
        { id: 'why', type: 'text', maxLength: 20, text: 'Why?' },
        {
          id: 'pick',
          type: 'choice',
          options: [
            { id: 'a', label: 'A' },
            { id: 'b', label: 'B' },
          ],
          other: true,
          text: 'Which?',
        },
        {
          id: 'tags',
          type: 'choice',
          multiple: true,
          options: [
            { id: 'x', label: 'X' },
            { id: 'y', label: 'Y' },
          ],
          text: 'Tags?',
        },
      ],
    },
    {
      id: 'goal-help',
      touchpoint: 'help',
      questions: [
        { id: 'goal', template: 'goal' },
        { id: 'feeling', template: 'feeling' },
        { id: 'nps', template: 'nps' },
      ],
    },
  ],
}

/** A 21-character id like the SDK's nanoids, from a short name. */
export const rid = (name: string) => (name + '_'.repeat(21)).slice(0, 21)

const TP = { csat: { id: 'checkout', owner: 'Web shop team' }, 'goal-help': { id: 'help', owner: 'Support' } } as Record<string, { id: string; owner: string }>

export function response(name: string, answers: Record<string, unknown>, more: Record<string, unknown> = {}) {
  const surveyId = (more.surveyId as string) ?? 'csat'
  return {
    id: rid(name),
    kind: 'response',
    surveyId,
    responseId: rid(name),
    touchpoint: TP[surveyId],
    lang: 'en',
    path: '/order/complete',
    trail: [
      { event: 'page.viewed', at: '2026-11-20T10:00:00.000Z', touchpoint: 'checkout' },
      { event: 'payment.failed', at: '2026-11-20T10:00:01.000Z', touchpoint: 'payment' },
      { event: 'page.viewed', at: '2026-11-20T10:00:02.000Z', touchpoint: 'checkout' },
    ],
    answers,
    completed: true,
    startedAt: '2026-11-20T10:00:03.000Z',
    updatedAt: '2026-11-20T10:00:05.000Z',
    ...more,
  }
}

export function moment(name: string, kind: 'shown' | 'dismissed', more: Record<string, unknown> = {}) {
  const surveyId = (more.surveyId as string) ?? 'csat'
  return {
    id: rid(name),
    kind,
    surveyId,
    responseId: rid((more.of as string) ?? name),
    touchpoint: TP[surveyId],
    lang: 'en',
    path: '/order/complete',
    trail: [{ event: 'order.completed', at: '2026-11-20T10:00:00.000Z', touchpoint: 'checkout' }],
    at: '2026-11-20T10:00:03.000Z',
    ...Object.fromEntries(Object.entries(more).filter(([k]) => k !== 'of')),
  }
}

export const envelope = (records: object[], dropped?: number) => ({ v: 1, sentAt: '2026-11-20T10:00:06.000Z', records, ...(dropped ? { dropped } : {}) })

/** A diagnostics record (wire kind "diagnostics") as the SDK's engine sends it: counts by survey, no ids but its own. */
export function diagnostics(name: string, surveys: Record<string, object>, more: Record<string, unknown> = {}) {
  return { id: rid(name), kind: 'diagnostics', at: '2026-11-20T00:00:00.000Z', sample: 1, surveys, ...more }
}
