import { nanoid } from 'nanoid'
import type { Config, Survey } from '../config/types'
import { debug } from '../debug/log'
import { settle } from '../debug/guard'
import type { Emitter } from '../events/emitter'
import type { TouchEvent } from '../journey/event'
import { createOutbox } from '../outbox/outbox'
import type { ResponseRecord } from '../outbox/record'
import { allowed } from '../pacing/allowed'
import { createBook } from '../pacing/book'
import { claim } from '../pacing/claim'
import { mark } from '../pacing/state'
import { decide, indexTriggers } from '../rules/decide'
import { openStore } from '../storage/store'
import { fetchTransport } from '../transport/fetch'
import { loadWidget } from '../widget/load'
import type { HetkiEvents } from './events'

export interface RuntimeOptions {
  config: Config
  emitter: Emitter<HetkiEvents>
  /** Absolute URL of the widget module. */
  widgetUrl: string
  /** Whether consent was given before init (undefined: not said). */
  consent?: boolean
}

const language = (config: Config): string =>
  config.lang || document.documentElement.lang || navigator.language || 'en'

/**
 * Wires the stages together: event → rules → pacing → claim → lazy widget → answers → outbox.
 * Created once by `init()` with a config that passed the structural check.
 */
export function createRuntime({ config, emitter, widgetUrl, consent }: RuntimeOptions) {
  const triggers = indexTriggers(config.surveys)
  const stateStore = openStore('hetki')
  const outboxStore = openStore('hetki-outbox')
  const outbox = createOutbox(outboxStore, fetchTransport(config.endpoint || '/collect'), {
    sent: (records) => records.forEach((r) => emitter.emit('response:sent', { responseId: r.id, surveyId: r.surveyId })),
    failed: (records, status) =>
      records.forEach((r) => emitter.emit('response:failed', { responseId: r.id, surveyId: r.surveyId, status })),
  })

  let allowedToStore = !config.requireConsent || consent === true
  const book = createBook(stateStore, config.pacing, () => allowedToStore)
  let user: { id?: string; attributes: Record<string, unknown> } = { attributes: {} }
  /** The prompt on screen in this page, if any: one at a time. */
  let open: { surveyId: string; close(): void } | undefined

  const load = async () => {
    if (!allowedToStore) return
    await book.write()
    settle(outbox.flush())
  }

  const present = async (survey: Survey, forced: boolean) => {
    if (open) return debug('survey', survey.id, 'not shown: another prompt is open')
    // First on this tab's state, which the other tabs keep up to date: no storage read per event.
    if (!forced) {
      const verdict = allowed(survey, book.state(), Date.now(), config.pacing)
      if (!verdict.pass) return debug('survey', survey.id, verdict)
    }
    const responseId = nanoid()
    const host = document.createElement('hetki-survey')
    host.setAttribute('data-hetki-survey', survey.id)
    let unmount = () => {}
    let release = () => {}
    const close = () => {
      if (open?.close == close) open = undefined
      unmount()
      host.remove()
      release()
    }
    open = { surveyId: survey.id, close }

    // Atomic across tabs; holds the prompt lock until the prompt closes (docs/pacing.md).
    const claimed = await claim(survey, book, config.pacing, forced, () => loadWidget(widgetUrl))
    if (claimed) release = claimed[1]
    if (!claimed || open?.close != close) return close() // refused, or closed by reset() or consent(false) meanwhile
    const widget = claimed[0]

    const lang = language(config)
    const startedAt = new Date().toISOString()
    const answers: Record<string, unknown> = {}
    let completed = false
    document.body.append(host)
    unmount = widget.mount(host, {
      survey,
      lang,
      onAnswer(questionId, value, last) {
        answers[questionId] = value
        completed = last
        const record: ResponseRecord = {
          id: responseId,
          kind: 'response',
          surveyId: survey.id,
          answers: { ...answers },
          completed,
          lang,
          path: location.pathname,
          startedAt,
          updatedAt: new Date().toISOString(),
        }
        emitter.emit('survey:answered', { surveyId: survey.id, responseId, questionId, value })
        if (last) {
          const at = Date.now()
          settle(book.write((s) => mark(s, survey.id, 'answered', at)))
          emitter.emit('survey:completed', { surveyId: survey.id, responseId, answers: { ...answers } })
        }
        if (!allowedToStore) return debug('answer not kept: consent was withdrawn')
        settle(outbox.put(record))
        emitter.emit('response:queued', { responseId, surveyId: survey.id })
      },
      onClose(reason) {
        close()
        if (reason == 'dismissed' && !completed) {
          const at = Date.now()
          settle(book.write((s) => mark(s, survey.id, 'dismissed', at)))
          emitter.emit('survey:dismissed', { surveyId: survey.id, responseId })
        }
      },
    })
    emitter.emit('survey:shown', { surveyId: survey.id, responseId })
  }

  const ready = load()

  return {
    ready,
    onEvent(event: TouchEvent) {
      if (!allowedToStore) return
      book.touch(event.at)
      for (const decision of decide(triggers, event)) {
        debug('survey', decision.survey.id, decision.trace)
        if (decision.show) return settle(present(decision.survey, false))
      }
    },
    show(surveyId: string) {
      const survey = config.surveys.find((s) => s.id == surveyId)
      if (!survey) return debug('show: no survey with id', surveyId)
      if (!allowedToStore) return debug('show: waiting for consent')
      settle(present(survey, true))
    },
    identify(id: string, attributes: Record<string, unknown>) {
      user = { id, attributes: { ...user.attributes, ...attributes } }
    },
    user: () => user,
    /** A stable random id of this device (until `reset()`), for deterministic sampling. */
    samplingId: () => book.state().samplingId,
    reset() {
      open?.close()
      user = { attributes: {} }
      settle(book.reset())
    },
    consent(granted: boolean) {
      const was = allowedToStore
      allowedToStore = granted || !config.requireConsent
      if (!granted) {
        open?.close()
        settle(book.reset())
        settle(stateStore.clear())
        settle(outboxStore.clear())
      } else if (!was) settle(load())
    },
    /** For the online event and similar nudges. */
    flush: () => allowedToStore && settle(outbox.flush()),
  }
}

export type Runtime = ReturnType<typeof createRuntime>
