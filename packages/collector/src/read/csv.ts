// CSV as spreadsheets read it (RFC 4180): every cell quoted when it holds a quote, comma or line
// break, quotes doubled; and safe to open: a cell that a spreadsheet would run as a formula (it
// starts with =, +, -, @, tab or carriage return) is prefixed with ' so it stays text (OWASP's
// advice against CSV injection; answers are whatever a customer typed). Pure.
import type { Config } from '../../../sdk/src/pure/config/types'
import { asked } from '../ingest/questions'
import type { MomentOut, ResponseOut } from './rows'

/** One cell, quoted and defused as needed. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = "'" + s
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s
}

export const csvRow = (cells: unknown[]) => cells.map(csvCell).join(',') + '\r\n'

const RESPONSE_FIXED = [
  'id',
  'survey',
  'touchpoint',
  'owner',
  'completed',
  'started_at',
  'updated_at',
  'received_at',
  'lang',
  'path',
  'preview',
  'deliveries',
] as const
const MOMENT_FIXED = ['id', 'kind', 'survey', 'response_id', 'touchpoint', 'owner', 'at', 'received_at', 'lang', 'path', 'preview', 'deliveries'] as const

/** The answer columns: every question id of the chosen surveys (each once), and `<id>_other` where a choice has one. */
export function answerColumns(config: Config, survey?: string): string[] {
  const columns: string[] = []
  for (const s of config.surveys ?? []) {
    if (survey && s.id !== survey) continue
    for (const q of s.questions ?? []) {
      if (!columns.includes(q.id)) columns.push(q.id)
      const a = asked(q)
      if (a.type === 'choice' && a.other && !columns.includes(q.id + '_other')) columns.push(q.id + '_other')
    }
  }
  return columns
}

/** An answer as one cell: a feeling by its id, several choices joined by ";". */
const answerCell = (v: unknown): unknown =>
  Array.isArray(v) ? v.join(';') : v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : v

export const responseHeader = (columns: string[]) => csvRow([...RESPONSE_FIXED, ...columns])
export const momentHeader = () => csvRow([...MOMENT_FIXED])

export const responseLine = (r: ResponseOut, columns: string[]) =>
  csvRow([
    r.id,
    r.surveyId,
    r.touchpoint?.id,
    r.touchpoint?.owner,
    r.completed,
    r.startedAt,
    r.updatedAt,
    r.receivedAt,
    r.lang,
    r.path,
    r.preview,
    r.deliveries,
    ...columns.map((c) => answerCell(r.answers[c])),
  ])

export const momentLine = (m: MomentOut) =>
  csvRow([m.id, m.kind, m.surveyId, m.responseId, m.touchpoint?.id, m.touchpoint?.owner, m.at, m.receivedAt, m.lang, m.path, m.preview, m.deliveries])
