/** The part of the pacing state a session is made of: its first and its latest activity, in any tab. */
export interface Activity {
  start: number
  last: number
}

/** Minutes without activity, in any tab, that end a session unless the config says otherwise. */
export const SESSION_MINUTES = 30

/** Whether the session is still going at `now`: some activity less than `minutes` ago. */
export const inSession = (state: Activity, now: number, minutes = SESSION_MINUTES): boolean => now - state.last < minutes * 6e4

/**
 * Records activity at `now` (a tracked event, a prompt shown). Returns true when it starts a new
 * session, i.e. when the previous one had been idle for `minutes` or more.
 */
export function touch(state: Activity, now: number, minutes?: number): boolean {
  const started = !inSession(state, now, minutes)
  if (started) state.start = now
  if (now > state.last) state.last = now
  return started
}
