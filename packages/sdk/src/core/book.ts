import type { PacingConfig } from '../pure/config/pacing'
import { settle } from '../shared/guard'
import type { Store } from '../shared/store'
import { touch } from '../pure/pacing/session'
import { freshPacing, merge, PACING_KEY, readPacing, type PacingState } from '../pure/pacing/state'
import { openTabs } from './tabs'

/**
 * Session activity alone is written at most this often. Leaving the page or switching tabs
 * writes it at once (visibilitychange), so this only bounds what a crash or two windows side by
 * side can miss: sessions are 30 minutes by default.
 */
export const ACTIVITY_EVERY_MS = 10 * 6e4
/** Writes caused by activity wait this long, so a burst of events costs one transaction. */
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
  let timer: ReturnType<typeof setTimeout> | 0 = 0

  const tell = openTabs((heard) => (heard as PacingState | null)?.v == 2 && (state = merge(heard as PacingState, state)))

  /**
   * Applies `change` to the newest state and saves it. `change` runs inside the transaction, so
   * what it decides from the state (a claim) is atomic across tabs. Also the load: the first
   * write of a page reads the stored state, migrates it, and mints the sampling id if need be.
   */
  const write = async (change: (s: PacingState) => void = () => {}): Promise<void> => {
    clearTimeout(timer)
    timer = 0
    if (!canStore()) return change(state)
    // At once, not when the write lands: events meanwhile must not schedule another write.
    saved = state.last
    const next = await store.update<PacingState>(PACING_KEY, (stored) => {
      const s = merge(readPacing(stored), state)
      change(s)
      return s
    })
    state = merge(next, state)
    tell(next)
  }

  // Switching tabs or leaving the page: the next page or tab carries on with this session.
  document.addEventListener('visibilitychange', () => document.hidden && state.last > saved && settle(write()))

  return {
    state: () => state,
    write,
    /** Records activity (a tracked event). Written in batches, not once per event. */
    touch(at: number): void {
      if (touch(state, at, config.sessionMinutes) || at - saved >= ACTIVITY_EVERY_MS) timer ||= setTimeout(() => settle(write()), BATCH_MS)
    },
    /** Forgets everything, the sampling id included, in every tab. */
    reset(): Promise<void> {
      // Held in a const: another tab's message may replace `state` before the transaction runs.
      const fresh = (state = freshPacing())
      return write((s) => Object.assign(s, fresh))
    },
  }
}

export type Book = ReturnType<typeof createBook>
