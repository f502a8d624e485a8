// The scorecards' query layer: GROUP BY queries over the derived tables (answers, responses,
// moments, trail_events) that turn any number of stored records into the counts ScorecardInput
// declares. One code path for SQLite and PostgreSQL.
//
// Why the queries look the way they do (measured at 100,000 stored records): SQLite groups rows
// either in the order of an index it walks (streaming, cheap) or by sorting them in a temporary
// B-tree (five times the cost, the bulk of the time). So every query here groups by a prefix of an
// index of migration 003 — the record's UTC day `substr(time, 1, 10)` first, then touchpoint,
// survey… — and the days are mapped to slices (current, baseline, trend steps) here, in code. Which
// is why periods are whole UTC days. A split such as "low or not" or "answered or not" is never a
// grouping column (that would sort again): a flag the row carries (a response's `scored` and `low`,
// kept at ingest: ingest/scores.ts) is summed beside the count; one that depends on other records
// (was this prompt answered?) is looked up by key, in a second query's WHERE (NOT EXISTS: the other
// half is the difference) or as a left join counted beside the total. PostgreSQL plans the same SQL
// with hash aggregates, and runs the queries side by side on one exported snapshot (snapshot()).
// Counts come back as numbers (SQLite) or strings (PostgreSQL's bigint) and go through Number().
// Previews are left out of every query.
import { sql, type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type SqlBool } from 'kysely'
import type { Config } from '../../../sdk/src/pure/config/types'
import type { MetricName } from '../config/metrics'
import type { Store } from '../db/open'
import type { Database } from '../db/schema'
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

/**
 * The record's UTC day, `YYYY-MM-DD`, exactly as the indexes of migration 003 spell it (an
 * expression index is used only for the same expression, literals included).
 */
const dayOf = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 10)`

/** A range of days [from, to), `YYYY-MM-DD`. */
interface Days {
  from: string
  to: string
}

/**
 * The filters of the request on one table: touchpoints limited to the scope, survey, language,
 * path. Previews and times are the callers' (they lead the indexes).
 */
function matches(c: Columns, filters: Filters, scope: string[] | undefined): RawBuilder<SqlBool> {
  const conds: RawBuilder<SqlBool>[] = []
  if (scope !== undefined) conds.push(scope.length ? sql<SqlBool>`${sql.ref(c.touchpoint)} in (${sql.join(scope)})` : sql<SqlBool>`1 = 0`)
  if (filters.survey !== undefined) conds.push(sql<SqlBool>`${sql.ref(c.survey)} = ${filters.survey}`)
  if (filters.lang !== undefined) conds.push(sql<SqlBool>`${sql.ref(c.lang)} = ${filters.lang}`)
  if (filters.path !== undefined) conds.push(pathMatches(c.path, filters.path))
  return and(conds)
}

/** Not a preview, its day in the range, and the filters. */
function filtered(c: Columns, filters: Filters, scope: string[] | undefined, days: Days | undefined): RawBuilder<SqlBool> {
  const conds = [sql<SqlBool>`${sql.ref(c.preview)} = 0`]
  if (days) conds.push(sql<SqlBool>`${dayOf(c.time)} >= ${sql.lit(days.from)} and ${dayOf(c.time)} < ${sql.lit(days.to)}`)
  conds.push(matches(c, filters, scope))
  return and(conds)
}

// ------------------------------------------------------------------------------------------ days

const isDay = (iso: string) => /^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/.test(iso)
const dayPart = (iso: string) => iso.slice(0, 10)

/** Throws unless every boundary of the request is a UTC midnight (the routes make them so). */
function checkDays(r: ScorecardRequest): void {
  for (const p of [r.period, r.baseline, ...r.trend])
    if (!isDay(p.from) || !isDay(p.to)) throw new RangeError(`scorecards count whole UTC days: ${p.from} … ${p.to} is not midnight to midnight`)
}

/** Overlapping or touching ranges of days merged, so each query walks its index once per range. */
function merge(periods: Period[]): Days[] {
  const sorted = periods.map((p) => ({ from: dayPart(p.from), to: dayPart(p.to) })).filter((p) => p.from < p.to)
  sorted.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
  const out: Days[] = []
  for (const p of sorted) {
    const last = out[out.length - 1]
    if (last && p.from <= last.to) last.to = p.to > last.to ? p.to : last.to
    else out.push({ ...p })
  }
  return out
}

/** The slices a day counts in: current and/or baseline, and every trend step holding it. */
function slicer(r: ScorecardRequest): (day: string) => SliceId[] {
  const memo = new Map<string, SliceId[]>()
  const within = (day: string, p: Period) => dayPart(p.from) <= day && day < dayPart(p.to)
  return (day) => {
    let out = memo.get(day)
    if (!out) {
      out = []
      if (within(day, r.period)) out.push('current')
      if (within(day, r.baseline)) out.push('baseline')
      r.trend.forEach((p, i) => within(day, p) && out!.push(`trend:${i}`))
      memo.set(day, out)
    }
    return out
  }
}

/** Adds a count into the entry of its key, made on first sight. */
function add<T extends { count: number }>(into: Map<string, T>, entry: Omit<T, 'count'>, count: number) {
  const key = JSON.stringify(entry)
  const found = into.get(key)
  if (found) found.count += count
  else into.set(key, { ...entry, count } as T)
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v))

// --------------------------------------------------------------------------------------- queries

/**
 * The counts behind one request's scorecards (ScorecardInput), for the touchpoints `access` may
 * see. The request's periods must be whole UTC days (RangeError otherwise).
 */
export async function loadScorecardInput(ctx: Context, request: ScorecardRequest, access: Access): Promise<ScorecardInput> {
  checkDays(request)
  return snapshot(ctx.store, (exec) => scorecardCounts(exec, ctx, request, access))
}

/** Runs one query (a function of the connection to use). */
type Exec = <T>(query: (db: Kysely<Database>) => Promise<T>) => Promise<T>

/**
 * Runs a report's queries, all seeing the same data. SQLite: as they come, on the read-only
 * connections of the store's reader (db/readers.ts: side by side in worker threads, each query
 * reading the newest committed data as it starts; a read transaction across them would have to
 * live on one connection, one query at a time). PostgreSQL: at once,
 * each on its own pooled connection (both cores at work), each in a read-only REPEATABLE READ
 * transaction that imports one exported snapshot, so every count comes from the same moment even
 * while the ingest writes; with JIT compilation off: these GROUP BYs are estimated costly enough
 * to be JIT-compiled, which took seconds for queries that run in tens of milliseconds; and with no
 * parallel workers per query: the report already runs its queries side by side, and each one
 * gathering workers on top oversubscribed the cores (100,000 records, 2 cores, interleaved runs:
 * median 289 / 350 / 323 ms with them, 289 / 217 / 254 without).
 */
async function snapshot<T>(store: Store, run: (exec: Exec) => Promise<T>): Promise<T> {
  if (store.kind === 'sqlite') return run((query) => query(store.reader))
  const holder = await store.db.startTransaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute()
  try {
    const { rows } = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(holder)
    const id = rows[0]!.id
    return await run((query) =>
      store.db
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute(async (trx) => {
          await sql`set transaction snapshot ${sql.lit(id)}`.execute(trx)
          // Both settings in one round trip, for this transaction only (set_config's `true`).
          await sql`select set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`.execute(trx)
          return query(trx)
        }),
    )
  } finally {
    await holder.commit().execute()
  }
}

/** Texts' two small queries: one read-only transaction on PostgreSQL (one snapshot), JIT off. */
async function reading<T>(store: Store, run: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  if (store.kind === 'sqlite') return run(store.reader)
  return store.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      await sql`set local jit = off`.execute(trx)
      return run(trx)
    })
}

type Eb = ExpressionBuilder<Database, keyof Database>

async function scorecardCounts(exec: Exec, ctx: Context, request: ScorecardRequest, access: Access): Promise<ScorecardInput> {
  const { filters } = request
  const scope = touchpointScope(ctx.config, filters, access)
  const slices = slicer(request)
  const everyDay = merge([request.period, request.baseline, ...request.trend])
  const current = merge([request.period])
  const a = columnsOf('a', 'at')
  const r = columnsOf('r', 'started_at')
  const m = columnsOf('m', 'at')
  const t = columnsOf('t', 'at')
  /** Runs a query once per range of days and concatenates the rows. */
  const perRange = async <R>(ranges: Days[], query: (db: Kysely<Database>, days: Days) => Promise<R[]>) =>
    (await Promise.all(ranges.map((days) => exec((db) => query(db, days))))).flat()
  const trailKey = (row: { survey_id: string; event: string; touchpoint: string | null }, touchpointOf: (survey: string) => string | null) => ({
    touchpoint: touchpointOf(row.survey_id),
    event: row.event,
    eventTouchpoint: str(row.touchpoint),
  })

  // Every query is started here and awaited together (PostgreSQL runs them side by side).

  // Answers by day, touchpoint, survey, question, metric, value: the value histograms (metric
  // rows), and how many answered each question (every row, open text included).
  const answerQuery = perRange(everyDay, (db, days) =>
    db
      .selectFrom('answers as a')
      .select([dayOf(a.time).as('day'), 'a.touchpoint', 'a.survey_id', 'a.question_id', 'a.metric', 'a.value'])
      .select((eb) => eb.fn.countAll().as('n'))
      .where(filtered(a, filters, scope, days))
      .groupBy(['day', 'a.touchpoint', 'a.survey_id', 'a.question_id', 'a.metric', 'a.value'])
      .execute(),
  )

  // Prompts, each once, in the first outcome that holds: a response is completed or partial
  // whatever else arrived; a dismissed record counts when its prompt has no response; a shown
  // record when its prompt has neither. Existence is looked up whatever the time, so a prompt
  // straddling the edge of a slice still counts once.
  // The same rows say, for root cause, how many of those responses gave a score and a low one
  // (their flags, kept at ingest: ingest/scores.ts), summed rather than grouped by (no sort).
  const responseQuery = perRange(everyDay, (db, days) =>
    db
      .selectFrom('responses as r')
      .select([dayOf(r.time).as('day'), 'r.touchpoint', 'r.survey_id', 'r.completed'])
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum<number | string>('r.scored').as('scored'), eb.fn.sum<number | string>('r.low').as('low')])
      .where(filtered(r, filters, scope, days))
      .groupBy(['day', 'r.touchpoint', 'r.survey_id', 'r.completed'])
      .execute(),
  )
  const hasResponse = (eb: Eb, id: string) => eb.exists(eb.selectFrom('responses as x').select(sql.lit(1).as('one')).where(same('x.id', id)))
  const wasDismissed = (eb: Eb) =>
    eb.exists(eb.selectFrom('moments as d').select(sql.lit(1).as('one')).where(same('d.response_id', 'm.response_id')).where('d.kind', '=', 'dismissed'))
  const momentQueries = (['dismissed', 'shown'] as const).map((kind) =>
    perRange(everyDay, (db, days) =>
      db
        .selectFrom('moments as m')
        .select([dayOf(m.time).as('day'), 'm.touchpoint', 'm.survey_id'])
        // A prompt has one shown record and at most one dismissed record (their ids are the
        // prompt's), so records count prompts; count(distinct) would build a B-tree per group.
        .select((eb) => eb.fn.countAll().as('n'))
        .where('m.kind', '=', kind)
        .where(filtered(m, filters, scope, days))
        .where((eb) => eb.not(hasResponse(eb as Eb, 'm.response_id')))
        .$if(kind === 'shown', (q) => q.where((eb) => eb.not(wasDismissed(eb as Eb))))
        .groupBy(['day', 'm.touchpoint', 'm.survey_id'])
        .execute(),
    ),
  )

  // Root cause (current period): per event of their trails, the responses that carry a score and
  // those with a low one (any scored answer low), from the flags the trail rows carry (ingest/
  // scores.ts); "not low" is the difference. Trail events are grouped by the response's survey (an
  // index prefix, so no sort); the response's touchpoint is its survey's. The filters and the
  // token's reach, when there are any, are checked on the response itself (one key lookup).
  const filteredRecords = scope !== undefined || filters.survey !== undefined || filters.lang !== undefined || filters.path !== undefined
  const responseMatch = (eb: Eb) =>
    eb.exists(
      eb
        .selectFrom('responses as x')
        .select(sql.lit(1).as('one'))
        .where(same('x.id', 't.response_id'))
        .where(matches(columnsOf('x', 'started_at'), filters, scope)),
    )
  const trailQuery = perRange(current, (db, days) =>
    db
      .selectFrom('trail_events as t')
      .select([dayOf(t.time).as('day'), 't.event', 't.touchpoint', 't.survey_id'])
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum<number | string>('t.low').as('low')])
      .where('t.kind', '=', 'response')
      .where(filtered(t, {}, undefined, days))
      .where('t.scored', '=', 1)
      .$if(filteredRecords, (q) => q.where((eb) => responseMatch(eb as Eb)))
      .groupBy(['day', 't.event', 't.touchpoint', 't.survey_id'])
      .execute(),
  )

  // Non-response bias (current period): the trails of shown prompts, and how many of those were
  // answered, in one pass: a left join to the prompt's response (its key, so at most one row),
  // counted beside the total. (PostgreSQL hashes the responses once instead of probing them per row.)
  const shownMatch = (eb: Eb) =>
    eb.exists(
      eb
        .selectFrom('moments as m')
        .select(sql.lit(1).as('one'))
        .where(same('m.id', 't.record_id'))
        .where(matches(m, filters, scope)),
    )
  const shownQuery = perRange(current, (db, days) =>
    db
      .selectFrom('trail_events as t')
      .leftJoin('responses as x', 'x.id', 't.response_id')
      .select([dayOf(t.time).as('day'), 't.event', 't.touchpoint', 't.survey_id'])
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.count('x.id').as('answered')])
      .where('t.kind', '=', 'shown')
      .where(filtered(t, {}, undefined, days))
      .$if(filteredRecords, (q) => q.where((eb) => shownMatch(eb as Eb)))
      .groupBy(['day', 't.event', 't.touchpoint', 't.survey_id'])
      .execute(),
  )

  // Prompts per person (current period), only from the pseudonymous ids prompts carry.
  const peopleQuery = perRange(current, (db, days) => {
    const perPerson = db
      .selectFrom('moments as m')
      .select(['m.touchpoint as tp', 'm.user_id'])
      // One shown record a prompt (see above). Grouped in the order of moments_people (touchpoint,
      // user), whose last column is the time: no sort, the day range checked in the index.
      .select((eb) => eb.fn.countAll().as('prompts'))
      .where('m.kind', '=', 'shown')
      .where(filtered(m, filters, scope, days))
      .where('m.user_id', 'is not', null)
      .groupBy(['m.touchpoint', 'm.user_id'])
    return db
      .with('p', () => perPerson)
      .selectFrom('p')
      .select(['p.tp', 'p.prompts'])
      .select((eb) => eb.fn.countAll().as('n'))
      .groupBy(['p.tp', 'p.prompts'])
      .execute()
  })

  const [answerRows, responseRows, [dismissedRows, ignoredRows], trailRows, shownRows, peopleRows] = await Promise.all([
    answerQuery,
    responseQuery,
    Promise.all(momentQueries),
    trailQuery,
    shownQuery,
    peopleQuery,
  ])

  const values = new Map<string, ValueCount>()
  const answered = new Map<string, Omit<QuestionCount, 'answered'> & { count: number }>()
  for (const row of answerRows) {
    const n = Number(row.n)
    for (const slice of slices(row.day)) {
      const base = { slice, touchpoint: str(row.touchpoint), survey: row.survey_id, question: row.question_id }
      add(answered, base, n)
      if (row.metric !== null && METRICS.includes(row.metric) && row.value !== null)
        add(values, { ...base, metric: row.metric as MetricName, value: Number(row.value) }, n)
    }
  }

  const prompts = new Map<string, PromptCount>()
  const addPrompts = (
    rows: { day: string; touchpoint: string | null; survey_id: string; n: unknown; completed?: unknown }[],
    outcome: PromptCount['outcome'] | null,
  ) => {
    for (const row of rows) {
      const o = outcome ?? (Number(row.completed) === 1 ? 'completed' : 'partial')
      for (const slice of slices(row.day)) add(prompts, { slice, touchpoint: str(row.touchpoint), survey: row.survey_id, outcome: o }, Number(row.n))
    }
  }
  addPrompts(responseRows, null)
  addPrompts(dismissedRows!, 'dismissed')
  addPrompts(ignoredRows!, 'ignored')

  const surveyTouchpoint = touchpointsOfSurveys(ctx.config, responseRows)
  const scoredTally: Tally<{ touchpoint: string | null }>[] = [new Map(), new Map()]
  for (const row of responseRows)
    if (slices(row.day).includes('current')) {
      tally(scoredTally[0]!, { touchpoint: str(row.touchpoint) }, Number(row.scored))
      tally(scoredTally[1]!, { touchpoint: str(row.touchpoint) }, Number(row.low))
    }
  const trailTally: Tally<ReturnType<typeof trailKey>>[] = [new Map(), new Map()]
  for (const row of trailRows) {
    tally(trailTally[0]!, trailKey(row, surveyTouchpoint), Number(row.n))
    tally(trailTally[1]!, trailKey(row, surveyTouchpoint), Number(row.low))
  }
  const shownTally: Tally<ReturnType<typeof trailKey>>[] = [new Map(), new Map()]
  for (const row of shownRows) {
    tally(shownTally[0]!, trailKey(row, surveyTouchpoint), Number(row.n))
    tally(shownTally[1]!, trailKey(row, surveyTouchpoint), Number(row.answered))
  }
  const scored: ScoredCount[] = split(scoredTally[0]!, scoredTally[1]!, (e, low, count) => ({ ...e, low, count }))
  const trails: TrailCount[] = split(trailTally[0]!, trailTally[1]!, (e, low, count) => ({ ...e, low, count }))
  const promptTrails: PromptTrailCount[] = split(shownTally[0]!, shownTally[1]!, (e, answered, count) => ({ ...e, answered, count }))

  const people = new Map<string, PersonCount & { count: number }>()
  for (const row of peopleRows) add(people, { touchpoint: str(row.tp), prompts: Number(row.prompts), people: 0 }, Number(row.n))

  return {
    request,
    config: ctx.config,
    labels: ctx.server.labels ?? {},
    visible: visibleTo(ctx.config, access),
    values: [...values.values()],
    questions: [...answered.values()].map(({ count, ...q }) => ({ ...q, answered: count })),
    prompts: [...prompts.values()],
    trails,
    scored,
    promptTrails,
    people: [...people.values()].map(({ count, ...p }) => ({ ...p, people: count })),
    peopleAvailable: people.size > 0,
    generatedAt: ctx.now().toISOString(),
  }
}

/** Counts by what they count (the key is the entry's JSON). */
type Tally<E> = Map<string, { entry: E; count: number }>

function tally<E>(into: Tally<E>, entry: E, count: number) {
  const key = JSON.stringify(entry)
  const found = into.get(key)
  if (found) found.count += count
  else into.set(key, { entry, count })
}

/** A total split in two: the subset's counts flagged true, the rest flagged false; empty ones left out. */
function split<E, R>(total: Tally<E>, subset: Tally<E>, make: (entry: E, flag: boolean, count: number) => R): R[] {
  const out: R[] = []
  for (const [key, { entry, count }] of total) {
    const part = subset.get(key)?.count ?? 0
    if (count - part > 0) out.push(make(entry, false, count - part))
    if (part > 0) out.push(make(entry, true, part))
  }
  return out
}

/** `left = right`, two columns of a correlated subquery. */
const same = (left: string, right: string) => sql<SqlBool>`${sql.ref(left)} = ${sql.ref(right)}`

/**
 * The touchpoint of a survey's responses: the one its stored responses carry (the most common, if a
 * config change gave it two), else the config's.
 */
function touchpointsOfSurveys(config: Config, rows: { survey_id: string; touchpoint: string | null; n: unknown }[]): (survey: string) => string | null {
  const counts = new Map<string, Map<string | null, number>>()
  for (const row of rows) {
    const bySurvey = counts.get(row.survey_id) ?? counts.set(row.survey_id, new Map()).get(row.survey_id)!
    bySurvey.set(row.touchpoint, (bySurvey.get(row.touchpoint) ?? 0) + Number(row.n))
  }
  return (survey) => {
    const bySurvey = counts.get(survey)
    if (bySurvey) return [...bySurvey].sort((x, y) => y[1] - x[1])[0]![0]
    return config.surveys.find((s) => s.id === survey)?.touchpoint ?? null
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
  return reading(ctx.store, (db) => texts(db, ctx, query, access))
}

async function texts(db: Kysely<Database>, ctx: Context, query: TextsQuery, access: Access): Promise<TextsPage> {
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
