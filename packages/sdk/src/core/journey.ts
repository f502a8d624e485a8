import type { Config } from '../pure/config/types'
import { settle } from '../shared/guard'
import type { Plan } from '../pure/rules/plan'
import type { Rider, Store } from '../shared/store'
import type { TouchEvent } from '../pure/journey/event'
import { mergeHistory, remember, type History } from '../pure/journey/history'
import { extend, keepOf, mergeTrail, type TrailEntry } from '../pure/journey/trail'

/** The journey as stored, shared by the tabs and pages of a visit; versioned so a release can migrate it. */
export interface JourneyState {
  v: 1
  history: History
  trail: TrailEntry[]
}

export const JOURNEY_KEY = 'journey:v1'

/**
 * The journey is written at most this long after it changed, with whatever transaction of the
 * state store comes first (a pacing write, mostly): not once per event. Hiding or leaving the
 * page writes it at once, so this bounds only what a crash, or a tab beside another that stays
 * visible, can miss.
 */
export const SAVE_EVERY_MS = 10 * 6e4

const read = (stored: unknown): JourneyState | undefined => {
  const s = stored as JourneyState
  return s && s.v === 1 && s.history && Array.isArray(s.trail) ? s : undefined
}

const fresh = (): JourneyState => ({ v: 1, history: {}, trail: [] })

/**
 * The journey stage's state: what rules look back on and the trail sent with answers. Recording is
 * synchronous and in memory; saving is batched, and merges with what other tabs saved meanwhile.
 */
export function createJourney(store: Store, config: Config, plan: Plan, canStore: () => boolean) {
  let state = fresh()
  /** Something was recorded since the page last wrote the journey as it left, so leaving writes it. */
  let recorded = false
  const keep = keepOf(config)

  /**
   * Joins the store's next transaction (record() asks for one; a transaction takes what waits), if
   * it may: this tab's journey merged into what storage holds, other tabs saving too. What it wrote
   * becomes this tab's journey, unless clear() replaced that meanwhile: the transaction may end
   * after a reset.
   */
  const rider: Rider = () => {
    const taken = state
    return (
      canStore() && [
        JOURNEY_KEY,
        (current: unknown) => {
          const stored = read(current)
          const both: JourneyState = stored
            ? {
                v: 1,
                history: mergeHistory(stored.history, state.history),
                trail: mergeTrail(stored.trail, state.trail, keep),
              }
            : state
          if (state === taken) state = both
          return both
        },
      ]
    )
  }

  return {
    /** The page's start, where storing is allowed (the runtime checks). */
    async load() {
      state = read(await store.get(JOURNEY_KEY)) || state
    },
    record(event: TouchEvent, path: string) {
      remember(state.history, event, plan.watched)
      extend(state.trail, event, config, path)
      recorded = true
      store.later(rider, SAVE_EVERY_MS)
    },
    /** Writes now, with whatever else waits for a transaction (the page is being hidden). */
    save: store.flush,
    /**
     * The page is going away: a read-modify-write would be cut off when the document is torn down,
     * so write this tab's journey as it is, in one request (the tabs that stay merge it back in),
     * whatever the batch waiting: its transaction may be the one cut off. The runtime calls this on
     * `beforeunload` as well as on `pagehide`: WebKit freezes a page going into its back/forward
     * cache right after `pagehide`, before even a committed write reaches IndexedDB, so an event
     * tracked before a navigation (a click that tracks, then leaves) was lost to the next page; a
     * navigation's `beforeunload` comes while the page still runs. Once written, `pagehide` has
     * nothing more to write.
     */
    leave() {
      // Byte trick: the comma runs both in the if's one statement, no block.
      if (recorded && canStore()) (recorded = false), settle(store.set(JOURNEY_KEY, state))
    },
    state: () => state,
    /** Forgets the journey (reset, consent withdrawn); storage is touched only where it may be. */
    async clear() {
      recorded = false
      // The batch waiting, if any, goes with this transaction, taken before the journey is forgotten.
      const deleted = canStore() && store.update(JOURNEY_KEY, () => undefined)
      state = fresh()
      await deleted
    },
  }
}

export type Journey = ReturnType<typeof createJourney>
