/**
 * The SDK's only voice. Everything goes to `console.debug` behind a flag, because a script that
 * lives in other people's pages must never fill their console or their error tracker.
 * `fail` is the one exception: what stops Hetki from asking anyone (a config that disables it, a
 * lazy file that cannot be loaded) deserves one clear console error.
 */
let enabled = (): boolean => false

/**
 * On or off; or, in a lazy chunk (which has its own copy of this module), the core's `isDebug`,
 * so that `hetki.debug()` reaches every chunk at once.
 */
export const setDebug = (on: boolean | (() => boolean)): void => {
  enabled = typeof on == 'function' ? on : () => on
}

export const isDebug = (): boolean => enabled()

export const debug = (...args: unknown[]): void => {
  // The host page may have replaced console; a logging failure must not become the host's problem.
  try {
    if (enabled()) console.debug('[hetki]', ...args)
  } catch {}
}

export const fail = (message: string): void => {
  try {
    console.error('[hetki] ' + message)
  } catch {}
}
