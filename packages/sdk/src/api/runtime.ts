import { nanoid } from 'nanoid'
import type { Config, Survey } from '../config/types'
import { debug } from '../debug/log'
import { settle } from '../debug/guard'
import type { Emitter } from '../events/emitter'
import type { TouchEvent } from '../journey/event'
import { createDelivery } from '../outbox/delivery'
import { describe } from '../outbox/describe'
import type { ResponseRecord } from '../outbox/record'
import { allowed } from '../pacing/allowed'
import { emptyPacing, PACING_KEY, readPacing, remember, type PacingState } from '../pacing/state'
import { decide, indexTriggers } from '../rules/decide'
import { openStore } from '../storage/store'
import type { UserTransport } from '../transport/transport'
import { loadWidget } from '../widget/load'
import type { HetkiEvents } from './events'

export interface RuntimeOptions {
  config: Config
  emitter: Emitter<HetkiEvents>
  /** Absolute URL of the widget module. */
  widgetUrl: string
  /** Whether consent was given before init (undefined: not said). */
  consent?: boolean
  /** The host's own transport, from `init(config, { transport })`. */
  transport?: UserTransport
}

const language = (config: Config): string =>
  config.lang || document.documentElement.lang || navigator.language || 'en'

/**
 * Wires the stages together: event → rules → pacing → claim → lazy widget → answers → outbox.
 * Created once by `init()` with a config that passed the structural check.
 */
export function createRuntime({ config, emitter, widgetUrl, consent, transport }: RuntimeOptions) {
  const triggers = indexTriggers(config.surveys)
  const stateStore = openStore('hetki')
  let allowedToStore = !config.requireConsent || consent === true
  // The sender chunk sits next to the widget, wherever the config put that.
  const outbox = createDelivery(config, emitter, () => allowedToStore, new URL('hetki-delivery.js', widgetUrl).href, transport)

  let pacing: PacingState = emptyPacing()
  let user: { id?: string; attributes: Record<string, unknown> } = { attributes: {} }
  /** The prompt on screen in this page, if any: one at a time. */
  let open: { surveyId: string; close(): void } | undefined

  const save = () => allowedToStore && settle(stateStore.set(PACING_KEY, pacing))

  const load = async () => {
    if (!allowedToStore) return
    pacing = readPacing(await stateStore.get(PACING_KEY))
    settle(outbox.resume())
  }

  const present = async (survey: Survey, forced: boolean) => {
    if (open) return debug('survey', survey.id, 'not shown: another prompt is open')
    if (!forced) {
      // Another tab may have shown it since this page loaded.
      if (allowedToStore) pacing = readPacing(await stateStore.get(PACING_KEY))
      const verdict = allowed(survey, pacing)
      debug('survey', survey.id, verdict)
      if (!verdict.pass || open) return
    }
    const responseId = nanoid()
    const host = document.createElement('hetki-survey')
    host.setAttribute('data-hetki-survey', survey.id)
    let unmount = () => {}
    const close = () => {
      open = undefined
      unmount()
      host.remove()
    }
    open = { surveyId: survey.id, close }
    const before = pacing.surveys[survey.id]?.shown
    remember(pacing, survey.id, 'shown', Date.now())
    save()

    let widget
    try {
      widget = await loadWidget(widgetUrl)
    } catch (e) {
      // Not shown after all: give the claim back so the survey can show on a later page.
      debug('the widget could not be loaded from', widgetUrl, e)
      open = undefined
      pacing.surveys[survey.id]!.shown = before
      save()
      return
    }
    if (open?.close != close) return // closed by reset() or consent(false) while loading

    const lang = language(config)
    const startedAt = new Date().toISOString()
    // Journey glue: the trail of recent touchpoint events goes here once the journey stage keeps one.
    const about = describe(config, survey, responseId, lang, [], user.id)
    const moment = (kind: 'shown' | 'dismissed') =>
      allowedToStore && settle(outbox.put({ ...about, id: nanoid(), kind, at: new Date().toISOString() }))
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
          ...about,
          id: responseId,
          kind: 'response',
          answers: { ...answers },
          completed,
          startedAt,
          updatedAt: new Date().toISOString(),
        }
        emitter.emit('survey:answered', { surveyId: survey.id, responseId, questionId, value })
        if (last) {
          remember(pacing, survey.id, 'answered', Date.now())
          save()
          emitter.emit('survey:completed', { surveyId: survey.id, responseId, answers: { ...answers } })
        }
        if (!allowedToStore) return debug('answer not kept: consent was withdrawn')
        settle(outbox.put(record))
        emitter.emit('response:queued', { responseId, surveyId: survey.id })
      },
      onClose(reason) {
        close()
        if (reason == 'dismissed' && !completed) {
          remember(pacing, survey.id, 'dismissed', Date.now())
          save()
          emitter.emit('survey:dismissed', { surveyId: survey.id, responseId })
          moment('dismissed')
        }
      },
    })
    emitter.emit('survey:shown', { surveyId: survey.id, responseId })
    moment('shown')
  }

  const ready = load()

  return {
    ready,
    onEvent(event: TouchEvent) {
      if (!allowedToStore) return
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
    reset() {
      open?.close()
      user = { attributes: {} }
      pacing = emptyPacing()
      if (allowedToStore) settle(stateStore.del(PACING_KEY))
    },
    consent(granted: boolean) {
      const was = allowedToStore
      allowedToStore = granted || !config.requireConsent
      if (!granted) {
        open?.close()
        pacing = emptyPacing()
        settle(stateStore.clear())
        settle(outbox.clear())
      } else if (!was) settle(load())
    },
  }
}

export type Runtime = ReturnType<typeof createRuntime>
