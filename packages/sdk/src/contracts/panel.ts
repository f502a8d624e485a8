import type { Config } from '../pure/config/types'
import type { Emitter } from '../shared/emitter'
import type { Chunk } from './chunks'
import type { Book, Hooks, JourneyView, Shared } from './core'
import type { HetkiEvents } from './events'

/**
 * What the core hands the debug overlay (`dist/hetki-debug.js`): read-only views of the config and
 * the journey, the pacing book (its "Reset pacing" button writes it), the lifecycle events, and
 * the hook slots, where it subscribes to what changes and reads the engine's decisions.
 */
export interface PanelHost extends Shared {
  readonly config: Config
  readonly emitter: Pick<Emitter<HetkiEvents>, 'on' | 'off'>
  readonly book: Book
  readonly journey: JourneyView
  /** Where the overlay hears of changes (`recorded`, `decided`) and reads the engine's `decisions`. */
  readonly hooks: Hooks
}

/** `dist/hetki-debug.js` exports this. */
export interface PanelModule extends Chunk {
  /** Mounts the overlay; returns what removes it, which returns nothing (and nothing when it could not be mounted). */
  open(host: PanelHost): (() => undefined) | undefined
  /** A config that fails the core's check disables Hetki; in debug mode the panel still says why. */
  broken(config: unknown): void
}
