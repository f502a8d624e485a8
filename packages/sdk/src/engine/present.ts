import { nanoid } from 'nanoid'
import type { Load } from '../core/chunks'
import type { HetkiEvents } from '../core/events'
import type { Config, Survey } from '../pure/config/types'
import { debug, setDebug } from '../shared/log'
import { settle } from '../shared/guard'
import type { Emitter } from '../shared/emitter'
import type { Journey } from '../core/journey'
import type { createDelivery } from '../core/delivery'
import { describe } from './describe'
import type { ResponseRecord } from '../contracts/record'
import { allowed } from '../pure/pacing/allowed'
import type { Book } from '../core/book'
import { claim } from './claim'
import { mark } from '../pure/pacing/state'
import type { Context } from '../pure/rules/context'
import { recheck, type Decision } from '../pure/rules/decide'
import { ms } from '../pure/rules/duration'
import { explain } from '../pure/rules/explain'
import { step, type Step } from '../pure/rules/trace'
import { hostParent } from './host'

/**
 * What the core shares with the engine, by reference: its config, its stages, and the little state
 * both sides change (the prompt on screen, delayed surveys, who the customer is).
 */
export interface Internals {
  config: Config
  emitter: Emitter<HetkiEvents>
  book: Book
  journey: Journey
  outbox: ReturnType<typeof createDelivery>
  /** Imports the lazy chunks (the widget, here). */
  chunk: Load
  /** The prompt on screen in this page, if any: one at a time. */
  open?: { surveyId: string; host: Element; close(): void }
  /** Settles once the prompt this tab closed last has let go of its cross-tab lock (or after 1 s). */
  freed?: Promise<unknown>
  /**
   * Bumped by reset() and consent(false): work started before (an engine import, a claim, a delay)
   * must not show a survey after the person changed or withdrew consent.
   */
  gen: number
  /** Delayed surveys waiting on this page. */
  delayed: Set<ReturnType<typeof setTimeout>>
  user: { id?: string; attributes: Record<string, unknown> }
  allowed(): boolean
  context(now: number): Context
  /** Whether debug mode is on: this chunk has its own copy of the debug log, switched on from here. */
  debug: boolean
  /**
   * The last decision on each survey in this page, by survey id, with the steps added after the
   * rules (priority, pacing, claim, shown): kept by the engine, read by the debug overlay.
   */
  decisions?: Map<string, Noted>
  /** Set by the debug overlay: told whenever `decisions` changes. */
  changed?: () => void
  /** Set by the debug overlay: closes it. */
  overlay?: () => void
}

/** A decision as the debug overlay shows it: when it was made, and each step so far. */
export interface Noted {
  at: number
  trace: Step[]
  preview?: boolean
}

/** Starts the record of a decision on `id` (the trace is kept by reference: later steps join it). */
const note = (rt: Internals, id: string, trace: Step[], preview?: boolean) => {
  ;(rt.decisions ||= new Map()).set(id, { at: Date.now(), trace, preview })
  rt.changed?.()
}

/** Adds a step to the last decision on `id`. */
const add = (rt: Internals, id: string, s: Step) => {
  rt.decisions?.get(id)?.trace.push(s)
  rt.changed?.()
}

/** Says why `id` is not shown, in the debug log and in the decision the overlay shows; false. */
const refuse = (rt: Internals, id: string, name: string, why: string) => (debug('survey', id, 'not shown: ' + why), add(rt, id, step(name, false, why)), false)

/** The page of the event is gone (a new document, an SPA navigation): its rules no longer hold. */
const left = (rt: Internals, id: string, path: string) => refuse(rt, id, 'page', 'the customer left ' + path)

/**
 * A delay is cancelled when the customer leaves the page of the event: a new document ends the
 * timer, an SPA navigation changes the path (also while the engine was loading).
 */
function schedule(rt: Internals, survey: Survey, path: string, gen: number) {
  const timer = setTimeout(() => {
    rt.delayed.delete(timer)
    if (location.pathname != path) return left(rt, survey.id, path)
    const d = recheck(survey, rt.journey.state().history, rt.context(Date.now()))
    note(rt, survey.id, d.trace)
    debug('survey', survey.id, explain(d))
    if (d.show) settle(present(rt, survey, false, gen))
  }, ms(survey.delay!))
  rt.delayed.add(timer)
}

/**
 * The decisions on one event, in priority order: the first that also passes pacing shows (or starts
 * its delay); the others are told why not.
 */
export async function judge(rt: Internals, decisions: Decision[], path: string, gen: number): Promise<void> {
  setDebug(rt.debug)
  let winner: string | undefined
  for (const d of decisions) {
    if (winner && d.show) (d.show = false), d.trace.push(step('priority', false, '"' + winner + '" had priority'))
    note(rt, d.survey.id, d.trace)
    debug('survey', d.survey.id, explain(d))
    if (!d.show) continue
    // An SPA navigation while the engine loaded.
    if (location.pathname != path) {
      left(rt, d.survey.id, path)
      return
    }
    if (d.survey.delay) gen == rt.gen && (schedule(rt, d.survey, path, gen), add(rt, d.survey.id, step('delay', true, 'waiting ' + d.survey.delay))), (winner = d.survey.id)
    else if (await present(rt, d.survey, false, gen)) winner = d.survey.id
  }
}

/**
 * Shows a survey unless pacing forbids it; true when it is on its way to the screen. A `preview`
 * is forced and leaves pacing alone: no marks, and every record and event says `preview: true`.
 */
export async function present(rt: Internals, survey: Survey, forced: boolean, gen: number, preview?: boolean): Promise<boolean> {
  setDebug(rt.debug)
  const id = survey.id
  if (forced) note(rt, id, [step('forced', true, preview ? 'a preview' : 'show()')], preview)
  const current = () => gen == rt.gen && rt.allowed()
  if (!current()) return refuse(rt, id, 'reset', 'reset or consent withdrawn meanwhile')
  // A prompt whose host the page removed (an SPA route change) can never be closed by the customer.
  if (rt.open && !rt.open.host.isConnected) rt.open.close()
  // A prompt closed just before (this one, or one closed by consent or reset) lets go of its
  // cross-tab lock asynchronously: the claim below would be refused because of this very tab.
  await rt.freed
  const { config, emitter, book, outbox } = rt
  if (rt.open) return refuse(rt, id, 'prompt', 'another prompt is open')
  // First on this tab's state, which the other tabs keep up to date: no storage read per event.
  if (!forced) {
    const verdict = allowed(survey, book.state(), Date.now(), config.pacing)
    // Only a refusal is said here; the claim says the final verdict.
    if (!verdict.pass) return debug('survey', id, verdict), add(rt, id, verdict), false
    // Asked in a tab the customer is not looking at, a prompt would only use up their pacing.
    if (document.hidden) return refuse(rt, id, 'page', 'the page is hidden')
  }
  const parent = hostParent(survey)
  if (!parent) return refuse(rt, id, 'target', 'no target')
  const responseId = nanoid()
  const host = document.createElement('hetki-survey')
  host.setAttribute('data-hetki-survey', id)
  let unmount = () => {}
  let release = () => {}
  const close = () => {
    if (rt.open?.close == close) rt.open = undefined
    unmount()
    host.remove()
    release()
    try {
      rt.freed = navigator.locks?.request('hetki-prompt', { signal: AbortSignal.timeout(1000) }, () => {}).catch(() => {})
    } catch {}
  }
  rt.open = { surveyId: id, host, close }

  // Atomic across tabs; holds the prompt lock until the prompt closes (docs/pacing.md).
  const claimed = await claim(survey, book, config.pacing, forced, () => rt.chunk('hetki-widget.js'), preview, (v) => add(rt, id, v))
  if (claimed) release = claimed[1]
  // Refused (the claim said why); closed by reset() or consent(false) meanwhile; or its place left the page.
  if (!claimed) return close(), false
  if (rt.open?.close != close || !current() || !parent.isConnected) return close(), refuse(rt, id, 'page', 'closed meanwhile')
  const widget = claimed[0]

  const lang = rt.context(0).lang
  const startedAt = new Date().toISOString()
  // Feedback joined with behaviour: the touchpoints just before this prompt travel with every record.
  const trail = rt.journey.state().trail.map((e) => ({ ...e, at: new Date(e.at).toISOString() }))
  const flag = preview ? { preview: true as const } : {}
  const about = { ...describe(config, survey, responseId, lang, trail, rt.user.id), ...flag }
  const moment = (kind: 'shown' | 'dismissed') =>
    rt.allowed() && settle(outbox.put({ ...about, id: nanoid(), kind, at: new Date().toISOString() }))
  /** Remembers an answer or a dismiss, unless this is a preview. */
  const remember = (what: 'answered' | 'dismissed') => {
    const at = Date.now()
    preview || settle(book.write((s) => mark(s, id, what, at)))
  }
  const answers: Record<string, unknown> = {}
  let completed = false
  parent.append(host)
  unmount = widget.mount(host, {
    survey,
    lang,
    onAnswer(questionId, value, last) {
      answers[questionId] = value
      completed = last
      const record: ResponseRecord = {
        ...about,
        id: responseId,
        kind: 'response',
        answers: { ...answers },
        completed,
        startedAt,
        updatedAt: new Date().toISOString(),
      }
      emitter.emit('survey:answered', { surveyId: id, responseId, questionId, value, ...flag })
      if (last) {
        remember('answered')
        emitter.emit('survey:completed', { surveyId: id, responseId, answers: { ...answers }, ...flag })
      }
      if (!rt.allowed()) return debug('answer not kept: consent was withdrawn')
      settle(outbox.put(record))
      emitter.emit('response:queued', { responseId, surveyId: survey.id })
    },
    onClose(reason) {
      close()
      if (reason == 'dismissed' && !completed) {
        remember('dismissed')
        emitter.emit('survey:dismissed', { surveyId: id, responseId, ...flag })
        moment('dismissed')
      }
    },
  })
  emitter.emit('survey:shown', { surveyId: id, responseId, ...flag })
  add(rt, id, step('shown', true, 'shown at ' + startedAt.slice(11, 19) + ' UTC'))
  moment('shown')
  return true
}
