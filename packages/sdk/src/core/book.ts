import type { PacingConfig } from '../pure/config/pacing'
import type { Rider, Store } from '../shared/store'
import { touch } from '../pure/pacing/session'
import { freshPacing, merge, PACING_KEY, readPacing, type PacingState } from '../pure/pacing/state'
import { openTabs } from './tabs'

/**
 * Session activity alone is written at most this long after it happened, with whatever
 * transaction of the state store comes first (the journey's, mostly). Leaving the page or
 * switching tabs writes it at once (the runtime flushes the store when the page hides), so this
 * only bounds what a crash or two windows side by side can miss: sessions are 30 minutes by default.
 */
export const ACTIVITY_EVERY_MS = 10 * 6e4
/** A new session is written this soon, so that a burst of events costs one transaction. */
export const BATCH_MS = 1000

/**
 * The pacing state of this tab: kept in memory, so that checks cost no I/O, and in storage,
 * shared with the other tabs. A change is written in one readwrite transaction that starts from
 * the newest stored state, so tabs never overwrite each other; the other tabs hear of it at once.
 * Without consent (`canStore` false) it lives in memory only.
 */
export function createBook(store: Store, config: PacingConfig = {}, canStore: () => boolean) {
  let state = freshPacing()
  /** The latest session activity that storage has. */
  let saved = 0

  /** The stored state, with this tab's session activity if newer. */
  const fresh = (stored: unknown) => merge(readPacing(stored), state)
  const tell = openTabs((heard) => (heard as PacingState | null)?.v === 2 && (state = merge(heard as PacingState, state)))

  /**
   * Applies `change` to the newest state and saves it. `change` runs inside the transaction, so
   * what it decides from the state (a claim) is atomic across tabs. Also the load's, when storage
   * has no state of this version: it migrates it, or mints the sampling id.
   */
  const write = async (change: (s: PacingState) => void = () => {}): Promise<void> => {
    if (!canStore()) return change(state)
    // At once, not when the write lands: events meanwhile must not schedule another write.
    saved = state.last
    const next = await store.update<PacingState>(PACING_KEY, (stored) => {
      const s = fresh(stored)
      change(s)
      return s
    })
    state = merge(next, state)
    tell(next)
  }
  /**
   * Session activity joins the store's next transaction, if storage lacks some and may have it. The
   * memory copy is left as it is: that transaction may end after a reset() made in the meantime.
   */
  const activity: Rider = () =>
    canStore() &&
    state.last > saved && [
      PACING_KEY,
      (stored: unknown) => {
        const s = fresh(stored)
        saved = s.last
        tell(s)
        return s
      },
    ]

  return {
    state: () => state,
    write,
    /**
     * The page's start, where storing is allowed: reads the stored state, and writes only when it
     * must be made or migrated (a first visit, an older version): a page view costs a read, not a
     * readwrite transaction (bench/storage.mjs, "pages").
     */
    async load(): Promise<void> {
      const stored = await store.get(PACING_KEY)
      // Byte trick: a conditional as the statement, no if/else blocks. readPacing returns a stored
      // state of this version as it is, so `===` says "nothing to migrate or mint".
      readPacing(stored) === stored ? (state = fresh(stored)) : await write()
    },
    /** Records activity (a tracked event). Written in batches, not once per event. */
    touch(at: number): void {
      // A new session soon: the other tabs count its prompts from its start. Soon unless a batch
      // already waits, which is less than ACTIVITY_EVERY_MS old: only with sessions shorter than
      // that (`sessionMinutes`), and a prompt's claim writes the session with it anyway.
      store.later(activity, touch(state, at, config.sessionMinutes) ? BATCH_MS : ACTIVITY_EVERY_MS)
    },
    /** Forgets everything, the sampling id included, in every tab. */
    reset(): Promise<void> {
      // Held in a const: another tab's message may replace `state` before the transaction runs.
      const blank = (state = freshPacing())
      return write((s) => Object.assign(s, blank))
    },
  }
}

export type Book = ReturnType<typeof createBook>
