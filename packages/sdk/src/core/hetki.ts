import { checkConfig } from '../pure/config/check'
import type { Config } from '../pure/config/types'
import { debug, fail, setDebug } from '../shared/log'
import { guard, settle } from '../shared/guard'
import { createEmitter, type Handler } from '../shared/emitter'
import { touchEvent } from '../pure/journey/event'
import type { HetkiEvent, HetkiEvents } from '../contracts/events'
import { createRuntime, type Runtime } from './runtime'
import type { UserTransport } from '../shared/transport'
import { loader } from './chunks'

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
/** Whether the debug panel is wanted: said by `debug()`, else by the URL flag or the tab's memory of it. */
let panel: boolean | undefined
const waiting: ((r: Runtime) => void)[] = []

const whenReady = (fn: (r: Runtime) => void): void => {
  const safe = guard(fn)
  if (runtime) safe(runtime)
  else if (!disabled && waiting.length < MAX_WAITING) waiting.push(safe)
}

/** A parameter of the page URL, e.g. `?hetki_preview=csat`; storage and location may throw on hostile pages. */
const param = (name: string): string | null | undefined => {
  try {
    return new URLSearchParams(location.search).get(name)
  } catch {}
}

const DEBUG_KEY = 'hetki_debug'

/** Remembers debug mode in this tab, so that it follows a PM through a journey of several pages. */
const remember = (on: boolean): void => {
  try {
    sessionStorage.setItem(DEBUG_KEY, on ? '1' : '0')
  } catch {}
}

/** Runs `fn` once the page is visible: at once, or when the customer comes to the tab. */
const whenVisible = (fn: () => void): void => {
  // Byte trick: && and a comma instead of an if and a block (the core's bytes).
  const go = () => !document.hidden && (document.removeEventListener('visibilitychange', go), fn())
  document.addEventListener('visibilitychange', go)
  go()
}

/** Debug mode: `?hetki_debug=1` or `=0` in the page URL (remembered), else what this tab remembers. */
const debugFlag = (): boolean => {
  const flag = param(DEBUG_KEY)
  // Any value but 0 (even none: ?hetki_debug) turns it on.
  // Byte trick: the comma returns the flag after remembering it, no block.
  if (flag != null) return (remember(flag !== '0'), flag !== '0')
  try {
    return sessionStorage.getItem(DEBUG_KEY) === '1'
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
  if (started) return debug('init: already running')
  started = true
  // Before the check: the panel that explains a broken config logs what goes wrong in it too.
  setDebug((panel ??= debugFlag()))
  const problem = checkConfig(config)
  if (problem) {
    disabled = true
    waiting.length = 0
    // In debug mode the panel says it too, next to the core (widgetUrl may be the broken part).
    if (panel) settle(loader()('hetki-debug.js').then((m) => m.broken(config)))
    return fail('invalid config, Hetki is disabled: ' + problem)
  }
  if (config.debug) setDebug(true)
  // The runtime starts in a task of its own: the script's evaluation, the config check and the
  // debug flag's first storage read come before it, and in one task they all made a long task on
  // a slow phone (docs/bench.md). Calls made meanwhile wait for it, as they wait for its storage.
  setTimeout(
    guard(() => {
      const r = createRuntime({
        config,
        emitter,
        // The lazy chunks sit together: next to the core, or wherever the config puts the widget.
        chunk: loader(config.widgetUrl),
        consent: consentGiven,
        transport: options?.transport,
      })
      settle(
        r.ready.then(() => {
          runtime = r
          debug('ready with', config.surveys.length, 'survey(s)')
          // The calls made meanwhile first: a consent, an identify or a debug(false) count for what follows.
          for (const fn of waiting.splice(0)) fn(r)
          const preview = param('hetki_preview')
          if (panel) r.inspect(true)
          // Once per page load, and only where the PM can see it.
          if (preview) whenVisible(() => r.show(preview, true))
        }),
      )
    }),
  )
})

/** Reports a touchpoint event: something the customer just did. `props` may be used by trigger rules. */
export const track = guard((name: string, props?: Record<string, unknown>): void => {
  if (typeof name !== 'string' || !name) return debug('track: no event name')
  const event = touchEvent(name, props, Date.now())
  whenReady((r) => r.onEvent(event))
})

/** Tells Hetki who the customer is, for audience rules. Kept in memory only; never sent unless the config asks for it. */
export const identify = guard((id: string, attributes?: Record<string, unknown>): void => {
  if (typeof id !== 'string') return debug('identify: no id')
  const attrs = attributes && typeof attributes === 'object' ? attributes : {}
  whenReady((r) => r.identify(id, attrs))
})

/** Shows a survey now, whatever its trigger rules and pacing say (e.g. from a "Give feedback" button). */
export const show = guard((surveyId: string): void => {
  whenReady((r) => r.show(surveyId))
})

/**
 * Shows a survey now as a preview, for whoever checks its copy and looks: whatever its rules and
 * pacing say, without changing the pacing state (no shown, answered or dismissed marks, no
 * cooldown), and with `preview: true` on every record sent and every `survey:*` event.
 * `?hetki_preview=<surveyId>` in the page URL does the same once the page is visible.
 */
export const preview = guard((surveyId: string): void => {
  whenReady((r) => r.show(surveyId, true))
})

/**
 * Turns debug mode on or off in this tab (it is remembered across its pages, like
 * `?hetki_debug=1` and `?hetki_debug=0`): every decision is logged to `console.debug`, and a panel
 * in a corner of the page explains for each survey why it did or did not show (docs/debug.md).
 */
const debugMode = guard((on: boolean): void => {
  setDebug((panel = !!on))
  remember(panel)
  runtime?.inspect(panel)
})
export { debugMode as debug }

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
