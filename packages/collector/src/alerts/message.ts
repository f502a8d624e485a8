// What an alert says, as a declared value (AlertMessage), and the words it is put in. Pure: the
// worker hands it the stored response and the configs; the channels render it (renderers.ts).
import type { Config, Copy, Question } from '../../../sdk/src/pure/config/types'
import { stringsFor } from '../../../widget/src/strings'
import { measureOf, valueOf } from '../config/metrics'
import type { ServerConfig, StoredResponse } from '../server/contract'
import type { AlertRule } from './contract'
import { countOf, ownerOf, questionsOf, touchpointOf, type Hit } from './match'

/** One answered question, in words. */
export interface AnswerInWords {
  question: string
  /** The question as the customer read it. */
  text: string
  /** The answer, e.g. "CSAT 1 of 5", "Goal not reached", "Feeling: Frustrated (−100)", or the text typed. */
  answer: string
}

/** One alert: what happened, where, to whom it belongs, and where to read the record. */
export interface AlertMessage {
  /** The alert's idempotency key (also the e-mail's Message-ID): stable across retries and instances. */
  key: string
  rule: string
  /** Why it was raised, in words, e.g. "CSAT ≤ 2", "3 within 1h: CSAT ≤ 2". */
  reason: string
  touchpoint: { id: string | null; name: string; owner: string | null }
  survey: string
  /** The answer that raised the alert (absent for rules without a metric). */
  answer?: AnswerInWords
  /** The other answers of the response, open-text follow-ups included, in the survey's order. */
  followUps: AnswerInWords[]
  /** The journey before the answer, oldest first; `label` from the server's labels, else the event name. */
  trail: { event: string; label: string; at: string; touchpoint?: string }[]
  completed: boolean
  at: string
  responseId: string
  /** Where an owner reads the whole record (the results app). */
  link: string
}

/** A batch of one owner's alerts of one period, sent as one message. */
export interface DigestMessage {
  key: string
  owner: string
  every: 'hourly' | 'daily'
  period: { from: string; to: string }
  alerts: AlertMessage[]
}

/** Copy in English when it has it, else the first language given. */
export const copyText = (copy: Copy | undefined): string | undefined =>
  copy === undefined ? undefined : typeof copy === 'string' ? copy : (copy.en ?? Object.values(copy)[0])

/** The question's text as the customer read it (a template's built-in English text when none is given). */
export function questionText(question: Question): string {
  const own = copyText(question.text)
  if (own) return own
  const template = question.template ? (stringsFor('en').templates[question.template] as string[] | undefined) : undefined
  return template?.[0] ?? question.id
}

const METRIC_WORDS = { csat: 'CSAT', nps: 'NPS', ces: 'Effort' } as const

/** An answer in words: "CSAT 1 of 5", "Goal not reached", "Feeling: Frustrated (−100)", the choices' labels, the text. */
export function answerInWords(question: Question, answer: unknown): string {
  if (answer === null || answer === undefined) return '(skipped)'
  const measure = measureOf(question)
  if (measure) {
    const v = valueOf(measure, answer)
    if (measure.metric === 'goal') return v === 1 ? 'Goal reached' : v === 0 ? 'Goal not reached' : String(answer)
    if (measure.metric === 'emotion') {
      const id = (answer as { id?: unknown }).id
      const option = measure.options.find((o) => o.id === id) as { id: string; weight: number; label?: Copy } | undefined
      const label = copyText(option?.label) ?? String(id)
      return v === undefined ? `Feeling: ${label}` : `Feeling: ${label[0]?.toUpperCase()}${label.slice(1)} (${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v)})`
    }
    if (v !== undefined) return `${METRIC_WORDS[measure.metric]} ${v} of ${measure.to}`
  }
  if (question.type === 'rating' && typeof answer === 'number') return `${answer} of ${question.scale ?? 5}`
  if (question.type === 'yesno' && typeof answer === 'boolean') return answer ? 'Yes' : 'No'
  if (question.type === 'choice') {
    const label = (id: unknown) => copyText(question.options.find((o) => o.id === id)?.label) ?? String(id)
    return Array.isArray(answer) ? answer.map(label).join(', ') : label(answer)
  }
  return typeof answer === 'string' ? answer : JSON.stringify(answer)
}

const BOUNDS: [keyof AlertRule, string][] = [
  ['atMost', '≤'],
  ['atLeast', '≥'],
  ['below', '<'],
  ['above', '>'],
]

/** A rule in words: "CSAT ≤ 2", "3 within 1h: Goal not reached", "any answer". */
export function reasonOf(rule: AlertRule): string {
  let words: string
  if (rule.metric === 'goal' && rule.atMost !== undefined && rule.atMost < 1) words = 'Goal not reached'
  else if (rule.metric === 'emotion' && (rule.below === 0 || (rule.atMost !== undefined && rule.atMost < 0)) && rule.atLeast === undefined)
    words = 'A negative feeling'
  else if (rule.metric) {
    const name = rule.metric === 'goal' ? 'Goal' : rule.metric === 'emotion' ? 'Feeling' : METRIC_WORDS[rule.metric]
    words = [name, ...BOUNDS.flatMap(([k, sign]) => (rule[k] === undefined ? [] : [`${sign} ${rule[k]}`]))].join(' ')
  } else words = 'An answer'
  const { count } = countOf(rule)
  return count > 1 ? `${count} within ${rule.within}: ${words}` : words
}

/** The link to one record, for the owner (the results app) from the collector's public URL. */
export const recordLink = (publicUrl: string, responseId: string) => `${publicUrl.replace(/\/+$/, '')}/app/#response=${encodeURIComponent(responseId)}`

/** Builds the message of one alert from the response as stored now (its newest revision). */
export function alertMessage(input: {
  key: string
  rule: AlertRule
  hit: Hit | undefined
  response: StoredResponse
  config: Config
  server: ServerConfig
  publicUrl: string
}): AlertMessage {
  const { key, rule, hit, response, config, server } = input
  const labels = server.labels ?? {}
  const tpId = touchpointOf(config, response)
  const tp = config.touchpoints?.find((t) => t.id === tpId)
  const questions = questionsOf(config, response.surveyId)
  const inWords = (id: string): AnswerInWords => {
    const q = questions.get(id)
    return { question: id, text: q ? questionText(q) : id, answer: q ? answerInWords(q, response.answers[id]) : String(response.answers[id]) }
  }
  // The config's order first, then answers it does not know (a `<choice>_other` text, say).
  const order = [...questions.keys(), ...Object.keys(response.answers).filter((id) => !questions.has(id))]
  const answered = order.filter((id) => id in response.answers && response.answers[id] !== null && response.answers[id] !== undefined)
  return {
    key,
    rule: rule.id,
    reason: reasonOf(rule),
    touchpoint: { id: tpId, name: (tpId && (tp?.name ?? labels[tpId])) || tpId || '(no touchpoint)', owner: ownerOf(config, response) },
    survey: response.surveyId,
    answer: hit ? inWords(hit.question) : undefined,
    followUps: answered.filter((id) => id !== hit?.question).map(inWords),
    trail: response.trail.map((s) => ({ event: s.event, label: labels[s.event] ?? s.event, at: s.at, ...(s.touchpoint ? { touchpoint: s.touchpoint } : {}) })),
    completed: response.completed,
    at: response.updatedAt,
    responseId: response.id,
    link: recordLink(input.publicUrl, response.id),
  }
}
