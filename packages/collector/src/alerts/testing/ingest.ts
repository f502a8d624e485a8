// Stores hand-made responses the way the ingest does (upsert by id, the newest updatedAt wins) and
// calls the alerts hook inside the same transaction with the responses whose revision changed.
// The real ingest lives in ../../ingest; this stands in for its storage step only, never for the hook.
import type { Context, StoredResponse } from '../../server/contract'

export async function ingest(ctx: Context, responses: StoredResponse[]): Promise<string[]> {
  return ctx.store.db.transaction().execute(async (trx) => {
    const changed: StoredResponse[] = []
    for (const r of responses) {
      const row = {
        id: r.id,
        survey_id: r.surveyId,
        touchpoint: r.touchpoint,
        owner: r.owner,
        completed: r.completed ? 1 : 0,
        answers: JSON.stringify(r.answers),
        lang: r.lang,
        path: r.path,
        url: null,
        user_id: r.userId,
        trail: JSON.stringify(r.trail),
        preview: r.preview ? 1 : 0,
        started_at: r.startedAt,
        updated_at: r.updatedAt,
        received_at: r.receivedAt,
        deliveries: 1,
      }
      const won = await trx
        .insertInto('responses')
        .values(row)
        .onConflict((oc) =>
          oc
            .column('id')
            .doUpdateSet((eb) => ({
              answers: eb.ref('excluded.answers'),
              completed: eb.ref('excluded.completed'),
              trail: eb.ref('excluded.trail'),
              updated_at: eb.ref('excluded.updated_at'),
            }))
            .where('responses.updated_at', '<', (eb) => eb.ref('excluded.updated_at')),
        )
        .returning('id')
        .executeTakeFirst()
      if (won) changed.push(r)
    }
    for (const hook of ctx.hooks) await hook.stored(trx, changed, ctx)
    return changed.map((r) => r.id)
  })
}
