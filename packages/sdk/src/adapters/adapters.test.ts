import { describe, expect, it, vi } from 'vitest'
import type { Envelope, WireRecord } from '../contracts/record'
import { dataLayer } from './datalayer'
import { posthog } from './posthog'
import { segment } from './segment'
import { webhook } from './webhook'

const common = { surveyId: 'csat', responseId: 'R', lang: 'en', path: '/checkout', trail: [], touchpoint: { id: 'checkout', owner: 'shop team' } }
const records: WireRecord[] = [
  { ...common, id: 'S', kind: 'shown', at: '2026-01-01T00:00:00.000Z' },
  { ...common, id: 'R', kind: 'response', answers: { q1: 4 }, completed: false, startedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:05.000Z' },
]
const envelope: Envelope = { v: 1, sentAt: '2026-01-01T00:00:06.000Z', records }

describe('transport adapters', () => {
  it('webhook: posts the envelope with your headers, and passes Retry-After on', async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response('', { status: 503, headers: { 'retry-after': '30' } }))
    vi.stubGlobal('fetch', fetch)
    try {
      const reply = await webhook({ url: 'https://hooks.example.com/h', headers: { authorization: 'Bearer k' } })(envelope)
      expect(reply).toEqual([503, 30_000])
      const [url, init] = fetch.mock.calls[0]!
      expect(url).toBe('https://hooks.example.com/h')
      expect(init.headers).toMatchObject({ authorization: 'Bearer k', 'content-type': 'application/json' })
      expect(JSON.parse(init.body as string)).toEqual(envelope)
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('PostHog: survey events with the submission id, so partial answers update one submission', async () => {
    const capture = vi.fn()
    expect(await posthog({ capture })(envelope)).toBe(true)
    expect(capture.mock.calls.map(([name]) => name)).toEqual(['survey shown', 'survey sent'])
    expect(capture.mock.calls[1]![1]).toMatchObject({
      $survey_id: 'csat',
      $survey_submission_id: 'R',
      $survey_response_q1: 4,
      $survey_completed: false,
      hetki_record_id: 'R',
      touchpoint_owner: 'shop team',
    })
  })

  it('PostHog and Segment: records wait in the outbox while the tool has not loaded', async () => {
    expect(await posthog()(envelope)).toBe(false)
    expect(await segment()(envelope)).toBe(false)
  })

  it('Segment: track calls named for people reading a dashboard', async () => {
    const track = vi.fn()
    await segment({ track })(envelope)
    expect(track.mock.calls.map(([name]) => name)).toEqual(['Survey Shown', 'Survey Responded'])
    expect(track.mock.calls[1]![1]).toMatchObject({ survey_id: 'csat', answer_q1: 4, completed: false })
  })

  it('dataLayer: one push per record, creating the array if the page has none', async () => {
    const w = globalThis as unknown as { myLayer?: { event: string }[] }
    delete w.myLayer
    await dataLayer('myLayer')(envelope)
    expect(w.myLayer!.map((e) => e.event)).toEqual(['hetki.shown', 'hetki.response'])
  })
})
