// The alerts' share of retention: queue rows, count-rule matches and digests older than the cutoff
// go with the records they were about. Rows still pending are kept (they are not done yet).
import type { Store } from '../db/open'

/** Deletes alert rows created before `cutoff` (ISO), except those still pending; returns how many of each. */
export async function deleteAlertsBefore(store: Store, cutoff: string): Promise<{ alerts: number; matches: number; digests: number }> {
  return store.db.transaction().execute(async (trx) => {
    const alerts = await trx.deleteFrom('alert_queue').where('created_at', '<', cutoff).where('status', '!=', 'pending').executeTakeFirst()
    const matches = await trx.deleteFrom('alert_matches').where('at', '<', cutoff).executeTakeFirst()
    const digests = await trx.deleteFrom('alert_digests').where('created_at', '<', cutoff).where('status', '!=', 'pending').executeTakeFirst()
    return { alerts: Number(alerts.numDeletedRows), matches: Number(matches.numDeletedRows), digests: Number(digests.numDeletedRows) }
  })
}
