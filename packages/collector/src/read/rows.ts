// Stored rows as the API hands them out: the wire format's names (camelCase, touchpoint as
// { id, owner }, booleans and JSON parsed), plus what the collector adds (receivedAt, deliveries).
import type { Selectable } from 'kysely'
import type { MomentsTable, ResponsesTable } from '../db/schema'

export interface ResponseOut {
  id: string
  kind: 'response'
  surveyId: string
  responseId: string
  touchpoint: { id: string; owner: string | null } | null
  lang: string | null
  path: string | null
  url: string | null
  userId: string | null
  trail: unknown[]
  preview: boolean
  answers: Record<string, unknown>
  completed: boolean
  startedAt: string
  updatedAt: string
  receivedAt: string
  deliveries: number
}

export interface MomentOut {
  id: string
  kind: 'shown' | 'dismissed'
  surveyId: string
  responseId: string
  touchpoint: { id: string; owner: string | null } | null
  lang: string | null
  path: string | null
  userId: string | null
  trail: unknown[]
  preview: boolean
  at: string
  receivedAt: string
  deliveries: number
}

const touchpoint = (id: string | null, owner: string | null) => (id === null ? null : { id, owner })

export const responseOut = (r: Selectable<ResponsesTable>): ResponseOut => ({
  id: r.id,
  kind: 'response',
  surveyId: r.survey_id,
  responseId: r.id,
  touchpoint: touchpoint(r.touchpoint, r.owner),
  lang: r.lang,
  path: r.path,
  url: r.url,
  userId: r.user_id,
  trail: JSON.parse(r.trail),
  preview: !!r.preview,
  answers: JSON.parse(r.answers),
  completed: !!r.completed,
  startedAt: r.started_at,
  updatedAt: r.updated_at,
  receivedAt: r.received_at,
  deliveries: Number(r.deliveries),
})

export const momentOut = (m: MomentsTable): MomentOut => ({
  id: m.id,
  kind: m.kind,
  surveyId: m.survey_id,
  responseId: m.response_id,
  touchpoint: touchpoint(m.touchpoint, m.owner),
  lang: m.lang,
  path: m.path,
  userId: m.user_id,
  trail: JSON.parse(m.trail),
  preview: !!m.preview,
  at: m.at,
  receivedAt: m.received_at,
  deliveries: Number(m.deliveries),
})
