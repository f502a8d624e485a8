import type { Config, Survey } from '../pure/config/types'
import type { History } from '../pure/journey/history'
import type { TouchEvent } from '../pure/journey/event'
import type { Moment } from '../pure/rules/context'
import type { Decision } from '../pure/rules/decide'
import type { Plan } from '../pure/rules/plan'
import type { Emitter } from '../shared/emitter'
import type { Chunk } from './chunks'
import type { Book, Hooks, JourneyView, Person, RecordSink, Shared } from './core'
import type { HetkiEvents } from './events'
import type { WidgetModule } from './widget'

/**
 * What the core hands the engine (`dist/hetki-engine.js`) with every call: its config and stages,
 * read-only. The engine keeps its own state (the prompt on screen, delayed surveys, decisions) and
 * writes nothing here but the pacing state, through `book.write`, and the hook slots: it fills
 * `forgotten` and `decisions` the first time it works for a core, and calls `decided`.
 */
export interface EngineHost extends Shared {
  readonly config: Config
  readonly emitter: Pick<Emitter<HetkiEvents>, 'emit'>
  readonly book: Book
  readonly journey: JourneyView
  readonly outbox: RecordSink
  readonly hooks: Hooks
  /** The one chunk the engine imports itself: the widget, when a survey is about to show. */
  chunk(file: 'hetki-widget.js'): Promise<WidgetModule>
  /**
   * Bumped by reset() and consent(false): work started before (an engine import, a claim, a delay)
   * must not show a survey after the person changed or withdrew consent.
   */
  readonly gen: number
  readonly user: Readonly<Person>
}

export type { Noted } from './core'

/** `dist/hetki-engine.js` exports this: from "a survey listens to this event" to "the answers are in the outbox". */
export interface EngineModule extends Chunk {
  /**
   * The rules' decisions on one event, judged against what came before it (pure/rules/decide.ts),
   * at the moment the core saw it, with the device and language read now (shared/page.ts).
   */
  decide(plan: Plan, event: TouchEvent, history: History, moment: Moment, config: Config): Decision[]
  /** The decisions on one event, in priority order: the first that also passes pacing shows (or starts its delay). */
  judge(host: EngineHost, decisions: Decision[], path: string, gen: number): Promise<void>
  /** Shows a survey unless pacing forbids it (`forced`: show() and previews); true when it is on its way to the screen. */
  present(host: EngineHost, survey: Survey, forced: boolean, gen: number, preview?: boolean): Promise<boolean>
}
