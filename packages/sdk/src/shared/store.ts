import { promisifyRequest } from 'idb-keyval'
import { debug } from './log'

/** A small key-value store that never throws and never rejects. */
export interface Store {
  get<T>(key: string): Promise<T | undefined>
  set(key: string, value: unknown): Promise<void>
  /** Every value stored (records carry their own key). */
  values<T>(): Promise<T[]>
  /**
   * Replaces the value of `key` with `fn(current)` in one readwrite transaction, so a check and a
   * write made from it are atomic across tabs; `undefined` deletes the key. `fn` must be pure:
   * after a failed write it runs again on the memory copy. Resolves to the value written.
   */
  update<T>(key: string, fn: (current: T | undefined) => T): Promise<T>
  /** Forgets everything this store holds (its own database only, never the host's). */
  clear(): Promise<unknown>
}

/**
 * IndexedDB, one database per store, with one object store. Every write also lands in memory, so
 * when IndexedDB is missing or starts failing (private mode, quota, blocked site data) the SDK
 * carries on within the page.
 *
 * Each operation is one transaction whose result is read once it has committed. Only
 * `promisifyRequest` comes from idb-keyval: its `get`, `set`… would bring a default database and a
 * cursor fallback for browsers without `getAll`, and its `createStore` a second cache of the
 * connection beside this store's own (which must forget it when another tab deletes the
 * database), paid by every visitor.
 */
export function openStore(dbName: string, storeName = 'kv'): Store {
  const memory = new Map<string, unknown>()
  let idb: Promise<IDBDatabase> | undefined
  let broken = false
  /**
   * Leaving the page (from `pagehide` until `pageshow`) aborts this store's transactions, and those
   * started meanwhile, except those already committing (`set`): the others answer from memory.
   * WebKit freezes a page it keeps in its back/forward cache right after `pagehide` and
   * `visibilitychange`: a transaction still waiting for a request to call back then stays open for
   * as long as the page is cached, and every other page of the site waits on it (the next page's
   * Hetki never started: test/engines/bfcache.test.ts).
   */
  let leaving = false
  const open = new Set<IDBTransaction>()
  const abort = (tx: IDBTransaction) => {
    try {
      leaving && tx.abort()
    } catch {}
  }
  addEventListener('pagehide', () => {
    leaving = true
    open.forEach(abort)
  })
  addEventListener('pageshow', () => (leaving = false))

  /** The database, created with its one object store on first use. */
  const openDB = () => {
    const req = indexedDB.open(dbName)
    req.onupgradeneeded = () => req.result.createObjectStore(storeName)
    return promisifyRequest(req).then((db) => {
      // Another tab deletes the database (consent withdrawn there), or the browser closed the
      // connection (Safari may): let it go, and open it afresh if this tab may store again. Held
      // open, it would block the deletion for good.
      db.onversionchange = db.onclose = () => (db.close(), (idb = undefined))
      return db
    })
  }

  /** Runs `op` in one transaction; `op` returns how to read its result after the commit. */
  const run = async <T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => () => T, fallback: () => T): Promise<T> => {
    if (!broken) {
      try {
        // indexedDB.open throws synchronously where IndexedDB is missing or blocked, hence the
        // lazy call inside the try.
        const db = await (idb ||= openDB())
        const tx = db.transaction(storeName, mode)
        const result = op(tx.objectStore(storeName))
        open.add(tx)
        abort(tx)
        await promisifyRequest(tx)
        open.delete(tx)
        return result()
      } catch (e) {
        // Aborted because the page was left: IndexedDB itself is fine.
        if (!leaving) {
          broken = true
          debug('IndexedDB unavailable for', dbName + '; memory only', e)
        }
      }
    }
    return fallback()
  }
  const noop = () => {}
  /** Into memory; `undefined` deletes. */
  const write = <T>(key: string, value: T): T => (value === undefined ? memory.delete(key) : memory.set(key, value), value)

  return {
    get: <T>(key: string) =>
      run(
        'readonly',
        (store) => {
          const req = store.get(key)
          return () => req.result as T | undefined
        },
        () => memory.get(key) as T | undefined,
      ),
    set: (key, value) => (
      write(key, value),
      run(
        'readwrite',
        (store) => {
          store.put(value, key)
          // Commit at once rather than when the transaction goes idle: a page being left tears down
          // its connection, and only a committed write survives that (the journey saved in pagehide).
          store.transaction.commit?.()
          return noop
        },
        noop,
      )
    ),
    values: <T>() =>
      run(
        'readonly',
        (store) => {
          const req = store.getAll()
          return () => req.result as T[]
        },
        () => [...memory.values()] as T[],
      ),
    update: <T>(key: string, fn: (current: T | undefined) => T) =>
      run(
        'readwrite',
        (store) => {
          const req = store.get(key)
          let value: T
          // A put that throws here (a value it cannot clone, a full disk) would be the page's uncaught
          // error, from inside an IndexedDB event: abort instead, and the write falls back to memory.
          req.onsuccess = () => {
            try {
              value = fn(req.result)
              value === undefined ? store.delete(key) : store.put(value, key)
            } catch {
              store.transaction.abort()
            }
          }
          // Into memory only once committed: after a failed write `fn` runs again on the old value.
          return () => write(key, value)
        },
        () => write(key, fn(memory.get(key) as T | undefined)),
      ),
    // Not opened in this page (no consent yet): delete the database rather than open, and so create,
    // it just to empty it.
    clear: () => (
      memory.clear(),
      idb || broken
        ? run('readwrite', (store) => (store.clear(), noop), noop)
        : new Promise((done) => {
            try {
              const req = indexedDB.deleteDatabase(dbName)
              req.onsuccess = req.onerror = req.onblocked = done
            } catch {
              done(0)
            }
          })
    ),
  }
}
