// POST /collect's work, without HTTP: parse the body, check each record, store the valid ones in one
// durable transaction, and say which were refused and why. The HTTP layer turns the result into a
// status; `demo/seed.mjs` and tests call it directly.
import type { Context, IngestResult } from '../server/contract'
import { checkEnvelope, parseBody } from './envelope'
import { writeBatch } from './write'

export interface IngestMeta {
  /** The Origin header of the POST (kept with rejections, for the admin). */
  origin?: string | null
  /** When the body arrived (default: ctx.now()). */
  receivedAt?: Date
}

/** Default largest body: 1 MiB. */
export const MAX_BODY = 1 << 20

/**
 * Ingests one body: a Buffer or string as it came over HTTP (JSON whatever the content type), or an
 * already parsed envelope. Resolves once the stored records are committed; rejects when the
 * database fails (the HTTP layer answers 503, the browser sends the batch again).
 */
export async function ingest(ctx: Context, body: Buffer | string | object, { origin = null, receivedAt }: IngestMeta = {}): Promise<IngestResult> {
  const at = (receivedAt ?? ctx.now()).toISOString()
  let value: unknown = body
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    const max = ctx.server.maxBody ?? MAX_BODY
    const size = typeof body === 'string' ? Buffer.byteLength(body) : body.length
    if (size > max) return refuseWhole(ctx, 413, `the body is ${size} bytes, more than ${max}`, origin, at)
    const parsed = parseBody(body)
    if ('error' in parsed) return refuseWhole(ctx, 400, parsed.error, origin, at)
    value = parsed.value
  }
  const envelope = checkEnvelope(value, ctx.config, { acceptUnknownSurveys: ctx.server.acceptUnknownSurveys })
  if ('error' in envelope) return refuseWhole(ctx, 400, envelope.error, origin, at)
  await writeBatch(ctx, { ...envelope, origin, receivedAt: at })
  const stored = [...new Set(envelope.records.map((r) => r.id))]
  return { status: 200, stored, rejected: envelope.rejected.map(({ id, reason }) => ({ id, reason })) }
}

/** A body refused whole is counted with the rejections too (record id unknown), so the admin sees it. */
export async function refuseWhole(ctx: Context, status: 400 | 413, error: string, origin: string | null, at: string): Promise<IngestResult> {
  await writeBatch(ctx, { records: [], rejected: [{ id: null, surveyId: null, reason: `${status}: ${error}` }], dropped: 0, origin, receivedAt: at })
  return { status, stored: [], rejected: [], error }
}
