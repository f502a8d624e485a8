// Reads one record of wire format v1 (docs/delivery.md, packages/sdk/wire-format.schema.json) into
// a normalised shape, or says why it cannot. Pure. Unknown fields are ignored (fields are only ever
// added within v1); times are rewritten as toISOString() so they compare as text in both databases.
import type { DiagnosticsIn } from '../diagnostics/contract'
import { readDiagnostics } from '../diagnostics/read'
import type { TrailStep } from '../server/contract'

/** A record that passed the wire format checks; times normalised to ISO UTC. */
export type WireRecord = ResponseIn | MomentIn | DiagnosticsIn

interface Common {
  id: string
  surveyId: string
  responseId: string
  touchpoint: string | null
  owner: string | null
  lang: string | null
  path: string | null
  url: string | null
  userId: string | null
  trail: TrailStep[]
  preview: boolean
}
export interface ResponseIn extends Common {
  kind: 'response'
  answers: Record<string, unknown>
  completed: boolean
  startedAt: string
  updatedAt: string
}
export interface MomentIn extends Common {
  kind: 'shown' | 'dismissed'
  at: string
}

/** Ids are URL-safe and short; the SDK mints 21-character nanoids, other senders may use up to 64. */
const ID = /^[A-Za-z0-9_-]{1,64}$/
const MAX_TEXT = 200
const MAX_URL = 4000
const MAX_TRAIL = 200
const MAX_ANSWERS = 100

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)
const text = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length > 0 && v.length <= max
/** An ISO time (what the SDK sends), normalised; undefined when it is not one. */
const time = (v: unknown): string | undefined => {
  if (typeof v !== 'string' || v.length > 40 || !/^\d{4}-\d{2}-\d{2}T/.test(v)) return undefined
  const ms = Date.parse(v)
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString()
}

class Refused extends Error {}
const refuse = (reason: string): never => {
  throw new Refused(reason)
}

function trailOf(value: unknown): TrailStep[] {
  if (!Array.isArray(value)) return refuse('trail must be an array')
  if (value.length > MAX_TRAIL) refuse(`trail has more than ${MAX_TRAIL} steps`)
  return value.map((step, i) => {
    if (!isObject(step)) return refuse(`trail[${i}] must be an object`)
    if (!text(step.event)) refuse(`trail[${i}].event must be a name of at most ${MAX_TEXT} characters`)
    const at = time(step.at) ?? refuse(`trail[${i}].at must be an ISO time`)
    if (step.touchpoint !== undefined && !text(step.touchpoint)) refuse(`trail[${i}].touchpoint must be a string`)
    if (step.props !== undefined && !isObject(step.props)) refuse(`trail[${i}].props must be an object`)
    return {
      event: step.event as string,
      at,
      ...(step.touchpoint !== undefined ? { touchpoint: step.touchpoint as string } : {}),
      ...(step.props !== undefined ? { props: step.props as Record<string, unknown> } : {}),
    }
  })
}

/** The record read, or the reason it is refused. */
export function readRecord(raw: unknown): { record: WireRecord } | { reason: string } {
  try {
    return { record: read(raw) }
  } catch (e) {
    if (e instanceof Refused) return { reason: e.message }
    throw e
  }
}

function read(r: unknown): WireRecord {
  if (!isObject(r)) return refuse('a record must be an object')
  if (typeof r.id !== 'string' || !ID.test(r.id)) refuse('id must be 1–64 characters of A–Z, a–z, 0–9, _ and -')
  if (r.kind === 'diagnostics') {
    const read = readDiagnostics(r)
    return 'reason' in read ? refuse(read.reason) : read.record
  }
  if (!text(r.surveyId)) refuse('surveyId must be a string of 1–200 characters')
  if (typeof r.responseId !== 'string' || !ID.test(r.responseId)) refuse('responseId must be an id')
  let touchpoint: string | null = null
  let owner: string | null = null
  if (r.touchpoint !== undefined) {
    const t = r.touchpoint
    if (!isObject(t) || !text(t.id) || (t.owner !== undefined && !text(t.owner))) refuse('touchpoint must be { id, owner? } of strings')
    touchpoint = (t as { id: string }).id
    owner = ((t as { owner?: string }).owner as string | undefined) ?? null
  }
  if (typeof r.lang !== 'string' || r.lang.length > 35) refuse('lang must be a language tag')
  if (typeof r.path !== 'string' || !r.path.startsWith('/') || r.path.length > MAX_URL) refuse('path must be a page path starting with /')
  if (r.url !== undefined && !text(r.url, MAX_URL)) refuse('url must be a string')
  if (r.userId !== undefined && !text(r.userId)) refuse('userId must be a string of 1–200 characters')
  if (r.preview !== undefined && r.preview !== true) refuse('preview must be true when present')
  const common: Common = {
    id: r.id as string,
    surveyId: r.surveyId as string,
    responseId: r.responseId as string,
    touchpoint,
    owner,
    lang: r.lang as string,
    path: r.path as string,
    url: (r.url as string | undefined) ?? null,
    userId: (r.userId as string | undefined) ?? null,
    trail: trailOf(r.trail),
    preview: r.preview === true,
  }
  if (r.kind === 'shown' || r.kind === 'dismissed') {
    if (r.answers !== undefined || r.completed !== undefined) refuse(`a ${r.kind} record carries no answers`)
    return { ...common, kind: r.kind, at: time(r.at) ?? refuse('at must be an ISO time') }
  }
  if (r.kind !== 'response') return refuse('kind must be "response", "shown", "dismissed" or "diagnostics"')
  if (r.responseId !== r.id) refuse('responseId must equal id on a response')
  if (!isObject(r.answers)) refuse('answers must be an object')
  if (Object.keys(r.answers as object).length > MAX_ANSWERS) refuse(`answers has more than ${MAX_ANSWERS} keys`)
  if (typeof r.completed !== 'boolean') refuse('completed must be true or false')
  return {
    ...common,
    kind: 'response',
    answers: r.answers as Record<string, unknown>,
    completed: r.completed as boolean,
    startedAt: time(r.startedAt) ?? refuse('startedAt must be an ISO time'),
    updatedAt: time(r.updatedAt) ?? refuse('updatedAt must be an ISO time'),
  }
}
