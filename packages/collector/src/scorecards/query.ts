// The scorecards' query layer: a handful of GROUP BY queries over the derived tables (answers,
// moments, responses, trail_events) that turn any number of stored records into the counts
// ScorecardInput declares. One code path for SQLite and PostgreSQL: times are ISO text and compare
// as text in both; a row's slice (current, baseline, trend step) is a portable CASE over the
// request's periods, inlined as literals (validated ISO strings) so that PostgreSQL sees the same
// expression in SELECT and GROUP BY; counts come back as numbers (SQLite) or strings (PostgreSQL's
// bigint) and go through Number(). Previews are left out of every query.
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely'
import type { Config } from '../../../sdk/src/config/types'
import type { MetricName } from '../config/metrics'
import type { Access, Context } from '../server/contract'
import type {
  Filters,
  OpenText,
  Period,
  PersonCount,
  PromptCount,
  PromptTrailCount,
  QuestionCount,
  ScoredCount,
  ScorecardInput,
  ScorecardRequest,
  SliceId,
  TrailCount,
  ValueCount,
} from './contract'

const METRICS: readonly string[] = ['csat', 'nps', 'ces', 'goal', 'emotion'] satisfies MetricName[]

/**
 * A low score, the root cause's split (contract.ts, TrailCount): CSAT ≤ 2 of 5, NPS ≤ 6 (a
 * detractor), CES ≤ 3 of 7 (7: it was easy), goal not reached, a negative feeling.
 */
export const LOW_SCORE: Record<MetricName, (value: number) => boolean> = {
  csat: (v) => v <= 2,
  nps: (v) => v <= 6,
  ces: (v) => v <= 3,
  goal: (v) => v === 0,
  emotion: (v) => v < 0,
}

const lowSql = (metric: Expression<unknown>, value: Expression<unknown>) => sql<number>`case when
  (${metric} = 'csat' and ${value} <= 2) or (${metric} = 'nps' and ${value} <= 6) or
  (${metric} = 'ces' and ${value} <= 3) or (${metric} = 'goal' and ${value} = 0) or
  (${metric} = 'emotion' and ${value} < 0) then 1 else 0 end`

// ------------------------------------------------------------------------------------ who, what

/**
 * The touchpoints a request may see, after the token and the touchpoint-shaped filters (owner,
 * channel, touchpoint): undefined means any (admin, no such filter), [] means none. Owners and
 * channels are read from the config the collector serves, never from what a browser sent: a record
 * claiming another owner grants nothing.
 */
export function touchpointScope(config: Config, filters: Filters, access: Access): string[] | undefined {
  const all = config.touchpoints ?? []
  let scope: string[] | undefined
  const narrow = (ids: string[]) => (scope = scope === undefined ? ids : scope.filter((id) => ids.includes(id)))
  if (access.role === 'owner') narrow(visibleTo(config, access) ?? [])
  if (filters.owner !== undefined) narrow(all.filter((t) => t.owner === filters.owner).map((t) => t.id))
  if (filters.channel !== undefined) narrow(all.filter((t) => t.channel === filters.channel).map((t) => t.id))
  if (filters.touchpoint !== undefined) narrow([filters.touchpoint])
  return scope
}

/** The touchpoints a token may see: an owner's in the config; undefined (all) for the admin. */
export function visibleTo(config: Config, access: Access): string[] | undefined {
  if (access.role === 'admin') return undefined
  return (config.touchpoints ?? []).filter((t) => t.owner === access.owner).map((t) => t.id)
}

/** The columns one table's filters read (all in the table's own alias). */
interface Columns {
  time: string
  survey: string
  touchpoint: string
  lang: string
  path: string
  preview: string
}

const columnsOf = (alias: string, time: string): Columns => ({
  time: `${alias}.${time}`,
  survey: `${alias}.survey_id`,
  touchpoint: `${alias}.touchpoint`,
  lang: `${alias}.lang`,
  path: `${alias}.path`,
  preview: `${alias}.preview`,
})

/**
 * Case folding the same in both databases: lower() folds ASCII in SQLite but every letter in
 * PostgreSQL, so the Latin-1 capitals (Finnish and Swedish Ä, Ö, Å among them) are folded first by
 * replace(), which both have. Letters beyond Latin-1 stay case-sensitive in SQLite.
 */
const FOLD = 'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝ'
function folded(expr: Expression<unknown>): RawBuilder<string> {
  let out: RawBuilder<string> = sql<string>`${expr}`
  for (const c of FOLD) out = sql<string>`replace(${out}, ${sql.lit(c)}, ${sql.lit(c.toLowerCase())})`
  return sql<string>`lower(${out})`
}
const fold = (s: string) => s.toLowerCase()

/** A LIKE pattern matching `text` literally (escape character `\`). */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => '\\' + c)

/** The path filter: `*` matches anything; case-insensitive in both databases (see folded()). */
function pathMatches(column: string, pattern: string): RawBuilder<SqlBool> {
  const like = pattern.split('*').map(likeLiteral).join('%')
  return sql<SqlBool>`${folded(sql.ref(column))} like ${fold(like)} escape '\\'`
}

const and = (conds: RawBuilder<SqlBool>[]) => (conds.length ? sql<SqlBool>`(${sql.join(conds, sql` and `)})` : sql<SqlBool>`1 = 1`)
const or = (conds: RawBuilder<SqlBool>[]) => (conds.length ? sql<SqlBool>`(${sql.join(conds, sql` or `)})` : sql<SqlBool>`1 = 0`)

function inPeriod(column: string, p: Period): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(column)} >= ${sql.lit(p.from)} and ${sql.ref(column)} < ${sql.lit(p.to)})`
}

/**
 * Every filter of the request on one table: previews out, touchpoints limited to the scope, times
 * in one of `periods` (undefined: any time).
 */
function filtered(c: Columns, filters: Filters, scope: string[] | undefined, periods: Period[] | undefined): RawBuilder<SqlBool> {
  const conds: RawBuilder<SqlBool>[] = [sql<SqlBool>`${sql.ref(c.preview)} = 0`]
  if (periods) conds.push(or(merge(periods).map((p) => inPeriod(c.time, p))))
  if (scope !== undefined) conds.push(scope.length ? sql<SqlBool>`${sql.ref(c.touchpoint)} in (${sql.join(scope)})` : sql<SqlBool>`1 = 0`)
  if (filters.survey !== undefined) conds.push(sql<SqlBool>`${sql.ref(c.survey)} = ${filters.survey}`)
  if (filters.lang !== undefined) conds.push(sql<SqlBool>`${sql.ref(c.lang)} = ${filters.lang}`)
  if (filters.path !== undefined) conds.push(pathMatches(c.path, filters.path))
  return and(conds)
}

/** Overlapping or touching periods merged, so the WHERE is a few index ranges. */
function merge(periods: Period[]): Period[] {
  const sorted = periods.filter((p) => p.from < p.to).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
  const out: Period[] = []
  for (const p of sorted) {
    const last = out[out.length - 1]
    if (last && p.from <= last.to) last.to = p.to > last.to ? p.to : last.to
    else out.push({ ...p })
  }
  return out
}

// ---------------------------------------------------------------------------------------- slices

/** 1 when the row's time is in the period, else 0. */
const flag = (column: string, p: Period) => sql<number>`case when ${inPeriod(column, p)} then 1 else 0 end`

/**
 * The index of the trend step the row's time falls in, or null. Steps sorted and disjoint (as the
 * routes make them) get a binary search of nested CASEs, a handful of comparisons per row however
 * many steps; anything else a plain CASE.
 */
function stepOf(column: string, steps: Period[]): RawBuilder<number | null> {
  const ref = sql.ref(column)
  const indexed = steps.map((p, i) => ({ p, i }))
  const sorted = indexed.every(({ p }, k) => p.from < p.to && (k === 0 || steps[k - 1]!.to <= p.from))
  if (!sorted || steps.length < 4) {
    if (!steps.length) return sql<null>`null`
    return sql<number | null>`case ${sql.join(indexed.map(({ p, i }) => sql`when ${inPeriod(column, p)} then ${sql.lit(i)}`), sql` `)} else null end`
  }
  const search = (lo: number, hi: number): RawBuilder<number | null> => {
    if (lo === hi) {
      const p = steps[lo]!
      return sql<number | null>`case when ${ref} >= ${sql.lit(p.from)} and ${ref} < ${sql.lit(p.to)} then ${sql.lit(lo)} else null end`
    }
    const mid = (lo + hi + 1) >> 1
    return sql<number | null>`case when ${ref} < ${sql.lit(steps[mid]!.from)} then ${search(lo, mid - 1)} else ${search(mid, hi)} end`
  }
  return search(0, steps.length - 1)
}

/** The three slice columns every time-sliced query selects (aliases unlike any table column). */
function sliceColumns(column: string, r: ScorecardRequest) {
  return [flag(column, r.period).as('in_cur'), flag(column, r.baseline).as('in_base'), stepOf(column, r.trend).as('step')] as const
}
const SLICE_GROUP = ['in_cur', 'in_base', 'step'] as const

interface SliceRow {
  in_cur: unknown
  in_base: unknown
  step: unknown
}

/** The slices a grouped row counts in: current and/or baseline, and its trend step. */
function slicesOf(row: SliceRow): SliceId[] {
  const out: SliceId[] = []
  if (Number(row.in_cur) === 1) out.push('current')
  if (Number(row.in_base) === 1) out.push('baseline')
  if (row.step !== null && row.step !== undefined) out.push(`trend:${Number(row.step)}`)
  return out
}

/** Adds counts of grouped rows into one entry per slice and key (rows differ only by slice flags). */
function accumulate<T extends { count: number }>(into: Map<string, T>, key: string, make: () => T, count: number) {
  const entry = into.get(key) ?? into.set(key, make()).get(key)!
  entry.count += count
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v))

// --------------------------------------------------------------------------------------- queries

/**
 * The counts behind one request's scorecards (ScorecardInput), for the touchpoints `access` may
 * see. Seven GROUP BY queries: answer values and answered questions (answers), prompt outcomes
 * (responses and moments, each prompt once), scored responses and their trails (root cause),
 * prompts' trails by answered or not (non-response bias), prompts per person (moments' user ids).
 */
export async function loadScorecardInput(ctx: Context, request: ScorecardRequest, access: Access): Promise<ScorecardInput> {
  const { db } = ctx.store
  const { filters } = request
  const scope = touchpointScope(ctx.config, filters, access)
  const all = [request.period, request.baseline, ...request.trend]
  const current = [request.period]

  // Answers: one row per (slice flags, touchpoint, survey, question, metric, value). Metric rows
  // become value histograms; every row (open text included) counts towards its question.
  const a = columnsOf('a', 'at')
  const answerRows = await db
    .selectFrom('answers as a')
    .select([...sliceColumns(a.time, request), 'a.touchpoint', 'a.survey_id', 'a.question_id', 'a.metric', 'a.value'])
    .select((eb) => eb.fn.countAll().as('n'))
    .where(filtered(a, filters, scope, all))
    .groupBy([...SLICE_GROUP, 'a.touchpoint', 'a.survey_id', 'a.question_id', 'a.metric', 'a.value'])
    .execute()
  const values = new Map<string, ValueCount>()
  const questions = new Map<string, Omit<QuestionCount, 'answered'> & { count: number }>()
  for (const row of answerRows) {
    const n = Number(row.n)
    for (const slice of slicesOf(row)) {
      const base = { slice, touchpoint: str(row.touchpoint), survey: row.survey_id, question: row.question_id }
      accumulate(questions, JSON.stringify(base), () => ({ ...base, count: 0 }), n)
      if (row.metric !== null && METRICS.includes(row.metric) && row.value !== null) {
        const v = { ...base, metric: row.metric as MetricName, value: Number(row.value) }
        accumulate(values, JSON.stringify(v), () => ({ ...v, count: 0 }), n)
      }
    }
  }

  // Prompts, each once: a response is completed or partial whatever else arrived; a dismissed
  // record counts when no response exists for its prompt; a shown record when neither does.
  // Existence is looked up whatever its time, so a prompt straddling a slice's edge counts once.
  const r = columnsOf('r', 'started_at')
  const m = columnsOf('m', 'at')
  const responseRows = await db
    .selectFrom('responses as r')
    .select([...sliceColumns(r.time, request), 'r.touchpoint', 'r.survey_id', 'r.completed'])
    .select((eb) => eb.fn.countAll().as('n'))
    .where(filtered(r, filters, scope, all))
    .groupBy([...SLICE_GROUP, 'r.touchpoint', 'r.survey_id', 'r.completed'])
    .execute()
  const momentRows = await db
    .selectFrom('moments as m')
    .select([...sliceColumns(m.time, request), 'm.touchpoint', 'm.survey_id', 'm.kind'])
    .select(sql<number>`count(distinct m.response_id)`.as('n'))
    .where(filtered(m, filters, scope, all))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('responses as x').select(sql.lit(1).as('one')).whereRef('x.id', '=', 'm.response_id'))))
    .where((eb) =>
      eb.or([
        eb('m.kind', '=', 'dismissed'),
        eb.and([
          eb('m.kind', '=', 'shown'),
          eb.not(
            eb.exists(
              eb.selectFrom('moments as d').select(sql.lit(1).as('one')).whereRef('d.response_id', '=', 'm.response_id').where('d.kind', '=', 'dismissed'),
            ),
          ),
        ]),
      ]),
    )
    .groupBy([...SLICE_GROUP, 'm.touchpoint', 'm.survey_id', 'm.kind'])
    .execute()
  const prompts = new Map<string, PromptCount>()
  const addPrompt = (row: SliceRow & { touchpoint: string | null; survey_id: string; n: unknown }, outcome: PromptCount['outcome']) => {
    for (const slice of slicesOf(row)) {
      const p = { slice, touchpoint: str(row.touchpoint), survey: row.survey_id, outcome }
      accumulate(prompts, JSON.stringify(p), () => ({ ...p, count: 0 }), Number(row.n))
    }
  }
  for (const row of responseRows) addPrompt(row, Number(row.completed) === 1 ? 'completed' : 'partial')
  for (const row of momentRows) addPrompt(row, row.kind === 'dismissed' ? 'dismissed' : 'ignored')

  // Root cause (current period): the responses that carry a score, low when any scored answer is.
  const scoredCte = db
    .selectFrom('answers as a')
    .select(['a.response_id', 'a.touchpoint as tp'])
    .select(sql<number>`max(${lowSql(sql.ref('a.metric'), sql.ref('a.value'))})`.as('low'))
    .where(filtered(a, filters, scope, current))
    .where('a.metric', 'in', [...METRICS])
    .where('a.value', 'is not', null)
    .groupBy(['a.response_id', 'a.touchpoint'])
  const scoredRows = await db
    .with('s', () => scoredCte)
    .selectFrom('s')
    .select(['s.tp', 's.low'])
    .select((eb) => eb.fn.countAll().as('n'))
    .groupBy(['s.tp', 's.low'])
    .execute()
  const scored: ScoredCount[] = scoredRows.map((row) => ({ touchpoint: str(row.tp), low: Number(row.low) === 1, count: Number(row.n) }))
  const trailRows = await db
    .with('s', () => scoredCte)
    .selectFrom('s')
    .innerJoin('trail_events as t', (j) => j.onRef('t.response_id', '=', 's.response_id').on('t.kind', '=', 'response'))
    .select(['s.tp', 's.low', 't.event', 't.touchpoint as event_tp'])
    .select((eb) => eb.fn.countAll().as('n'))
    .groupBy(['s.tp', 's.low', 't.event', 't.touchpoint'])
    .execute()
  const trails: TrailCount[] = trailRows.map((row) => ({
    touchpoint: str(row.tp),
    event: row.event,
    eventTouchpoint: str(row.event_tp),
    low: Number(row.low) === 1,
    count: Number(row.n),
  }))

  // Non-response bias (current period): the trails of shown prompts, answered or not.
  const promptTrailRows = await db
    .selectFrom('moments as m')
    .innerJoin('trail_events as t', (j) => j.onRef('t.record_id', '=', 'm.id'))
    .select(['m.touchpoint', 't.event', 't.touchpoint as event_tp'])
    .select((eb) =>
      eb
        .case()
        .when(eb.exists(eb.selectFrom('responses as x').select(sql.lit(1).as('one')).whereRef('x.id', '=', 'm.response_id')))
        .then(1)
        .else(0)
        .end()
        .as('answered'),
    )
    .select(sql<number>`count(distinct m.response_id)`.as('n'))
    .where(filtered(m, filters, scope, current))
    .where('m.kind', '=', 'shown')
    .groupBy(['m.touchpoint', 't.event', 't.touchpoint', 'answered'])
    .execute()
  const promptTrails: PromptTrailCount[] = promptTrailRows.map((row) => ({
    touchpoint: str(row.touchpoint),
    event: row.event,
    eventTouchpoint: str(row.event_tp),
    answered: Number(row.answered) === 1,
    count: Number(row.n),
  }))

  // Prompts per person (current period), only from the pseudonymous ids prompts carry.
  const perPerson = db
    .selectFrom('moments as m')
    .select(['m.touchpoint as tp', 'm.user_id'])
    .select(sql<number>`count(distinct m.response_id)`.as('prompts'))
    .where(filtered(m, filters, scope, current))
    .where('m.kind', '=', 'shown')
    .where('m.user_id', 'is not', null)
    .groupBy(['m.touchpoint', 'm.user_id'])
  const peopleRows = await db
    .with('p', () => perPerson)
    .selectFrom('p')
    .select(['p.tp', 'p.prompts'])
    .select((eb) => eb.fn.countAll().as('n'))
    .groupBy(['p.tp', 'p.prompts'])
    .execute()
  const people: PersonCount[] = peopleRows.map((row) => ({ touchpoint: str(row.tp), prompts: Number(row.prompts), people: Number(row.n) }))

  return {
    request,
    config: ctx.config,
    labels: ctx.server.labels ?? {},
    visible: visibleTo(ctx.config, access),
    values: [...values.values()],
    questions: [...questions.values()].map(({ count, ...q }) => ({ ...q, answered: count })),
    prompts: [...prompts.values()],
    trails,
    scored,
    promptTrails,
    people,
    peopleAvailable: people.length > 0,
    generatedAt: ctx.now().toISOString(),
  }
}

// ------------------------------------------------------------------------------------ open texts

/** What GET /api/texts asks for. */
export interface TextsQuery {
  touchpoint?: string
  survey?: string
  owner?: string
  channel?: string
  lang?: string
  path?: string
  /** Case-insensitive substring of the text (see folded() for which letters fold). */
  q?: string
  /** Only answers to prompts shown in [from, to) (ISO). */
  from?: string
  to?: string
  /** The `next` of the previous page. */
  cursor?: string
  /** Page size (default 50, at most 500). */
  limit?: number
}

export interface TextsPage {
  texts: OpenText[]
  /** Pass as `cursor` for the next (older) page; null on the last one. */
  next: string | null
}

/** The position after a text, newest first: its time, response and question. */
type Cursor = [at: string, responseId: string, questionId: string]

/** Encodes a page's last position (opaque to callers). */
export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url')

/** Decodes a cursor, or undefined when it is not one of ours. */
export function decodeCursor(text: string): Cursor | undefined {
  try {
    const c: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
    return Array.isArray(c) && c.length === 3 && c.every((x) => typeof x === 'string') ? (c as Cursor) : undefined
  } catch {
    return undefined
  }
}

/**
 * Open-text answers, newest first (by the prompt's time, then response and question ids, so pages
 * never skip or repeat), with the scores the same response gave. Throws on a malformed cursor.
 */
export async function loadTexts(ctx: Context, query: TextsQuery, access: Access): Promise<TextsPage> {
  const { db } = ctx.store
  const limit = Math.min(Math.max(1, Math.floor(query.limit ?? 50)), 500)
  const scope = touchpointScope(ctx.config, query, access)
  const a = columnsOf('a', 'at')
  let select = db
    .selectFrom('answers as a')
    .select(['a.response_id', 'a.question_id', 'a.survey_id', 'a.touchpoint', 'a.owner', 'a.text', 'a.at', 'a.lang', 'a.path'])
    .where(filtered(a, query, scope, undefined))
    .where('a.text', 'is not', null)
  if (query.from !== undefined) select = select.where('a.at', '>=', query.from)
  if (query.to !== undefined) select = select.where('a.at', '<', query.to)
  if (query.q) select = select.where(sql<SqlBool>`${folded(sql.ref('a.text'))} like ${'%' + likeLiteral(fold(query.q)) + '%'} escape '\\'`)
  if (query.cursor !== undefined) {
    const c = decodeCursor(query.cursor)
    if (!c) throw new RangeError('cursor: not a cursor this API gave')
    const [at, rid, qid] = c
    select = select.where((eb) =>
      eb.or([
        eb('a.at', '<', at),
        eb.and([eb('a.at', '=', at), eb('a.response_id', '<', rid)]),
        eb.and([eb('a.at', '=', at), eb('a.response_id', '=', rid), eb('a.question_id', '<', qid)]),
      ]),
    )
  }
  const rows = await select
    .orderBy('a.at', 'desc')
    .orderBy('a.response_id', 'desc')
    .orderBy('a.question_id', 'desc')
    .limit(limit + 1)
    .execute()
  const page = rows.slice(0, limit)
  const ids = [...new Set(page.map((r) => r.response_id))]
  const scoreRows = ids.length
    ? await db
        .selectFrom('answers')
        .select(['response_id', 'question_id', 'metric', 'value'])
        .where('response_id', 'in', ids)
        .where('metric', 'in', [...METRICS])
        .where('value', 'is not', null)
        .orderBy('response_id')
        .orderBy('question_id')
        .execute()
    : []
  const scores = new Map<string, OpenText['scores']>()
  for (const s of scoreRows) {
    const list = scores.get(s.response_id) ?? scores.set(s.response_id, []).get(s.response_id)!
    list.push({ metric: s.metric as MetricName, value: Number(s.value) })
  }
  const last = page[page.length - 1]
  return {
    texts: page.map((row) => ({
      responseId: row.response_id,
      survey: row.survey_id,
      question: row.question_id,
      touchpoint: row.touchpoint,
      owner: row.owner,
      text: row.text ?? '',
      at: row.at,
      lang: row.lang,
      path: row.path,
      scores: scores.get(row.response_id) ?? [],
    })),
    next: rows.length > limit && last ? encodeCursor([last.at, last.response_id, last.question_id]) : null,
  }
}
