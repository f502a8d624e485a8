// The collector's own read routes: records (paginated JSON), the two exports, rejections, erasure.
// Each is a ReadRoute: called only after the token was checked, with who is asking.
import { Readable } from 'node:stream'
import { eraseUser } from '../maintenance/erase'
import type { Context, ReadRoute, Reply } from '../server/contract'
import { answerColumns, momentHeader, momentLine, responseHeader, responseLine } from './csv'
import { BadRequest, readFilters } from './filters'
import { allRecords, readPage } from './page'
import type { MomentOut, ResponseOut } from './rows'

const adminOnly: Reply = { status: 403, body: { error: 'only the admin token may do this' } }

/** GET /api/records?survey&touchpoint&owner&from&to&kind&preview&limit&cursor */
export const records: ReadRoute = async (_req, url, access, ctx) => {
  const limit = Math.min(1000, Math.max(1, Math.floor(Number(url.searchParams.get('limit')) || 100)))
  const page = await readPage(ctx.store, ctx.config, readFilters(url), access, limit, url.searchParams.get('cursor') || undefined)
  return { status: 200, body: page }
}

const attachment = (name: string, type: string) => ({
  'content-type': type,
  'content-disposition': `attachment; filename="${name}"`,
  'cache-control': 'no-store',
})

/** GET /api/export.ndjson: every matching record, one JSON object a line, streamed. */
export const exportNdjson: ReadRoute = async (_req, url, access, ctx) => {
  const filters = readFilters(url)
  const lines = async function* () {
    for await (const r of allRecords(ctx.store, ctx.config, filters, access)) yield JSON.stringify(r) + '\n'
  }
  return { status: 200, headers: attachment(`hetki-${filters.kind}s.ndjson`, 'application/x-ndjson; charset=utf-8'), body: Readable.from(lines()) }
}

/** GET /api/export.csv: responses with one column per question (or shown/dismissed records), streamed. */
export const exportCsv: ReadRoute = async (_req, url, access, ctx) => {
  const filters = readFilters(url)
  const columns = answerColumns(ctx.config, filters.survey)
  const lines = async function* () {
    // A byte-order mark, so spreadsheets read the answers' å, ä and ö as UTF-8.
    yield '\uFEFF' + (filters.kind === 'response' ? responseHeader(columns) : momentHeader())
    for await (const r of allRecords(ctx.store, ctx.config, filters, access))
      yield r.kind === 'response' ? responseLine(r as ResponseOut, columns) : momentLine(r as MomentOut)
  }
  return { status: 200, headers: attachment(`hetki-${filters.kind}s.csv`, 'text/csv; charset=utf-8'), body: Readable.from(lines()) }
}

/** GET /api/rejections (admin): records refused at ingest, counted by reason, the latest 100 listed. */
export const rejections: ReadRoute = async (_req, _url, access, ctx) => {
  if (access.role !== 'admin') return adminOnly
  const db = ctx.store.db
  const [total, byReason, recent, dropped] = await Promise.all([
    db
      .selectFrom('rejections')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('rejections')
      .select(['reason', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('reason')
      .orderBy('count', 'desc')
      .limit(50)
      .execute(),
    db.selectFrom('rejections').selectAll().orderBy('received_at', 'desc').limit(100).execute(),
    db
      .selectFrom('drops')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('dropped'), eb.lit(0)).as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return {
    status: 200,
    body: {
      total: Number(total.n),
      byReason: byReason.map((r) => ({ reason: r.reason, count: Number(r.count) })),
      recent: recent.map((r) => ({ recordId: r.record_id, surveyId: r.survey_id, reason: r.reason, origin: r.origin, receivedAt: r.received_at })),
      droppedByBrowsers: Number(dropped.n),
    },
  }
}

/** DELETE /api/users/<userId> (admin): erases every record of that userId and what was derived from them. */
export const eraseRoute: ReadRoute = async (_req, url, access, ctx) => {
  if (access.role !== 'admin') return adminOnly
  let userId: string
  try {
    userId = decodeURIComponent(url.pathname.slice('/api/users/'.length))
  } catch {
    return { status: 400, body: { error: 'the userId is not a valid URL component' } }
  }
  if (!userId) return { status: 400, body: { error: 'name the userId: DELETE /api/users/<userId>' } }
  return { status: 200, body: { userId, erased: await eraseUser(ctx.store, userId) } }
}

/** Turns a BadRequest thrown while reading the query string into 400. */
export const guarded =
  (route: ReadRoute): ReadRoute =>
  async (req, url, access, ctx: Context) => {
    try {
      return await route(req, url, access, ctx)
    } catch (e) {
      if (e instanceof BadRequest) return { status: 400, body: { error: e.message } }
      throw e
    }
  }
