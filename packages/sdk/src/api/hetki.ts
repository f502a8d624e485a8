import { checkConfig } from '../config/check'
import type { Config } from '../config/types'
import { debug, fail, setDebug } from '../debug/log'
import { guard, settle } from '../debug/guard'
import { createEmitter, type Handler } from '../events/emitter'
import { touchEvent } from '../journey/event'
import type { HetkiEvent, HetkiEvents } from './events'
import { createRuntime, type Runtime } from './runtime'
import type { UserTransport } from '../transport/transport'

/** What `init` takes besides the config: what JSON cannot say. */
export interface InitOptions {
  /** Deliver records yourself instead of the POST to `endpoint` (see `UserTransport`, docs/delivery.md). */
  transport?: UserTransport
}

/** Calls made before the runtime is ready wait here, in order; the bound keeps a runaway page from growing it. */
const MAX_WAITING = 1000

const emitter = createEmitter<HetkiEvents>()
let runtime: Runtime | undefined
let started = false
let disabled = false
let consentGiven: boolean | undefined
let widgetBase = ''
const waiting: ((r: Runtime) => void)[] = []

const whenReady = (fn: (r: Runtime) => void): void => {
  const safe = guard(fn)
  if (runtime) safe(runtime)
  else if (!disabled && waiting.length < MAX_WAITING) waiting.push(safe)
}

/** Where the widget lives by default: the folder of the core script. Set by the entry points. */
export const setWidgetBase = (url: string): void => {
  widgetBase = url
}

const debugFlag = (): boolean => {
  try {
    return /[?&]hetki_debug=1\b/.test(location.search)
  } catch {
    return false
  }
}

/**
 * Starts Hetki with a config (see the README for its format). Called for you by the script tag
 * when it has `data-config` or an inline `#hetki-config`. A config that fails the structural check
 * disables Hetki with one console error; nothing is thrown. Calling it twice keeps the first config.
 */
export const init = guard((config: Config, options?: InitOptions): void => {
  if (started) return debug('init: already initialised, ignoring the second config')
  started = true
  const problem = checkConfig(config)
  if (problem) {
    disabled = true
    waiting.length = 0
    return fail('invalid config, Hetki is disabled: ' + problem)
  }
  setDebug(!!config.debug || debugFlag())
  // The lazy chunks sit together: next to the core, or wherever the config puts the widget.
  const widgetUrl = new URL(config.widgetUrl || 'hetki-widget.js', widgetBase || document.baseURI).href
  const asset = (file: string) => new URL(file, widgetUrl).href
  const r = createRuntime({
    config,
    emitter,
    widgetUrl,
    sourcesUrl: asset('hetki-sources.js'),
    engineUrl: asset('hetki-engine.js'),
    consent: consentGiven,
    transport: options?.transport,
  })
  settle(
    r.ready.then(() => {
      runtime = r
      debug('ready with', config.surveys.length, 'survey(s)')
      for (const fn of waiting.splice(0)) fn(r)
    }),
  )
})

/** Reports a touchpoint event: something the customer just did. `props` may be used by trigger rules. */
export const track = guard((name: string, props?: Record<string, unknown>): void => {
  if (typeof name != 'string' || !name) return debug('track: the event name must be a non-empty string')
  const event = touchEvent(name, props, Date.now())
  whenReady((r) => r.onEvent(event))
})

/** Tells Hetki who the customer is, for audience rules. Kept in memory only; never sent unless the config asks for it. */
export const identify = guard((id: string, attributes?: Record<string, unknown>): void => {
  if (typeof id != 'string') return debug('identify: the id must be a string')
  const attrs = attributes && typeof attributes == 'object' ? attributes : {}
  whenReady((r) => r.identify(id, attrs))
})

/** Shows a survey now, whatever its trigger rules and pacing say (e.g. from a "Give feedback" button). */
export const show = guard((surveyId: string): void => {
  whenReady((r) => r.show(surveyId))
})

/** Listens to a lifecycle event; a handler that throws never breaks Hetki or the other handlers. */
export const on = guard(<K extends HetkiEvent>(event: K, handler: Handler<HetkiEvents[K]>): void => {
  emitter.on(event, handler)
})

/** Stops listening. */
export const off = guard(<K extends HetkiEvent>(event: K, handler: Handler<HetkiEvents[K]>): void => {
  emitter.off(event, handler)
})

/**
 * Grants or withdraws consent. With `requireConsent` in the config, nothing is stored, sent or
 * shown before `consent(true)`; `consent(false)` closes any prompt and clears what Hetki stored,
 * including answers not yet delivered.
 */
export const consent = guard((granted: boolean): void => {
  consentGiven = !!granted
  whenReady((r) => r.consent(!!granted))
})

/**
 * Forgets the person on this device (e.g. at logout): identity, attributes and which surveys were
 * shown. Answers already given are still delivered.
 */
export const reset = guard((): void => {
  whenReady((r) => r.reset())
})
