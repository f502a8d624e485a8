// Retention: records received more than `retentionDays` ago are deleted at start-up and then every
// hour. Deleting is idempotent, so several instances doing it at once on one database is harmless.
import { deleteAlertsBefore } from '../alerts/retention'
import type { Context } from '../server/contract'
import { deleteOlderThan, type Erased } from './erase'

const DAY = 86_400_000

/** Deletes what is past retention now; undefined when no retention is set. */
export async function applyRetention(ctx: Context): Promise<Erased | undefined> {
  const days = ctx.server.retentionDays
  if (!days || !(days > 0)) return undefined
  const cutoff = new Date(ctx.now().getTime() - days * DAY).toISOString()
  await deleteAlertsBefore(ctx.store, cutoff)
  return deleteOlderThan(ctx.store, cutoff)
}

/** Runs retention every `everyMs` (default an hour) until stopped; errors are reported, not thrown. */
export function scheduleRetention(ctx: Context, onError: (e: unknown) => void, everyMs = 3_600_000): () => void {
  const timer = setInterval(() => applyRetention(ctx).catch(onError), everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
