import { promisifyRequest } from 'idb-keyval'
import { debug } from './log'
import { settle } from './guard'

/** A small key-value store that never throws and never rejects. */
export interface Store {
  get<T>(key: string): Promise<T | undefined>
  /**
   * Writes `value` as it is, in a request committed at once: what a page being left can still do.
   * The riders waiting are dropped: the page is being left, and a transaction started after
   * `pagehide` (the flush when the page then hides) keeps it out of Chromium's back/forward cache,
   * even aborted at once (test/e2e/journey.test.ts); in WebKit it would be frozen half done.
   */
  set(key: string, value: unknown): Promise<void>
  /** Every value stored (records carry their own key). */
  values<T>(): Promise<T[]>
  /**
   * Replaces the value of `key` with `fn(current)` in one readwrite transaction (with the riders
   * waiting, if any), so a check and a write made from it are atomic across tabs; `undefined`
   * deletes the key. `fn` must be pure: after a failed write it runs again on the memory copy.
   * Resolves to the value written.
   */
  update<T>(key: string, fn: (current: T | undefined) => T): Promise<T>
  /**
   * Has `rider` join this store's next readwrite transaction, whatever starts it (an `update`, a
   * `flush`: the runtime flushes when the page hides), and starts one in `ms` if none comes
   * sooner: many writes, one transaction. At that moment `rider` says what to write, `[key, fn]`
   * as for `update`, or nothing (nothing left to save, storage no longer allowed). Asking again
   * before then changes nothing.
   */
  later(rider: Rider, ms: number): void
  /** Runs the riders waiting for a transaction now (the page is being hidden). */
  flush(): Promise<unknown>
  /** Forgets everything this store holds (its own database only, never the host's). */
  clear(): Promise<unknown>
}

/** A write that waits for a transaction to join (`Store.later`). */
export type Rider = () => Entry | false | undefined | void
type Entry = [key: string, fn: (current: any) => unknown]

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

  const riders = new Set<Rider>()
  let due: ReturnType<typeof setTimeout> | 0 = 0

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
  /** One request in a readonly transaction, and its result once committed. */
  const read = <T>(request: (store: IDBObjectStore) => IDBRequest, fallback: () => T) =>
    run(
      'readonly',
      (store) => {
        const req = request(store)
        return () => req.result as T
      },
      fallback,
    )
  /** Into memory; `undefined` deletes. */
  const write = <T>(key: string, value: T): T => (value === undefined ? memory.delete(key) : memory.set(key, value), value)

  /**
   * One readwrite transaction for the riders and `main`, written last; resolves to the value `main`
   * wrote. A write of `undefined` deletes the key. One key is written by one of them only (the
   * riders check what the store lacks, and a main write takes care of that itself): two reads of one
   * key in one transaction would both see the old value.
   */
  const commit = async (main?: Entry) => {
    // Byte trick: `main` rides as one more rider, and filter(Boolean) drops who has nothing to write.
    const list = [...riders, () => main].map((r) => r()).filter(Boolean) as Entry[]
    riders.clear()
    clearTimeout(due)
    due = 0
    return (
      list[0] &&
      run(
        'readwrite',
        (store) => {
          const values: unknown[] = []
          list.forEach(([k, f], i) => {
            const req = store.get(k)
            // A put that throws here (a value it cannot clone, a full disk) would be the page's uncaught
            // error, from inside an IndexedDB event: abort instead, and the writes fall back to memory.
            req.onsuccess = () => {
              try {
                const v = (values[i] = f(req.result))
                v === undefined ? store.delete(k) : store.put(v, k)
              } catch {
                store.transaction.abort()
              }
            }
          })
          // Into memory only once committed: after a failed write each `fn` runs again on the old value.
          return () => list.map(([k], i) => write(k, values[i])).pop()
        },
        () => list.map(([k, f]) => write(k, f(memory.get(k)))).pop(),
      )
    )
  }

  return {
    get: <T>(key: string) =>
      read<T | undefined>(
        (store) => store.get(key),
        () => memory.get(key) as T,
      ),
    set: (key, value) => (
      write(key, value),
      riders.clear(),
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
      read<T[]>(
        (store) => store.getAll(),
        () => [...memory.values()] as T[],
      ),
    update: (key, fn) => commit([key, fn]) as never,
    later(rider, ms) {
      riders.add(rider)
      due ||= setTimeout(() => settle(commit()), ms)
    },
    flush: commit,
    // Not opened in this page (no consent yet): delete the database rather than open, and so create,
    // it just to empty it.
    clear: () => (
      memory.clear(),
      riders.clear(),
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
