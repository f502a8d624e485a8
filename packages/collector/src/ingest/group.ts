// Group commit: the batches that arrive while the database is busy wait, then share the next
// transaction, so a commit (an fsync on SQLite, a WAL flush and a few round trips on PostgreSQL)
// is paid once for many POSTs instead of once each. Each batch's promise settles only after the
// transaction that holds it has committed (or failed), so a 2xx still means "durable". A group that
// fails is not allowed to take its neighbours down with it: its batches are run again one by one,
// each in a transaction of its own, and only the batch that fails alone is rejected. No I/O here
// beyond what `run` does.

/** How a group committer runs transactions. */
export interface GroupOptions<B, R> {
  /** Transactions in flight at once (1 for SQLite's single writer). */
  maxInFlight: number
  /** A group stops growing at this many items (a single larger batch still runs, alone). */
  maxItems: number
  /** The items a batch counts for `maxItems` (its records). */
  sizeOf(batch: B): number
  /** Writes the batches in one transaction; resolves after the commit with one result per batch, in order. */
  run(group: B[]): Promise<R[]>
  /**
   * Whether a group's failure may be one batch's fault, so running its batches alone is worth it
   * (default: always). A database that is down or locked fails them all alike: no point waiting for
   * it once per batch before answering 503.
   */
  mayIsolate?(error: unknown): boolean
}

interface Waiting<B, R> {
  batch: B
  resolve(result: R): void
  reject(error: unknown): void
}

/**
 * A function that writes one batch and resolves with its result once the transaction holding it
 * has committed. Batches submitted while `maxInFlight` transactions are running are grouped into
 * the next one. When a slot is free, a batch starts at once: no timer, no added latency when idle.
 */
export function groupCommitter<B, R>(options: GroupOptions<B, R>): (batch: B) => Promise<R> {
  const queue: Waiting<B, R>[] = []
  let inFlight = 0

  const runAlone = async (w: Waiting<B, R>) => {
    try {
      const [result] = await options.run([w.batch])
      w.resolve(result as R)
    } catch (e) {
      w.reject(e)
    }
  }

  const runGroup = async (group: Waiting<B, R>[]) => {
    if (group.length === 1) return runAlone(group[0]!)
    let results: R[]
    try {
      results = await options.run(group.map((w) => w.batch))
    } catch (e) {
      // Nothing of the group committed. One batch may be the cause: each is tried again on its own,
      // so the others are still stored and the culprit alone is refused.
      if (options.mayIsolate && !options.mayIsolate(e)) for (const w of group) w.reject(e)
      else for (const w of group) await runAlone(w)
      return
    }
    group.forEach((w, i) => w.resolve(results[i] as R))
  }

  const take = () => {
    const group = [queue.shift()!]
    let size = options.sizeOf(group[0]!.batch)
    while (queue.length && size + options.sizeOf(queue[0]!.batch) <= options.maxItems) {
      size += options.sizeOf(queue[0]!.batch)
      group.push(queue.shift()!)
    }
    return group
  }

  const pump = () => {
    while (inFlight < options.maxInFlight && queue.length) {
      inFlight++
      void runGroup(take()).finally(() => {
        inFlight--
        // Next turn of the event loop, not now: the requests that arrived while this transaction ran
        // (SQLite's runs on this thread and blocks it) are read first, and join the next group.
        setImmediate(pump)
      })
    }
  }

  return (batch) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ batch, resolve, reject })
      pump()
    })
}
