import type { PacingState } from './state'

/** Minutes without activity, in any tab, that end a session unless the config says otherwise. */
export const SESSION_MINUTES = 30

/** Whether the session is still going at `now`: some activity less than `minutes` ago. */
export const inSession = (state: PacingState, now: number, minutes = SESSION_MINUTES): boolean =>
  now - state.last < minutes * 6e4

/**
 * Records activity at `now` (a tracked event, a prompt shown). Returns true when it starts a new
 * session, i.e. when the previous one had been idle for `minutes` or more.
 */
export function touch(state: PacingState, now: number, minutes?: number): boolean {
  const started = !inSession(state, now, minutes)
  if (started) state.start = now
  if (now > state.last) state.last = now
  return started
}
