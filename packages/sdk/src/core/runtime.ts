import type { Config } from '../pure/config/types'
import { debug, isDebug } from '../shared/log'
import { guard, settle } from '../shared/guard'
import type { Emitter } from '../shared/emitter'
import { touchEvent, type TouchEvent } from '../pure/journey/event'
import { createDelivery } from './delivery'
import { createBook } from './book'
import { openTabs } from './tabs'
import type { History } from '../pure/journey/history'
import { createJourney } from './journey'
import type { EngineHost } from '../contracts/engine'
import type { PanelHost } from '../contracts/panel'
import type { Hooks } from '../contracts/core'
import type { Moment } from '../pure/rules/context'
import { plan } from '../pure/rules/plan'
import { openStore } from '../shared/store'
import type { UserTransport } from '../shared/transport'
import type { Load } from '../contracts/chunks'
import type { HetkiEvents } from '../contracts/events'

export interface RuntimeOptions {
  config: Config
  emitter: Emitter<HetkiEvents>
  /**
   * Imports the lazy chunks: the engine on the first event a survey listens to (or on show()), the
   * widget when a survey is about to show, the sender when there is something to send, the sources
   * when the config turns them on, the debug overlay in debug mode.
   */
  chunk: Load
  /** Whether consent was given before init (undefined: not said). */
  consent?: boolean
  /** The host's own transport, from `init(config, { transport })`. */
  transport?: UserTransport
}

// Own keys only: for…in would also walk what a page's old library added to Object.prototype.
const copy = (h: History): History => {
  const out: History = {}
  for (const k of Object.keys(h)) out[k] = h[k]!.slice()
  return out
}

/**
 * The core's part of the pipeline, on every page: every event joins the journey and touches the
 * session; an event some survey listens to goes to the engine (a lazy chunk) with what came before
 * it, and the engine decides, claims, shows and records. Created once by `init()` with a config
 * that passed the structural check.
 */
export function createRuntime({ config, emitter, chunk, consent, transport }: RuntimeOptions) {
  const rules = plan(config)
  const stateStore = openStore('hetki')
  // An explicit answer wins; without one, Hetki runs unless the config requires consent.
  let allowedToStore = consent ?? !config.requireConsent
  /** Removes the debug overlay, while it is open. */
  let overlay: (() => undefined) | undefined
  const outbox = createDelivery(
    config,
    emitter,
    () => allowedToStore,
    () => chunk('hetki-delivery.js'),
    transport,
  )

  const book = createBook(stateStore, config.pacing, () => allowedToStore)
  const journey = createJourney(stateStore, config, rules, () => allowedToStore)

  const load = async () => {
    if (!allowedToStore) return
    await book.load()
    await journey.load()
    settle(outbox.resume())
  }

  // The widget is fetched alongside the engine, not after its decision: one round trip instead of
  // two before a prompt shows (bench/visible.mjs). A page may then fetch it for an event whose
  // rules say no; it is cached for the next.
  const engine = () => (settle(chunk('hetki-widget.js')), chunk('hetki-engine.js'))
  const hooks: Hooks = {}

  // What the core hands the engine and the debug overlay (contracts/engine.ts, contracts/panel.ts):
  // read-only to them; the core alone changes `gen` and `user`.
  const rt: { -readonly [K in keyof EngineHost]: EngineHost[K] } & PanelHost = {
    config,
    emitter,
    book,
    journey,
    outbox,
    chunk,
    hooks,
    gen: 0,
    user: { attributes: {} },
    allowed: () => allowedToStore,
    context: (now: number): Moment => ({
      now,
      path: location.pathname,
      user: { ...rt.user.attributes, id: rt.user.id },
      personId: book.state().samplingId,
    }),
  }

  /**
   * Forgets the person in this tab: prompt, delays, identity, journey, pacing. Storage is touched
   * only where it may be (after consent(false), memory alone).
   */
  const forget = () => {
    rt.gen++
    hooks.forgotten?.()
    rt.user = { attributes: {} }
    settle(journey.clear())
    settle(book.reset())
  }
  // A reset or a withdrawn consent in one tab holds in the others: they would otherwise keep the
  // person in memory and write the journey back at their next save.
  // Guarded: a message handler that throws would throw into the host page.
  const tell = openTabs(
    guard((said: unknown) => {
      if (said === 'no') allowedToStore = false
      if (said === 'no' || said === 'reset') forget()
    }),
  )

  const ready = load().then(() => {
    if (config.sources)
      settle(
        chunk('hetki-sources.js').then((m) =>
          debug(
            'journey sources on',
            m.startSources(config.sources!, (name, props) => onEvent(touchEvent(name, props, Date.now()))),
          ),
        ),
      )
    // The last moments to save the journey before the page goes: `beforeunload` while the page
    // still runs (WebKit freezes it right after `pagehide`), `pagehide` for what came in between
    // and for pages closed without one. Neither keeps the page out of a back/forward cache, in
    // Chromium, Firefox (ESR 153) or WebKit (test/engines/bfcache.test.ts).
    addEventListener('beforeunload', journey.leave)
    addEventListener('pagehide', journey.leave)
    // Byte trick: && as an if in an arrow's body, no block.
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && settle(journey.save()))
  })

  /** The pipeline's entry: every event joins the journey; the rules decide on it against what came before. */
  function onEvent(event: TouchEvent) {
    // Without consent the customer is not followed at all, not even in memory: what they did
    // before saying yes must not travel with a later answer.
    if (!allowedToStore) return
    book.touch(event.at)
    // The rules judge against what came before this event, as it was now: the journey moves on
    // while the engine loads.
    if (rules.byEvent.has(event.name)) {
      const before = copy(journey.state().history)
      const ctx = rt.context(event.at)
      const gen = rt.gen
      settle(engine().then((e) => e.judge(rt, e.decide(rules, event, before, ctx, config), ctx.path, gen)))
    }
    journey.record(event, location.pathname)
    hooks.recorded?.(event)
  }

  return {
    ready,
    onEvent,
    /** `show()`, or a preview: shown whatever the rules say, and pacing never hears of it. */
    show(surveyId: string, preview?: boolean) {
      const survey = config.surveys.find((s) => s.id === surveyId)
      if (!survey) return debug('show: no survey with id', surveyId)
      if (!allowedToStore) return debug('show: waiting for consent')
      const gen = rt.gen
      settle(engine().then((e) => e.present(rt, survey, true, gen, preview)))
    },
    /** Debug mode on or off: the overlay is a chunk of its own, imported only here. */
    inspect(on: boolean) {
      // Turned off again while the panel loaded: it does not come; turned on twice, it comes once.
      // Byte trick: && and ||= as ifs in an arrow's body, no block.
      if (on) settle(chunk('hetki-debug.js').then((m) => isDebug() && (overlay ||= m.open(rt))))
      // Byte trick: closing returns nothing, so one assignment closes and forgets it.
      else overlay = overlay?.()
    },
    identify(id: string, attributes: Record<string, unknown>) {
      rt.user = { id, attributes: { ...rt.user.attributes, ...attributes } }
    },
    reset() {
      forget()
      tell('reset')
    },
    consent(granted: boolean) {
      const was = allowedToStore
      allowedToStore = granted
      if (!granted) {
        forget()
        settle(stateStore.clear())
        settle(outbox.clear())
        tell('no')
      } else if (!was) settle(load())
    },
  }
}

export type Runtime = ReturnType<typeof createRuntime>
