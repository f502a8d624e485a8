import { contextOf } from '../shared/page'
import { nanoid } from 'nanoid'
import type { EngineHost } from '../contracts/engine'
import type { Survey } from '../pure/config/types'
import { debug } from '../shared/log'
import { settle } from '../shared/guard'
import { describe } from './describe'
import type { ResponseRecord } from '../contracts/record'
import { allowed } from '../pure/pacing/allowed'
import { claim } from './claim'
import { mark } from '../pure/pacing/state'
import { outranked, recheck, type Decision } from '../pure/rules/decide'
import { ms } from '../pure/rules/duration'
import { step, type Reason, type Step, type StepName } from '../pure/rules/trace'
import { hostParent } from './host'
import { pageOf } from './page'
import { tally } from './tally'

/**
 * Starts the record of a decision on `id` (the trace is kept by reference: later steps join it).
 * A decision the rules refused ends here: its last step says why, for fleet diagnostics.
 */
const note = (rt: EngineHost, id: string, trace: Step[], preview?: boolean) => {
  pageOf(rt).decisions.set(id, { at: Date.now(), trace, preview })
  tally(rt, id, trace[trace.length - 1]!, false)
  rt.hooks.decided?.(id)
}

/**
 * Adds a step to the last decision on `id`, and counts how it ended if it did (a show() or a
 * preview is no decision: not counted). While this survey's prompt is the page's open one, the
 * step is the claim's.
 */
const add = (rt: EngineHost, id: string, s: Step) => {
  const page = pageOf(rt)
  const d = page.decisions.get(id)
  d?.trace.push(s)
  // Byte trick: && as an if, no block.
  d && d.trace[0]!.step !== 'forced' && tally(rt, id, s, page.open?.surveyId === id)
  rt.hooks.decided?.(id)
}

/**
 * Says why `id` is not shown, in the debug log and in the decision the overlay shows; false. The
 * log prints reasons as data (code and parameters): their words (pure/rules/words.ts) are the
 * debug panel's, and would cost the engine a third more bytes.
 */
// Byte trick: comma operators here and below: one expression that logs, notes and returns, instead of a block (engine bytes).
const refuse = (rt: EngineHost, id: string, name: StepName, reason: Reason) => (
  debug('survey', id, 'not shown:', reason), add(rt, id, step(name, false, reason)), false
)

/** The page of the event is gone (a new document, an SPA navigation): its rules no longer hold. */
const left = (rt: EngineHost, id: string, path: string) => refuse(rt, id, 'page', { code: 'left', path })

/**
 * A delay is cancelled when the customer leaves the page of the event: a new document ends the
 * timer, an SPA navigation changes the path (also while the engine was loading).
 */
function schedule(rt: EngineHost, survey: Survey, path: string, gen: number) {
  const { delayed } = pageOf(rt)
  const timer = setTimeout(() => {
    delayed.delete(timer)
    if (location.pathname !== path) return left(rt, survey.id, path)
    const d = recheck(survey, rt.journey.state().history, contextOf(rt.context(Date.now()), rt.config))
    note(rt, survey.id, d.trace)
    debug('survey', survey.id, d.show ? 'qualifies:' : 'not shown:', d.trace.slice())
    if (d.show) settle(present(rt, survey, false, gen))
  }, ms(survey.delay!))
  delayed.add(timer)
}

/**
 * The decisions on one event, in priority order: the first that also passes pacing shows (or starts
 * its delay); the others are told why not.
 */
export async function judge(rt: EngineHost, decisions: Decision[], path: string, gen: number): Promise<void> {
  let winner: string | undefined
  for (const d of decisions) {
    if (winner && d.show) outranked(d, winner)
    note(rt, d.survey.id, d.trace)
    debug('survey', d.survey.id, d.show ? 'qualifies:' : 'not shown:', d.trace.slice())
    if (!d.show) continue
    // An SPA navigation while the engine loaded.
    if (location.pathname !== path) {
      left(rt, d.survey.id, path)
      return
    }
    // Byte trick: && as an if and commas as a block, in one statement.
    if (d.survey.delay)
      gen === rt.gen && (schedule(rt, d.survey, path, gen), add(rt, d.survey.id, step('delay', true, { code: 'waiting', delay: d.survey.delay }))),
        (winner = d.survey.id)
    else if (await present(rt, d.survey, false, gen)) winner = d.survey.id
  }
}

/**
 * Shows a survey unless pacing forbids it; true when it is on its way to the screen. A `preview`
 * is forced and leaves pacing alone: no marks, and every record and event says `preview: true`.
 */
export async function present(rt: EngineHost, survey: Survey, forced: boolean, gen: number, preview?: boolean): Promise<boolean> {
  const id = survey.id
  const page = pageOf(rt)
  if (forced) note(rt, id, [step('forced', true, { code: 'forced', preview })], preview)
  const current = () => gen === rt.gen && rt.allowed()
  if (!current()) return refuse(rt, id, 'reset', { code: 'reset' })
  // A prompt whose host the page removed (an SPA route change) can never be closed by the customer.
  // Only a mounted one (it has its shadow root): one still being claimed is not on the page yet.
  if (page.open?.host.shadowRoot && !page.open.host.isConnected) page.open.close()
  // A prompt closed just before (this one, or one closed by consent or reset) lets go of its
  // cross-tab lock asynchronously: the claim below would be refused because of this very tab.
  await page.freed
  const { config, emitter, book, outbox } = rt
  if (page.open) return refuse(rt, id, 'prompt', { code: 'promptOpen' })
  // First on this tab's state, which the other tabs keep up to date: no storage read per event.
  if (!forced) {
    const verdict = allowed(survey, book.state(), Date.now(), config.pacing)
    // Only a refusal is said here; the claim says the final verdict.
    if (!verdict.pass) return (debug('survey', id, verdict), add(rt, id, verdict), false)
    // Asked in a tab the customer is not looking at, a prompt would only use up their pacing.
    if (document.hidden) return refuse(rt, id, 'page', { code: 'hidden' })
  }
  const parent = hostParent(survey)
  if (!parent) return refuse(rt, id, 'target', { code: 'noTarget' })
  const responseId = nanoid()
  const host = document.createElement('hetki-survey')
  host.setAttribute('data-hetki-survey', id)
  let unmount = () => {}
  let release = () => {}
  const close = () => {
    if (page.open?.close === close) page.open = undefined
    unmount()
    host.remove()
    release()
    try {
      page.freed = navigator.locks?.request('hetki-prompt', { signal: AbortSignal.timeout(1000) }, () => {}).catch(() => {})
    } catch {}
  }
  page.open = { surveyId: id, host, close }

  // Atomic across tabs; holds the prompt lock until the prompt closes (docs/pacing.md).
  const claimed = await claim(
    survey,
    book,
    config.pacing,
    forced,
    () => rt.chunk('hetki-widget.js'),
    preview,
    (v) => add(rt, id, v),
  )
  if (claimed) release = claimed[1]
  // Refused (the claim said why); closed by reset() or consent(false) meanwhile; or its place left the page.
  if (!claimed) return (close(), false)
  if (page.open?.close !== close || !current() || !parent.isConnected) return (close(), refuse(rt, id, 'page', { code: 'closed' }))
  const widget = claimed[0]

  const lang = contextOf(rt.context(0), rt.config).lang
  const startedAt = new Date().toISOString()
  // Feedback joined with behaviour: the touchpoints just before this prompt travel with every record.
  const trail = rt.journey.state().trail.map((e) => ({ ...e, at: new Date(e.at).toISOString() }))
  const flag = preview ? { preview: true as const } : {}
  const about = { ...describe(config, survey, responseId, lang, trail, rt.user.id), ...flag }
  /** A shown or dismissed record; "shown" at the answers' `startedAt`, so that it is sent before them (the sender orders by time). */
  const moment = (kind: 'shown' | 'dismissed', at = new Date().toISOString()) => rt.allowed() && settle(outbox.put({ ...about, id: nanoid(), kind, at }))
  /** Remembers an answer or a dismiss, unless this is a preview. */
  const remember = (what: 'answered' | 'dismissed') => {
    const at = Date.now()
    // Byte trick: || as an if not, no block.
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
      if (reason === 'dismissed' && !completed) {
        remember('dismissed')
        emitter.emit('survey:dismissed', { surveyId: id, responseId, ...flag })
        moment('dismissed')
      }
    },
  })
  emitter.emit('survey:shown', { surveyId: id, responseId, ...flag })
  add(rt, id, step('shown', true, { code: 'shown', at: Date.parse(startedAt) }))
  moment('shown', startedAt)
  return true
}
