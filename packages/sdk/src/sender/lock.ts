/**
 * Runs `fn` while holding the Web Lock `name`, so that one tab at a time does it; other tabs queue
 * and run after. Where Web Locks are missing or refused (old browsers, opaque origins) `fn` just
 * runs: every record has an id and the backend upserts, so two flushers cost a duplicate delivery,
 * never a duplicate answer.
 */
export const exclusive = <T>(name: string, fn: () => Promise<T>): Promise<T> => {
  const locks = navigator.locks
  // A refused lock runs `fn` unlocked; so would an `fn` that rejected, but the outbox's never does.
  return locks ? (locks.request(name, fn) as Promise<T>).catch(fn) : fn()
}
