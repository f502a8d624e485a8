import type { Config } from '../pure/config/types'
import { settle } from '../shared/guard'
import type { Plan } from '../pure/rules/plan'
import type { Store } from '../shared/store'
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

/** Writes wait this long so that a burst of events costs one IndexedDB write, not one per event. */
const SAVE_DELAY_MS = 500

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
  let dirty = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const keep = keepOf(config)

  /**
   * Written by `leave` on `beforeunload` while something is unsaved, as well as on `pagehide`:
   * WebKit freezes a page going into its back/forward cache right after `pagehide`, before even a
   * committed write reaches IndexedDB, so an event tracked just before a navigation (a click that
   * tracks, then leaves) was lost to the next page; a navigation's `beforeunload` comes while the
   * page still runs. Listened to only while unsaved: Firefox keeps a page with a `beforeunload`
   * listener out of its back/forward cache.
   */
  const stop = () => {
    clearTimeout(timer)
    timer = undefined
    removeEventListener('beforeunload', leave)
  }
  const save = async () => {
    stop()
    if (!dirty || !canStore()) return
    dirty = false
    // One transaction, merged with what other tabs saved meanwhile.
    await store.update<JourneyState>(JOURNEY_KEY, (current) => {
      const stored = read(current)
      return (state = stored
        ? {
            v: 1,
            history: mergeHistory(stored.history, state.history),
            trail: mergeTrail(stored.trail, state.trail, keep),
          }
        : state)
    })
  }

  /**
   * The page is going away: a read-modify-write would be cut off when the document is torn down,
   * so write this tab's journey as it is, in one request. The tabs that stay merge it back in.
   */
  function leave() {
    // The batched save may still come: finding nothing unsaved, it only lets go of the listener.
    if (dirty && canStore()) (dirty = false), settle(store.set(JOURNEY_KEY, state))
  }

  return {
    async load() {
      if (canStore()) state = read(await store.get(JOURNEY_KEY)) || state
    },
    record(event: TouchEvent, path: string) {
      remember(state.history, event, plan.watched)
      extend(state.trail, event, config, path)
      dirty = true
      timer ||= setTimeout(() => settle(save()), SAVE_DELAY_MS)
      addEventListener('beforeunload', leave)
    },
    /** Writes now (the page is being hidden or left). */
    save,
    leave,
    state: () => state,
    /** Forgets the journey (reset, consent withdrawn); storage is touched only where it may be. */
    async clear() {
      stop()
      dirty = false
      state = fresh()
      if (canStore()) await store.update(JOURNEY_KEY, () => undefined)
    },
  }
}

export type Journey = ReturnType<typeof createJourney>
