// Reads a POST body into the records of an envelope, each checked against the wire format and the
// Hetki config: which records are stored, which are refused and why. Pure. A bad record never
// spoils its neighbours (a 4xx would make the browser drop the whole batch for good); only a body
// that is not an envelope at all is refused whole.
import type { Config, Survey } from '../../../sdk/src/pure/config/types'
import { answersProblem } from './questions'
import { readRecord, type WireRecord } from './record'

export interface Rejected {
  id: string | null
  surveyId: string | null
  reason: string
}

export type Envelope = { records: WireRecord[]; rejected: Rejected[]; dropped: number } | { error: string }

export interface CheckOptions {
  /** Records of surveys the config does not name are checked against the wire format only. */
  acceptUnknownSurveys?: boolean
}

const idOf = (r: unknown) => (r && typeof r === 'object' && typeof (r as { id?: unknown }).id === 'string' ? (r as { id: string }).id.slice(0, 64) : null)
const surveyOf = (r: unknown) =>
  r && typeof r === 'object' && typeof (r as { surveyId?: unknown }).surveyId === 'string' ? (r as { surveyId: string }).surveyId.slice(0, 200) : null

/** Parses a body as JSON whatever its content type said (`text/plain` spares a cross-origin sender the preflight). */
export function parseBody(body: Buffer | string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(typeof body === 'string' ? body : body.toString('utf8')) }
  } catch (e) {
    return { error: 'the body is not JSON: ' + (e instanceof Error ? e.message : String(e)) }
  }
}

/** Checks an envelope; `surveys` is the config's surveys by id. */
export function checkEnvelope(body: unknown, config: Config, options: CheckOptions = {}): Envelope {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { error: 'the body must be a JSON object (wire format v1)' }
  const envelope = body as { v?: unknown; records?: unknown; dropped?: unknown }
  if (envelope.v !== 1) return { error: 'unsupported wire format version ' + JSON.stringify(envelope.v) + ' (this collector reads v 1)' }
  if (!Array.isArray(envelope.records)) return { error: 'records must be an array' }
  if (envelope.dropped !== undefined && !(Number.isInteger(envelope.dropped) && (envelope.dropped as number) >= 0))
    return { error: 'dropped must be a whole number' }
  const surveys = new Map<string, Survey>((config.surveys ?? []).map((s) => [s.id, s]))
  const records: WireRecord[] = []
  const rejected: Rejected[] = []
  for (const raw of envelope.records) {
    const read = readRecord(raw)
    if ('reason' in read) {
      rejected.push({ id: idOf(raw), surveyId: surveyOf(raw), reason: read.reason })
      continue
    }
    const record = read.record
    if (record.kind === 'diagnostics') {
      // Counts of a survey this collector does not know would show as a funnel of nothing: refused
      // whole (and counted), like any record of an unknown survey, unless the roll-out setting says so.
      const unknown = options.acceptUnknownSurveys ? undefined : record.surveys.find((s) => !surveys.has(s.surveyId))
      if (unknown) rejected.push({ id: record.id, surveyId: unknown.surveyId, reason: `unknown survey ${JSON.stringify(unknown.surveyId)}` })
      else records.push(record)
      continue
    }
    const survey = surveys.get(record.surveyId)
    const refuse = (reason: string) => rejected.push({ id: record.id, surveyId: record.surveyId, reason })
    if (!survey) {
      if (options.acceptUnknownSurveys) records.push(record)
      else refuse(`unknown survey ${JSON.stringify(record.surveyId)}`)
      continue
    }
    const problem = record.kind === 'response' ? answersProblem(survey.questions ?? [], record.answers) : undefined
    if (problem) refuse(problem)
    else records.push(record)
  }
  return { records, rejected, dropped: (envelope.dropped as number | undefined) ?? 0 }
}
