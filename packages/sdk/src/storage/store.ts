import { createStore, del, entries, get, promisifyRequest, update, type UseStore } from 'idb-keyval'
import { debug } from '../debug/log'

/** A small key-value store that never throws and never rejects. */
export interface Store {
  get<T>(key: string): Promise<T | undefined>
  set(key: string, value: unknown): Promise<void>
  /** Read-modify-write in one transaction: atomic across tabs, and it starts at once (safe in `pagehide`). */
  update<T>(key: string, fn: (current: T | undefined) => T): Promise<void>
  del(key: string): Promise<void>
  entries<T>(): Promise<[string, T][]>
  /** Deletes `key` only if `keep(current)` is false, in one transaction. */
  delUnless<T>(key: string, keep: (current: T | undefined) => boolean): Promise<unknown>
  /** Forgets everything this store holds (its own database only, never the host's). */
  clear(): Promise<unknown>
}

/**
 * IndexedDB through idb-keyval, one database per store (idb-keyval cannot put two stores in one
 * database). Every write also lands in memory, so when IndexedDB is missing or starts failing
 * (private mode, quota, blocked site data) the SDK carries on within the page.
 */
export function openStore(dbName: string, storeName = 'kv'): Store {
  const memory = new Map<string, unknown>()
  let idb: UseStore | undefined
  let broken = false

  const use = async <T>(op: (store: UseStore) => Promise<T>, fallback: () => T): Promise<T> => {
    if (!broken) {
      try {
        // createStore opens the database at once and throws synchronously where IndexedDB is
        // missing or blocked, hence the lazy call inside the try.
        return await op((idb ||= createStore(dbName, storeName)))
      } catch (e) {
        broken = true
        debug('IndexedDB unavailable for', dbName + '; keeping state in memory for this page', e)
      }
    }
    return fallback()
  }

  return {
    get: (key) => use((s) => get(key, s), () => memory.get(key) as never),
    set: (key, value) => {
      memory.set(key, value)
      return use(
        (s) =>
          s('readwrite', (store) => {
            store.put(value, key)
            // Commit at once rather than when the transaction goes idle: a page being left tears down
            // its connection, and only a committed write survives that (the journey saved in pagehide).
            store.transaction.commit?.()
            return promisifyRequest(store.transaction)
          }),
        () => {},
      )
    },
    update: <T>(key: string, fn: (current: T | undefined) => T) =>
      use(
        (s) => update<T>(key, (current) => {
          const next = fn(current)
          memory.set(key, next)
          return next
        }, s),
        () => void memory.set(key, fn(memory.get(key) as T | undefined)),
      ),
    del: (key) => {
      memory.delete(key)
      return use((s) => del(key, s), () => {})
    },
    entries: <T>() =>
      use(
        (s) => entries<string, T>(s),
        () => [...memory] as [string, T][],
      ),
    delUnless: (key, keep) => {
      if (!keep(memory.get(key) as never)) memory.delete(key)
      return use(
        (s) =>
          s('readwrite', (store) => {
            const req = store.get(key)
            req.onsuccess = () => {
              if (!keep(req.result)) store.delete(key)
            }
            return promisifyRequest(store.transaction)
          }),
        () => {},
      )
    },
    clear: () => {
      memory.clear()
      return use(
        (s) =>
          s('readwrite', (store) => {
            store.clear()
            return promisifyRequest(store.transaction)
          }),
        () => {},
      )
    },
  }
}
