// Reads one record of wire kind "diagnostics" (contract.ts) into what the ingest stores, or says
// why it cannot. Pure. Only counts are kept: fields a diagnostics record must not carry (a page, a
// trail, a user id) are refused, so a sender that leaks them learns it from the refusal.
import type { DiagnosticsIn } from './contract'

/** More than any config has surveys, fewer than a hostile body could list. */
export const MAX_SURVEYS = 1000
/** Outcome codes per survey: the engine has about fifteen. */
export const MAX_OUTCOMES = 50
/** A count above this in one record is not a page's worth of decisions. */
export const MAX_COUNT = 1_000_000
/** An outcome code: a short camelCase word, as the engine names its reasons. */
const CODE = /^[a-z][A-Za-z0-9]{0,39}$/
/** Whole days a device may have been away: a century. */
const MAX_GAP = 36_600

const DAY = 86_400_000
const ALLOWED = new Set(['id', 'kind', 'at', 'sample', 'surveys'])
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)
const whole = (v: unknown, max: number): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max

/** The record read, or the reason it is refused. `r` is an object whose `id` and `kind` were checked. */
export function readDiagnostics(r: Record<string, unknown>): { record: DiagnosticsIn } | { reason: string } {
  const extra = Object.keys(r).find((k) => !ALLOWED.has(k))
  if (extra) return { reason: `a diagnostics record carries counts only, not ${JSON.stringify(extra.slice(0, 40))}` }
  if (typeof r.at !== 'string' || r.at.length > 40 || !/^\d{4}-\d{2}-\d{2}T/.test(r.at) || Number.isNaN(Date.parse(r.at)))
    return { reason: 'at must be an ISO time' }
  const day = new Date(Date.parse(r.at)).toISOString().slice(0, 10)
  if (typeof r.sample !== 'number' || !(r.sample > 0 && r.sample <= 1)) return { reason: 'sample must be a number above 0 and at most 1' }
  if (!isObject(r.surveys)) return { reason: 'surveys must be an object of counts by survey id' }
  const entries = Object.entries(r.surveys)
  if (!entries.length) return { reason: 'surveys is empty' }
  if (entries.length > MAX_SURVEYS) return { reason: `surveys has more than ${MAX_SURVEYS} keys` }
  const surveys: DiagnosticsIn['surveys'] = []
  for (const [surveyId, counts] of entries) {
    const at = `surveys[${JSON.stringify(surveyId.slice(0, 60))}]`
    if (!surveyId || surveyId.length > 200) return { reason: 'a survey id must be 1–200 characters' }
    if (!isObject(counts)) return { reason: `${at} must be { outcomes, first?, gap? }` }
    const unknown = Object.keys(counts).find((k) => k !== 'outcomes' && k !== 'first' && k !== 'gap')
    if (unknown) return { reason: `${at} carries counts only, not ${JSON.stringify(unknown.slice(0, 40))}` }
    if (!isObject(counts.outcomes)) return { reason: `${at}.outcomes must be an object of counts` }
    const outcomes = Object.entries(counts.outcomes)
    if (outcomes.length > MAX_OUTCOMES) return { reason: `${at}.outcomes has more than ${MAX_OUTCOMES} keys` }
    for (const [code, n] of outcomes) {
      if (!CODE.test(code)) return { reason: `${at}.outcomes: ${JSON.stringify(code.slice(0, 60))} is not an outcome code` }
      if (!whole(n, MAX_COUNT)) return { reason: `${at}.outcomes.${code} must be a whole number from 0 to ${MAX_COUNT}` }
    }
    if (counts.first !== undefined && counts.first !== true) return { reason: `${at}.first must be true when present` }
    if (counts.gap !== undefined && (counts.first !== true || !whole(counts.gap, MAX_GAP) || counts.gap < 1))
      return { reason: `${at}.gap must be a whole number of days from 1 to ${MAX_GAP}, and only with first` }
    const gap = counts.gap as number | undefined
    surveys.push({
      surveyId,
      outcomes: (outcomes as [string, number][]).filter(([, n]) => n > 0),
      first: counts.first === true,
      previousDay: gap ? new Date(Date.parse(day) - gap * DAY).toISOString().slice(0, 10) : null,
    })
  }
  return { record: { id: r.id as string, kind: 'diagnostics', day, sample: r.sample, surveys } }
}
