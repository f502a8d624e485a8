/**
 * The core's stages as the chunks see them: what the core hands across, and nothing a chunk may
 * write but the pacing state (through `Book.write`, one transaction) and the hook slots.
 */
import type { History } from '../pure/journey/history'
import type { TouchEvent } from '../pure/journey/event'
import type { TrailEntry } from '../pure/journey/trail'
import type { PacingState } from '../pure/pacing/state'
import type { Moment } from '../pure/rules/context'
import type { Step } from '../pure/rules/trace'
import type { WireRecord } from './record'

/** The pacing state of this tab (core/book.ts): read from memory, changed in one cross-tab transaction. */
export interface Book {
  /** This tab's copy, kept up to date by the other tabs: reading it costs no I/O. */
  state(): PacingState
  /** Applies `change` to the newest stored state inside one readwrite transaction, and tells the other tabs. */
  write(change?: (s: PacingState) => void): Promise<void>
}

/** The journey as chunks read it (core/journey.ts): the core alone records into it. */
export interface JourneyView {
  state(): { readonly history: History; readonly trail: readonly TrailEntry[] }
}

/** Where records go (the outbox's writing half in the core): stored first, then sent. */
export interface RecordSink {
  put(record: WireRecord): Promise<void>
}

/** Who the customer is, as `identify()` said (memory only). */
export interface Person {
  id?: string
  attributes: Record<string, unknown>
}

/**
 * Named slots a chunk may fill, after Preact's `options` object: the core owns the one object and
 * hands it to every chunk. A slot is filled by the chunk that hears of something (whoever fills it
 * keeps what was there, calls it too, and puts it back when it leaves) or by the one chunk that can
 * answer a question. The only place a chunk writes into what the core hands it: every other field
 * crossing a boundary is read-only to the receiving side.
 */
export interface Hooks {
  /** An event joined the journey. Called by the core, after recording it; heard by the debug overlay. */
  recorded?(event: TouchEvent): void
  /** The decision on a survey was made or gained a step. Called by the engine; heard by the debug overlay. */
  decided?(surveyId: string): void
  /**
   * reset() or consent(false): what a chunk keeps about the person goes. Called by the core; the
   * engine closes the prompt on screen and cancels delayed surveys.
   */
  forgotten?(): void
  /**
   * The last decision on each survey in this page, by survey id, with the steps added after the
   * rules, read-only. Answered by the engine once it runs; read by the debug overlay.
   */
  decisions?(): ReadonlyMap<string, Noted>
}

/** A decision as the debug overlay shows it: when it was made, and each step so far. */
export interface Noted {
  at: number
  trace: readonly Step[]
  preview?: boolean
}

/** What every chunk gets from the core: its config's context for the rules, and the consent gate. */
export interface Shared {
  /**
   * The rules' view of this moment as the core sees it: path, the person. The chunks that decide
   * add the device and the language (`contextOf`, shared/page.ts).
   */
  context(now: number): Moment
  /** The consent gate: false while nothing may be stored, sent or shown. */
  allowed(): boolean
}
