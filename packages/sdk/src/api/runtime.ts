import { nanoid } from 'nanoid'
import type { Config, Survey } from '../config/types'
import { debug } from '../debug/log'
import { settle } from '../debug/guard'
import type { Emitter } from '../events/emitter'
import { touchEvent, type TouchEvent } from '../journey/event'
import { createDelivery } from '../outbox/delivery'
import { describe } from '../outbox/describe'
import type { ResponseRecord } from '../outbox/record'
import { allowed } from '../pacing/allowed'
import { createBook } from '../pacing/book'
import { claim } from '../pacing/claim'
import { mark } from '../pacing/state'
import type { History } from '../journey/history'
import { createJourney } from '../journey/journey'
import type { Context } from '../rules/context'
import type { Decision } from '../rules/decide'
import type * as Rules from '../rules/index'
import { ms } from '../rules/duration'
import { plan } from '../rules/plan'
import { step } from '../rules/trace'
import { openStore } from '../storage/store'
import type { UserTransport } from '../transport/transport'
import { hostParent } from '../widget/host'
import { importOnce, loadWidget } from '../widget/load'
import type { HetkiEvents } from './events'

export interface RuntimeOptions {
  config: Config
  emitter: Emitter<HetkiEvents>
  /** Absolute URL of the widget module. */
  widgetUrl: string
  /** Absolute URL of the built-in sources module (imported only when the config turns sources on). */
  sourcesUrl: string
  /** Absolute URL of the rules module (imported on the first event a survey listens to). */
  rulesUrl: string
  /** Whether consent was given before init (undefined: not said). */
  consent?: boolean
  /** The host's own transport, from `init(config, { transport })`. */
  transport?: UserTransport
}

const language = (config: Config): string =>
  config.lang || document.documentElement.lang || navigator.language || 'en'

const copy = (h: History): History => {
  const out: History = {}
  for (const k in h) out[k] = h[k]!.slice()
  return out
}

/** Coarse pointer means touch: a phone, or a tablet when the short side of the screen is wide. */
const deviceKind = (): Context['device'] =>
  matchMedia('(pointer:coarse)').matches ? (Math.min(screen.width, screen.height) >= 600 ? 'tablet' : 'mobile') : 'desktop'

/**
 * Wires the stages together: event → rules → pacing → claim → lazy widget → answers → outbox.
 * Created once by `init()` with a config that passed the structural check.
 */
export function createRuntime({ config, emitter, widgetUrl, sourcesUrl, rulesUrl, consent, transport }: RuntimeOptions) {
  const rules = plan(config)
  const stateStore = openStore('hetki')
  let allowedToStore = !config.requireConsent || consent === true
  // The sender chunk sits next to the widget, wherever the config put that.
  const outbox = createDelivery(config, emitter, () => allowedToStore, new URL('hetki-delivery.js', widgetUrl).href, transport)

  const book = createBook(stateStore, config.pacing, () => allowedToStore)
  const journey = createJourney(stateStore, config, rules, () => allowedToStore)
  const device = deviceKind()
  /** Delayed surveys waiting on this page. */
  const delayed = new Set<ReturnType<typeof setTimeout>>()
  let user: { id?: string; attributes: Record<string, unknown> } = { attributes: {} }
  /** The prompt on screen in this page, if any: one at a time. */
  let open: { surveyId: string; close(): void } | undefined

  const load = async () => {
    if (!allowedToStore) return
    await book.write()
    await journey.load()
    settle(outbox.resume())
  }

  const context = (now: number): Context => ({
    now,
    path: location.pathname,
    device,
    lang: language(config),
    user: { ...user.attributes, id: user.id },
    personId: book.state().samplingId,
  })

  const cancelDelays = () => {
    delayed.forEach(clearTimeout)
    delayed.clear()
  }

  /**
   * A delay is cancelled when the customer leaves the page of the event: a new document ends the
   * timer, an SPA navigation changes the path (also while the rules chunk was loading).
   */
  const schedule = (survey: Survey, r: typeof Rules, path: string) => {
    const timer = setTimeout(() => {
      delayed.delete(timer)
      if (location.pathname != path) return debug('survey', survey.id, 'not shown: the customer left', path)
      const d = r.recheck(survey, journey.state().history, context(Date.now()))
      debug('survey', survey.id, r.explain(d))
      if (d.show) settle(present(survey, false))
    }, ms(survey.delay!))
    delayed.add(timer)
  }

  /** Candidates in priority order: the first that also passes pacing shows (or starts its delay); the others are told why not. */
  const run = async (r: typeof Rules, decisions: Decision[], path: string) => {
    let winner: string | undefined
    for (const d of decisions) {
      if (winner && d.show) (d.show = false), d.trace.push(step('priority', false, '"' + winner + '" had priority'))
      debug('survey', d.survey.id, r.explain(d))
      if (!d.show) continue
      if (d.survey.delay) schedule(d.survey, r, path), (winner = d.survey.id)
      else if (await present(d.survey, false)) winner = d.survey.id
    }
  }

  /** Shows a survey unless pacing forbids it; true when it is on its way to the screen. */
  const present = async (survey: Survey, forced: boolean): Promise<boolean> => {
    if (open) return debug('survey', survey.id, 'not shown: another prompt is open'), false
    // First on this tab's state, which the other tabs keep up to date: no storage read per event.
    if (!forced) {
      const verdict = allowed(survey, book.state(), Date.now(), config.pacing)
      // Only a refusal is said here; the claim says the final verdict.
      if (!verdict.pass) return debug('survey', survey.id, verdict), false
    }
    const parent = hostParent(survey)
    if (!parent) return debug('survey', survey.id, 'not shown: no target'), false
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
    if (!claimed || open?.close != close) return close(), false // refused, or closed by reset() or consent(false) meanwhile
    const widget = claimed[0]

    const lang = language(config)
    const startedAt = new Date().toISOString()
    // Feedback joined with behaviour: the touchpoints just before this prompt travel with every record.
    const trail = journey.state().trail.map((e) => ({ ...e, at: new Date(e.at).toISOString() }))
    const about = describe(config, survey, responseId, lang, trail, user.id)
    const moment = (kind: 'shown' | 'dismissed') =>
      allowedToStore && settle(outbox.put({ ...about, id: nanoid(), kind, at: new Date().toISOString() }))
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
          moment('dismissed')
        }
      },
    })
    emitter.emit('survey:shown', { surveyId: survey.id, responseId })
    moment('shown')
    return true
  }

  const ready = load().then(() => {
    if (config.sources)
      settle(
        importOnce<typeof import('../journey/sources')>(sourcesUrl).then((m) =>
          debug('journey sources on', m.startSources(config.sources!, (name, props) => onEvent(touchEvent(name, props, Date.now())))),
        ),
      )
    // The last reliable moment to save the journey before the page goes.
    addEventListener('pagehide', journey.leave)
    document.addEventListener('visibilitychange', () => document.visibilityState == 'hidden' && settle(journey.save()))
  })

  /** The pipeline's entry: every event joins the journey; the rules decide on it against what came before. */
  function onEvent(event: TouchEvent) {
    if (allowedToStore) book.touch(event.at)
    const concerned = allowedToStore && rules.byEvent.has(event.name)
    // The rules judge against what came before this event, as it was now: the journey moves on
    // while the rules chunk loads.
    const before = concerned && copy(journey.state().history)
    const ctx = context(event.at)
    journey.record(event, location.pathname)
    if (before)
      settle(importOnce<typeof Rules>(rulesUrl).then((r) => run(r, r.decide(rules, event, before, ctx), ctx.path)))
  }

  return {
    ready,
    onEvent,
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
      cancelDelays()
      user = { attributes: {} }
      settle(journey.clear())
      settle(book.reset())
    },
    consent(granted: boolean) {
      const was = allowedToStore
      allowedToStore = granted || !config.requireConsent
      if (!granted) {
        open?.close()
        cancelDelays()
        settle(journey.clear())
        settle(book.reset())
        settle(stateStore.clear())
        settle(outbox.clear())
      } else if (!was) settle(load())
    },
  }
}

export type Runtime = ReturnType<typeof createRuntime>
