// Realistic traffic for the collector's benchmark, from a seeded generator (same records every run):
// a Hetki config with six touchpoints and their owners, prompts that are shown and then answered
// (most completely, some partly), dismissed or ignored, with journey trails of 2–6 events and answers
// of every metric plus open text. The same prompts become wire records (envelopes for POST /collect,
// docs/delivery.md) or, for filling a database fast, the table rows the ingest derives from them.

import feelings from '../../packages/sdk/src/pure/config/feelings.json' with { type: 'json' }
import { random } from '../../packages/sdk/src/pure/simulate/random.mjs'

/** The config the bench's collector serves. */
export const benchConfig = {
  endpoint: '/collect',
  touchpoints: [
    { id: 'search', name: 'Search', owner: 'Discovery team', stage: 'discover', channel: 'web', events: ['search.performed', 'search.no_results'] },
    { id: 'product', name: 'Product page', owner: 'Discovery team', stage: 'discover', channel: 'web', events: ['product.viewed'] },
    {
      id: 'checkout',
      name: 'Checkout',
      owner: 'Payments team',
      stage: 'buy',
      channel: 'web',
      events: ['payment.failed', 'order.completed', 'coupon.rejected'],
    },
    { id: 'delivery', name: 'Delivery', owner: 'Logistics', stage: 'receive', channel: 'email', events: ['delivery.late', 'delivery.arrived'] },
    { id: 'help', name: 'Help centre', owner: 'Support', stage: 'get help', channel: 'web', events: ['help.article_read', 'chat.started'] },
    { id: 'app', name: 'Mobile app', owner: 'App team', stage: 'use', channel: 'app', events: ['app.crash', 'app.opened'] },
  ],
  surveys: [
    {
      id: 'csat-checkout',
      touchpoint: 'checkout',
      trigger: { event: 'order.completed' },
      questions: [
        { id: 'csat', type: 'rating', scale: 5, text: 'How satisfied are you with checkout?' },
        { id: 'goal', type: 'yesno', text: 'Did you get done what you came for?' },
        { id: 'why', type: 'text', text: 'What could be better?' },
      ],
    },
    {
      id: 'nps-help',
      touchpoint: 'help',
      trigger: { event: 'help.article_read' },
      questions: [
        { id: 'nps', type: 'rating', from: 0, scale: 10, text: 'How likely are you to recommend us?' },
        { id: 'feeling', type: 'emotion', text: 'How do you feel?' },
        { id: 'why', type: 'text', text: 'Why?' },
      ],
    },
    {
      id: 'ces-delivery',
      touchpoint: 'delivery',
      trigger: { event: 'delivery.arrived' },
      questions: [
        { id: 'effort', type: 'rating', from: 1, scale: 7, text: 'Receiving my order was easy.' },
        { id: 'why', type: 'text', text: 'Anything to add?' },
      ],
    },
    {
      id: 'csat-search',
      touchpoint: 'search',
      trigger: { event: 'search.performed' },
      questions: [
        { id: 'csat', type: 'rating', scale: 5, text: 'Did search find what you wanted?' },
        { id: 'goal', type: 'yesno', text: 'Did you find it?' },
      ],
    },
    {
      id: 'csat-app',
      touchpoint: 'app',
      trigger: { event: 'app.opened' },
      questions: [
        { id: 'csat', type: 'rating', scale: 5, text: 'How do you like the app?' },
        { id: 'feeling', type: 'emotion', text: 'How do you feel?' },
      ],
    },
  ],
}

const TEXTS = [
  'Payment failed twice before it went through',
  'Fast and easy',
  'Could not find the return policy',
  'Delivery was two days late',
  'The app crashed when I opened my orders',
  'Great service, thank you',
  'Too many steps to pay',
  'Löysin vastauksen nopeasti',
  'Sidan laddade långsamt',
]
const PATHS = { search: '/search', product: '/product/123', checkout: '/checkout/done', delivery: '/orders/track', help: '/help/returns', app: '/app/home' }
const LANGS = ['en', 'fi', 'sv']

/** A seeded generator (mulberry32, the simulator's): the same sequence every run. */
export { random }

const pick = (rnd, list) => list[Math.floor(rnd() * list.length)]
const tpOf = (id) => benchConfig.touchpoints.find((t) => t.id === id)
const iso = (ms) => new Date(ms).toISOString()

/** A rating that leans low after a bad event (so root cause has something to find). */
function rating(rnd, from, to, bad) {
  const span = to - from
  const x = bad ? rnd() * 0.6 : 0.3 + rnd() * 0.7
  return from + Math.min(span, Math.floor(x * (span + 1)))
}

/**
 * One prompt's wire records: `shown`, then maybe a `response` (partial or complete) and/or a
 * `dismissed`. `id` makes every record id unique; `at` is when the prompt showed (ms).
 */
export function promptRecords(rnd, id, at, { withUser = true } = {}) {
  const survey = pick(rnd, benchConfig.surveys)
  const tp = tpOf(survey.touchpoint)
  const other = pick(rnd, benchConfig.touchpoints)
  const steps = 2 + Math.floor(rnd() * 5)
  const trail = []
  let bad = false
  for (let i = 0; i < steps; i++) {
    const where = i === steps - 1 ? tp : rnd() < 0.6 ? tp : other
    const event = i === steps - 1 && survey.trigger ? survey.trigger.event : pick(rnd, where.events)
    if (/failed|late|crash|no_results|rejected/.test(event)) bad = true
    trail.push({ event, at: iso(at - (steps - i) * 15_000), touchpoint: where.id })
  }
  const common = {
    surveyId: survey.id,
    responseId: id,
    touchpoint: { id: tp.id, owner: tp.owner },
    lang: pick(rnd, LANGS),
    path: PATHS[tp.id],
    trail,
    ...(withUser ? { userId: 'u' + Math.floor(rnd() * 20_000) } : {}),
  }
  const records = [{ ...common, id: id + '-s', kind: 'shown', at: iso(at) }]
  const fate = rnd()
  if (fate < 0.7) {
    const answers = {}
    const count = fate < 0.6 ? survey.questions.length : 1 // 6 in 7 complete, the rest partial
    for (const q of survey.questions.slice(0, count)) {
      if (q.type === 'rating') answers[q.id] = rating(rnd, q.from ?? 1, q.scale, bad)
      else if (q.type === 'yesno') answers[q.id] = bad ? rnd() < 0.3 : rnd() < 0.85
      else if (q.type === 'emotion') {
        const { id, weight } = feelings[rating(rnd, 0, 4, bad)]
        answers[q.id] = { id, weight }
      } else if (rnd() < 0.5) answers[q.id] = pick(rnd, TEXTS)
    }
    records.push({ ...common, id, kind: 'response', answers, completed: count === survey.questions.length, startedAt: iso(at), updatedAt: iso(at + 20_000) })
    if (count < survey.questions.length && rnd() < 0.5) records.push({ ...common, id: id + '-d', kind: 'dismissed', at: iso(at + 25_000) })
  } else if (fate < 0.82) records.push({ ...common, id: id + '-d', kind: 'dismissed', at: iso(at + 5_000) })
  return records
}

/** A v1 envelope (docs/delivery.md). */
export const envelope = (records) => ({ v: 1, sentAt: new Date().toISOString(), records })

// ------------------------------------------------------------------ rows, as the ingest derives them

const METRIC = { csat: 'csat', nps: 'nps', effort: 'ces', goal: 'goal', feeling: 'emotion' }

/**
 * The rows the ingest stores for wire records (responses, moments, answers, trail_events), derived
 * the same way: one answers row per answered question with its metric and value (config/metrics.ts:
 * the rating, 1/0 for yes/no, the feeling's configured weight), distinct trail events per record.
 */
export function rowsOf(records, receivedAt) {
  const out = { responses: [], moments: [], answers: [], trail_events: [] }
  for (const r of records) {
    const base = { survey_id: r.surveyId, touchpoint: r.touchpoint.id, owner: r.touchpoint.owner, lang: r.lang, path: r.path, preview: 0 }
    const time = r.kind === 'response' ? r.startedAt : r.at
    if (r.kind === 'response') {
      out.responses.push({
        ...base,
        id: r.id,
        completed: r.completed ? 1 : 0,
        answers: JSON.stringify(r.answers),
        url: null,
        user_id: r.userId ?? null,
        trail: JSON.stringify(r.trail),
        started_at: r.startedAt,
        updated_at: r.updatedAt,
        received_at: receivedAt,
        deliveries: 1,
      })
      for (const [q, v] of Object.entries(r.answers)) {
        const metric = METRIC[q] ?? null
        const value = metric === null ? null : typeof v === 'boolean' ? (v ? 1 : 0) : typeof v === 'object' ? v.weight : v
        out.answers.push({ ...base, response_id: r.id, question_id: q, metric, value, text: typeof v === 'string' ? v : null, at: r.startedAt })
      }
    } else {
      out.moments.push({
        ...base,
        id: r.id,
        kind: r.kind,
        response_id: r.responseId,
        user_id: r.userId ?? null,
        trail: JSON.stringify(r.trail),
        at: r.at,
        received_at: receivedAt,
        deliveries: 1,
      })
    }
    if (r.kind !== 'dismissed') {
      const seen = new Set()
      for (const s of r.trail) {
        if (seen.has(s.event)) continue
        seen.add(s.event)
        out.trail_events.push({
          record_id: r.id,
          response_id: r.responseId,
          kind: r.kind,
          event: s.event,
          touchpoint: s.touchpoint ?? null,
          survey_id: r.surveyId,
          at: time,
          preview: 0,
        })
      }
    }
  }
  return out
}
