import { debug } from './log'

/** Wraps a function so that nothing it throws reaches the caller (the host page). */
export const guard =
  <A extends unknown[], R>(fn: (...args: A) => R) =>
  (...args: A): R | undefined => {
    try {
      return fn(...args)
    } catch (e) {
      debug('error', e)
    }
  }

/** Ends a promise chain so that a rejection never becomes the host page's unhandled rejection. */
export const settle = (p: Promise<unknown>): void => {
  p.then(undefined, (e) => debug('error', e))
}
