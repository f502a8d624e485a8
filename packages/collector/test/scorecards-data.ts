// A small, hand-checkable data set for the scorecards' queries, written straight into the tables as
// the ingest derives them from wire records (docs/delivery.md):
//  - a `shown` record → a moments row (kind 'shown', id `<prompt>-s`, response_id = the prompt);
//  - a `dismissed` record → a moments row (kind 'dismissed', id `<prompt>-d`);
//  - a `response` record (id = responseId = the prompt) → a responses row, plus one answers row per
//    answered question (metric and value from config/metrics.ts, `at` = the response's startedAt,
//    the response's touchpoint, owner, lang, path and preview copied);
//  - each record's trail → one trail_events row per distinct event (record_id = the record's id,
//    kind 'response' or 'shown', touchpoint = the step's label, at = the record's time);
//  - then the score flags of responses and their trail rows, by the ingest's own markScores.
// The comments beside each prompt say what it must count as; query.test.ts asserts those counts.
import type { Kysely } from 'kysely'
import type { Config } from '../../sdk/src/pure/config/types'
import type { Database } from '../src/db/schema'
import { markScores } from '../src/ingest/scores'

export const config: Config = {
  touchpoints: [
    { id: 'checkout', name: 'Checkout', owner: 'Payments', stage: 'buy', channel: 'web' },
    { id: 'help', name: 'Help centre', owner: 'Support', stage: 'get help', channel: 'web' },
    { id: 'store', name: 'Store till', owner: 'Payments', stage: 'buy', channel: 'store' },
  ],
  surveys: [
    {
      id: 'csat-checkout',
      touchpoint: 'checkout',
      questions: [
        { id: 'csat', type: 'rating', scale: 5, text: 'How satisfied are you?' },
        { id: 'goal', type: 'yesno', text: 'Did you get done what you came for?' },
        { id: 'comment', type: 'text', text: 'Anything to add?' },
      ],
    },
    {
      id: 'nps-help',
      touchpoint: 'help',
      questions: [
        { id: 'nps', type: 'rating', from: 0, scale: 10, text: 'How likely are you to recommend us?' },
        { id: 'feeling', type: 'emotion', text: 'How do you feel?' },
        { id: 'comment', type: 'text', text: 'Why?' },
      ],
    },
    { id: 'ces-store', touchpoint: 'store', questions: [{ id: 'effort', type: 'rating', from: 1, scale: 7, text: 'It was easy.' }] },
    { id: 'general', questions: [{ id: 'csat', type: 'rating', scale: 5, text: 'How satisfied are you?' }] },
  ],
} as Config

/** An answer as the ingest derives it: [metric, value, text]. */
type Answer = [metric: string | null, value: number | null, text: string | null]

export interface Prompt {
  id: string
  survey: string
  at: string
  shown?: boolean
  dismissed?: boolean
  response?: { completed: boolean; answers: Record<string, Answer> }
  preview?: boolean
  lang?: string
  path?: string
  user?: string
  /** [event, the touchpoint the trail labels it with]. */
  trail?: [string, string | null][]
}

const touchpointOf = (survey: string) => config.surveys.find((s) => s.id === survey)?.touchpoint ?? null
const ownerOf = (tp: string | null) => config.touchpoints?.find((t) => t.id === tp)?.owner ?? null
const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString()

const csat = (v: number): Answer => ['csat', v, null]
const goal = (yes: boolean): Answer => ['goal', yes ? 1 : 0, null]
const text = (t: string): Answer => [null, null, t]

// The current period is 2026-11-01 … 2026-11-08 (a day per trend step), the baseline the 7 days
// before. Checkout prompts in the current period: completed p1 p2 p7, partial p3 p5, dismissed p4,
// ignored p6 p9; p8 is a preview (left out everywhere).
export const prompts: Prompt[] = [
  // checkout, current period
  {
    id: 'p1',
    survey: 'csat-checkout',
    at: '2026-11-01T10:00:00.000Z',
    shown: true,
    lang: 'fi',
    path: '/checkout/done',
    user: 'u1',
    response: { completed: true, answers: { csat: csat(5), goal: goal(true), comment: text('Smooth and fast, 10 out of 10') } },
    trail: [['page.view', 'checkout']],
  },
  {
    id: 'p2',
    survey: 'csat-checkout',
    at: '2026-11-01T12:00:00.000Z',
    shown: true,
    lang: 'en',
    path: '/checkout/done',
    user: 'u1',
    response: { completed: true, answers: { csat: csat(2), goal: goal(false), comment: text('Payment failed twice') } },
    trail: [
      ['payment.failed', 'checkout'],
      ['page.view', 'checkout'],
    ],
  },
  {
    id: 'p3',
    survey: 'csat-checkout',
    at: '2026-11-02T09:00:00.000Z',
    shown: true,
    lang: 'fi',
    path: '/Checkout/pay',
    user: 'u2',
    response: { completed: false, answers: { csat: csat(1) } },
    trail: [['payment.failed', 'checkout']],
  },
  {
    id: 'p4',
    survey: 'csat-checkout',
    at: '2026-11-02T10:00:00.000Z',
    shown: true,
    dismissed: true,
    lang: 'en',
    path: '/cart',
    trail: [['help.article_read', 'help']],
  },
  // shown, dismissed, and a partial answer: partial (the first outcome that holds), not dismissed
  {
    id: 'p5',
    survey: 'csat-checkout',
    at: '2026-11-03T10:00:00.000Z',
    shown: true,
    dismissed: true,
    lang: 'fi',
    path: '/cart',
    response: { completed: false, answers: { csat: csat(4) } },
    trail: [['page.view', 'checkout']],
  },
  { id: 'p6', survey: 'csat-checkout', at: '2026-11-03T11:00:00.000Z', shown: true, lang: 'fi', path: '/cart', trail: [['help.article_read', 'help']] },
  // a response whose shown record never arrived: still one completed prompt
  {
    id: 'p7',
    survey: 'csat-checkout',
    at: '2026-11-04T10:00:00.000Z',
    lang: 'fi',
    path: '/cart',
    response: { completed: true, answers: { csat: csat(4), goal: goal(true) } },
  },
  {
    id: 'p8',
    survey: 'csat-checkout',
    at: '2026-11-04T11:00:00.000Z',
    shown: true,
    preview: true,
    lang: 'fi',
    path: '/checkout/done',
    user: 'u3',
    response: { completed: true, answers: { csat: csat(1), goal: goal(false), comment: text('preview comment, 10%') } },
    trail: [['payment.failed', 'checkout']],
  },
  { id: 'p9', survey: 'csat-checkout', at: '2026-11-05T10:00:00.000Z', shown: true, lang: 'en', path: '/cart' },
  // checkout, baseline period: completed b1 b2, ignored b3; and one before either period
  {
    id: 'b1',
    survey: 'csat-checkout',
    at: '2026-10-27T10:00:00.000Z',
    shown: true,
    lang: 'fi',
    path: '/cart',
    response: { completed: true, answers: { csat: csat(3), goal: goal(true), comment: text('Okay, 100% fine') } },
  },
  {
    id: 'b2',
    survey: 'csat-checkout',
    at: '2026-10-28T10:00:00.000Z',
    shown: true,
    lang: 'fi',
    path: '/cart',
    response: { completed: true, answers: { csat: csat(1), goal: goal(false) } },
  },
  { id: 'b3', survey: 'csat-checkout', at: '2026-10-29T10:00:00.000Z', shown: true, lang: 'fi', path: '/cart' },
  {
    id: 'old',
    survey: 'csat-checkout',
    at: '2026-10-01T10:00:00.000Z',
    shown: true,
    lang: 'fi',
    path: '/cart',
    response: { completed: true, answers: { csat: csat(5) } },
  },
  // help (Support): h2 is low (NPS 3, a negative feeling) after a payment failure at checkout
  {
    id: 'h1',
    survey: 'nps-help',
    at: '2026-11-02T15:00:00.000Z',
    shown: true,
    lang: 'en',
    path: '/help',
    user: 'u1',
    response: { completed: true, answers: { nps: ['nps', 9, null], feeling: ['emotion', 50, null], comment: text('The article helped') } },
    trail: [['help.article_read', 'help']],
  },
  {
    id: 'h2',
    survey: 'nps-help',
    at: '2026-11-06T15:00:00.000Z',
    shown: true,
    lang: 'sv',
    path: '/help',
    response: { completed: true, answers: { nps: ['nps', 3, null], feeling: ['emotion', -100, null], comment: text('Could not find ÄLYKÄS answer') } },
    trail: [
      ['payment.failed', 'checkout'],
      ['help.article_read', 'help'],
    ],
  },
  { id: 'h3', survey: 'nps-help', at: '2026-11-06T16:00:00.000Z', shown: true, dismissed: true, lang: 'sv', path: '/help' },
  // store (Payments, channel store): s1 is low (effort 2 of 7)
  {
    id: 's1',
    survey: 'ces-store',
    at: '2026-11-07T10:00:00.000Z',
    shown: true,
    lang: 'fi',
    path: '/till',
    response: { completed: true, answers: { effort: ['ces', 2, null] } },
  },
  {
    id: 's2',
    survey: 'ces-store',
    at: '2026-11-07T11:00:00.000Z',
    shown: true,
    lang: 'fi',
    path: '/till',
    response: { completed: true, answers: { effort: ['ces', 6, null] } },
  },
  // a survey that names no touchpoint: the admin sees it, no owner does
  {
    id: 'g1',
    survey: 'general',
    at: '2026-11-03T12:00:00.000Z',
    shown: true,
    lang: 'fi',
    path: '/',
    response: { completed: true, answers: { csat: csat(5) } },
  },
]

/** Writes the prompts into the tables the way the ingest derives them (see the top of this file). */
export async function fill(db: Kysely<Database>, list: Prompt[] = prompts): Promise<void> {
  for (const p of list) {
    const tp = touchpointOf(p.survey)
    const common = { survey_id: p.survey, touchpoint: tp, owner: ownerOf(tp), lang: p.lang ?? null, path: p.path ?? null, preview: p.preview ? 1 : 0 }
    const trail = (p.trail ?? []).map(([event, touchpoint], i) => ({ event, at: later(p.at, -60_000 + i), touchpoint }))
    const events = (recordId: string, kind: 'response' | 'shown', at: string) =>
      [...new Map(trail.map((s) => [s.event, s])).values()].map((s) => ({
        record_id: recordId,
        response_id: p.id,
        kind,
        event: s.event,
        touchpoint: s.touchpoint,
        survey_id: p.survey,
        at,
        preview: common.preview,
      }))
    const moment = (kind: 'shown' | 'dismissed', at: string) => ({
      ...common,
      id: `${p.id}-${kind[0]}`,
      kind,
      response_id: p.id,
      user_id: p.user ?? null,
      trail: JSON.stringify(trail),
      at,
      received_at: at,
      deliveries: 1,
    })
    if (p.shown) {
      await db.insertInto('moments').values(moment('shown', p.at)).execute()
      const ev = events(`${p.id}-s`, 'shown', p.at)
      if (ev.length) await db.insertInto('trail_events').values(ev).execute()
    }
    if (p.dismissed)
      await db
        .insertInto('moments')
        .values(moment('dismissed', later(p.at, 60_000)))
        .execute()
    if (p.response) {
      const answers = Object.fromEntries(Object.entries(p.response.answers).map(([q, [, value, t]]) => [q, t ?? value]))
      await db
        .insertInto('responses')
        .values({
          ...common,
          id: p.id,
          completed: p.response.completed ? 1 : 0,
          answers: JSON.stringify(answers),
          url: null,
          user_id: p.user ?? null,
          trail: JSON.stringify(trail),
          started_at: p.at,
          updated_at: later(p.at, 30_000),
          received_at: later(p.at, 31_000),
          deliveries: 1,
        })
        .execute()
      await db
        .insertInto('answers')
        .values(
          Object.entries(p.response.answers).map(([question, [metric, value, t]]) => ({
            ...common,
            response_id: p.id,
            question_id: question,
            metric,
            value,
            text: t,
            at: p.at,
          })),
        )
        .execute()
      const ev = events(p.id, 'response', p.at)
      if (ev.length) await db.insertInto('trail_events').values(ev).execute()
    }
  }
  // The score flags the ingest keeps, from the answers rows above (as the ingest does).
  await markScores(db)
}
