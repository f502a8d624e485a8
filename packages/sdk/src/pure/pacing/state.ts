import { touch, type Activity } from './session'

/** What Hetki remembers about one survey on this device. Times are epoch milliseconds. */
export interface SurveyMemory {
  shown?: number
  answered?: number
  dismissed?: number
  /** Completed answers given on this device. */
  responses?: number
  /** The UTC day (days since the epoch) this device last sent diagnostics on the survey (opt-in `diagnostics`). */
  reported?: number
}

/**
 * Pacing state: one record shared by every tab through IndexedDB, versioned (`v`) so that a
 * later release can migrate it (`readPacing` migrates version 1). Times are epoch milliseconds.
 */
export interface PacingState extends Activity {
  v: 2
  /** A stable random id of this device for deterministic sampling; a new one after `reset()`. */
  samplingId: string
  surveys: Record<string, SurveyMemory>
  /** When any survey was shown, oldest first; the last SHOWS_KEPT of them. */
  shows: number[]
}

/** The key predates versioned values and stays for good: the value carries its version. */
export const PACING_KEY = 'pacing:v1'
/** Enough for any per-session or per-N-days cap a config could sensibly ask for. */
export const SHOWS_KEPT = 100

/**
 * A sampling id: 21 URL-safe characters carrying 126 random bits, the shape of a nanoid. Byte
 * trick: the base64 of 16 random bytes, `+` and `/` made URL-safe, instead of nanoid, whose
 * 64-character alphabet cost every page 135 B gzip in the core (the engine keeps nanoid).
 */
export const samplingId = (): string =>
  btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))))
    .slice(0, 21)
    .replace(/\+/g, '-')
    .replace(/\//g, '_')

/** A state for a device Hetki knows nothing about yet, with a new sampling id. */
export const freshPacing = (): PacingState => ({ v: 2, samplingId: samplingId(), surveys: {}, shows: [], start: 0, last: 0 })

/**
 * Reads what storage handed over. The current version is taken as is; version 1, the
 * foundation's `{ v: 1, surveys: { id: { shown, answered, dismissed } } }`, is migrated; anything
 * else (nothing yet, damaged, cleared) starts afresh rather than break the page.
 */
export function readPacing(stored: unknown): PacingState {
  const s = stored as PacingState | { v: 1; surveys: Record<string, SurveyMemory> } | undefined
  if (s?.v === 2 && s.surveys && Array.isArray(s.shows)) return s
  const state = freshPacing()
  if (s?.v === 1) {
    state.surveys = s.surveys
    for (const m of Object.values(s.surveys)) {
      m.responses = m.answered ? 1 : 0
      if (m.shown) state.shows.push(m.shown)
    }
    state.shows.sort((a, b) => a - b)
  }
  return state
}

const later = (a: number, b: number): number => (a > b ? a : b)

/**
 * Takes `fresh`, the state just read from storage or heard from another tab, and keeps this
 * tab's session activity if it is newer (it is written in batches). Every other change goes
 * through one storage transaction that starts from the stored state, so storage holds it.
 */
export const merge = (fresh: PacingState, local: PacingState): PacingState => ({
  ...fresh,
  start: later(fresh.start, local.start),
  last: later(fresh.last, local.last),
})

/**
 * Remembers that survey `id` was shown, answered or dismissed at `at`. Idempotent for a given
 * `at`: a storage write that fails half-way is replayed on the memory copy and must not count twice.
 */
export function mark(state: PacingState, id: string, what: 'shown' | 'answered' | 'dismissed', at: number, sessionMinutes?: number): void {
  const m = (state.surveys[id] ||= {})
  if (what === 'answered' && m.answered !== at) m.responses = (m.responses || 0) + 1
  m[what] = at
  if (what === 'shown' && !state.shows.includes(at)) (state.shows = [...state.shows, at].slice(-SHOWS_KEPT)), touch(state, at, sessionMinutes)
}
