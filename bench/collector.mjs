// `npm run bench:collector`: the collector on this machine, SQLite and PostgreSQL (a throwaway
// cluster, packages/collector/test/postgres.ts), five measures each:
//  (a) raw: the database's own batched insert rate (collector-raw.mjs), the limit;
//  (b) ingest: records per second stored through POST /collect by concurrent clients, envelopes of
//      20 records, only 2xx counted, p50/p99 latency, and the ratio to (a) (the bar: ≥ 50 %);
//  (c) crash: the collector as a process under load, `kill -9`, restarted: every record that got a
//      2xx must be there (lost: the bar is 0);
//  (d) scorecards: GET /api/scorecards (the default request: 28 days against the 28 before) with
//      100,000 stored records, median and p95 of 20 calls (the bar: within 200 ms);
//  (e) on the same database, (b)'s load while one client reads the scorecards back to back: the
//      ingest's rate and latency while an owner reads (part of (d): needs it in BENCH_ONLY).
// Writes bench/collector-results.json and bench/collector-report.md. The machine is shared: the
// load average is recorded beside every figure; rerun on a quiet machine for the numbers that count.
// Knobs (environment): BENCH_DB=sqlite,postgres  BENCH_ONLY=a,b,c,d,e  BENCH_SECONDS=8
// BENCH_CLIENTS=8  BENCH_RECORDS=100000  BENCH_CALLS=20  BENCH_SPREAD_DAYS=56 (the days the stored
// records span, ending today: 56, the default request's period and baseline, is the worst case)
// BENCH_READERS (SQLite's report readers in (d) and (e); unset: the collector's default; 0: none).
import { execFileSync, spawn } from 'node:child_process'
import { sql } from 'kysely'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, cpus } from 'node:os'
import { join } from 'node:path'
import { benchConfig } from './lib/collector-data.mjs'
import { fill, DAY } from './lib/collector-fill.mjs'
import { loadCollector, root } from './lib/collector-lib.mjs'
import { load, percentiles } from './lib/collector-load.mjs'
import { rawInsertRate } from './lib/collector-raw.mjs'

const env = process.env
const DBS = (env.BENCH_DB || 'sqlite,postgres').split(',')
const ONLY = new Set((env.BENCH_ONLY || 'a,b,c,d,e').split(','))
const SECONDS = Number(env.BENCH_SECONDS || 8)
const CLIENTS = Number(env.BENCH_CLIENTS || 8)
const RECORDS = Number(env.BENCH_RECORDS || 100_000)
const CALLS = Number(env.BENCH_CALLS || 20)
const SPREAD_DAYS = Number(env.BENCH_SPREAD_DAYS || 56)
const ADMIN = 'bench-admin-token'
const out = join(root, 'bench/.out/collector')
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })

const load1 = () => Number(loadavg()[0].toFixed(2))
const log = (...a) => console.log(...a)
const round = (x, d = 1) => (x === null || x === undefined ? null : Number(x.toFixed(d)))

log('Building the collector (packages/collector/build.mjs) and bundling its sources for the bench…')
execFileSync(process.execPath, [join(root, 'packages/collector/build.mjs')], { stdio: 'inherit' })
const lib = await loadCollector()

const configFile = join(out, 'hetki.json')
const serverFile = join(out, 'server.json')
writeFileSync(configFile, JSON.stringify(benchConfig))
writeFileSync(serverFile, JSON.stringify({ adminToken: ADMIN, rateLimit: { points: 1_000_000_000, seconds: 60 } }))

let pg
/** A fresh database of `kind`: { url?, file?, open(), env } (SQLite: a file in bench/.out). */
async function freshDatabase(kind, name) {
  if (kind === 'sqlite') {
    const file = join(out, `${name}.db`)
    return { file, open: () => lib.openStore({ file }), env: { HETKI_DB: file } }
  }
  pg ??= await lib.startPostgres()
  const url = await pg.database(name)
  return { url, open: () => lib.openStore({ url }), env: { DATABASE_URL: url } }
}

/** The collector as its own process (the command the README documents), on a free port. */
async function spawnCollector(database) {
  const child = spawn(process.execPath, [join(root, 'packages/collector/bin/hetki-collector.mjs'), '--config', configFile, '--server', serverFile], {
    env: { ...env, ...database.env, PORT: '0', HETKI_ADMIN_TOKEN: ADMIN },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk
      const m = /Hetki collector: (http:\/\/[^/\s]+)\//.exec(output)
      if (m) resolve(m[1])
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (c) => (output += c))
    child.once('exit', (code) => reject(new Error(`the collector exited (${code}) before listening: ${output}`)))
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  return {
    url,
    child,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}

const results = {
  when: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
  settings: { seconds: SECONDS, clients: CLIENTS, batch: 20, records: RECORDS, calls: CALLS, spreadDays: SPREAD_DAYS },
  databases: {},
}

for (const kind of DBS) {
  const r = (results.databases[kind] = {})
  log(`\n== ${kind}`)

  if (ONLY.has('a')) {
    const database = await freshDatabase(kind, 'raw')
    const store = await database.open()
    const before = load1()
    const raw = await rawInsertRate(store.db, { seconds: SECONDS, writers: CLIENTS })
    await store.close()
    r.raw = { rowsPerSecond: round(raw.perSecond, 0), rows: raw.rows, seconds: round(raw.seconds, 2), loadAverage: [before, load1()] }
    log(`(a) raw batched inserts into responses, 20 rows a transaction, ${CLIENTS} writers: ${r.raw.rowsPerSecond} rows/s (load ${before})`)
  }

  if (ONLY.has('b')) {
    const database = await freshDatabase(kind, 'ingest')
    const collector = await spawnCollector(database)
    const before = load1()
    const run = await load(collector.url, { clients: CLIENTS, seconds: SECONDS })
    await collector.stop()
    r.ingest = {
      recordsPerSecond: round(run.perSecond, 0),
      records: run.records,
      seconds: round(run.seconds, 2),
      latencyMs: { p50: round(run.latency.p50), p99: round(run.latency.p99), requests: run.latency.n },
      statuses: run.statuses,
      errors: run.errors,
      ratioToRaw: r.raw ? round(run.perSecond / r.raw.rowsPerSecond, 3) : null,
      loadAverage: [before, load1()],
    }
    log(
      `(b) POST /collect, ${CLIENTS} clients, envelopes of 20: ${r.ingest.recordsPerSecond} records/s, p50 ${r.ingest.latencyMs.p50} ms, p99 ${r.ingest.latencyMs.p99} ms` +
        (r.ingest.ratioToRaw !== null ? `, ${Math.round(r.ingest.ratioToRaw * 100)} % of raw` : '') +
        ` (statuses ${JSON.stringify(run.statuses)}, load ${before})`,
    )
  }

  if (ONLY.has('c')) {
    const database = await freshDatabase(kind, 'crash')
    const collector = await spawnCollector(database)
    const before = load1()
    // Kill it once half the load's time has passed, while the clients are sending.
    let killed
    const kill = new Promise((resolve) => (killed = resolve))
    const timer = setTimeout(
      () => {
        collector.child.kill('SIGKILL')
        killed()
      },
      (SECONDS * 1000) / 2,
    )
    const run = await load(collector.url, { clients: CLIENTS, seconds: SECONDS, until: kill, prefix: 'crash', seed: 23 })
    clearTimeout(timer)
    await collector.exited
    // Restart it on the same database (recovery happens here), then count what it kept.
    const again = await spawnCollector(database)
    const health = await (await fetch(again.url + '/healthz')).json()
    await again.stop()
    const store = await database.open()
    const ids = [...run.acked]
    let found = 0
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500)
      const [a, b] = await Promise.all([
        store.db
          .selectFrom('responses')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('id', 'in', chunk)
          .executeTakeFirstOrThrow(),
        store.db
          .selectFrom('moments')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('id', 'in', chunk)
          .executeTakeFirstOrThrow(),
      ])
      found += Number(a.n) + Number(b.n)
    }
    await store.close()
    r.crash = {
      acknowledged: ids.length,
      found,
      lost: ids.length - found,
      failedRequests: run.errors,
      restartedHealthy: health.ok === true,
      loadAverage: [before, load1()],
    }
    log(`(c) kill -9 under load: ${ids.length} records acknowledged, ${found} found after restart, lost ${r.crash.lost} (requests cut: ${run.errors})`)
  }

  if (ONLY.has('d')) {
    const database = await freshDatabase(kind, 'scorecards')
    const store = await database.open()
    const now = Date.now()
    const endOfToday = Math.floor(now / DAY) * DAY + DAY
    const t = performance.now()
    // By default all of it within the default request's 56 days (28 and the 28 before): the worst case.
    const counts = await fill(store.db, { records: RECORDS, from: endOfToday - SPREAD_DAYS * DAY, to: now, markScores: lib.markScores })
    const fillSeconds = (performance.now() - t) / 1000
    // After a bulk load PostgreSQL's autovacuum soon vacuums and analyzes the tables; until then the
    // visibility map is empty, no scan can be index-only, and the figure would be of a state no
    // live collector stays in. Measured as a live one runs: after it.
    if (kind === 'postgres') await sql`vacuum analyze`.execute(store.db)
    await store.close()
    const collector = await lib.startCollector({
      config: benchConfig,
      server: { adminToken: ADMIN },
      ...(database.url ? { databaseUrl: database.url } : { dbFile: database.file }),
      ...(env.BENCH_READERS ? { readers: Number(env.BENCH_READERS) } : {}),
      port: 0,
      routes: [{ method: 'GET', path: '/api/scorecards', route: lib.scorecardsRoute }],
      log: () => {},
    })
    const get = async () => {
      const started = performance.now()
      const res = await fetch(collector.url + '/api/scorecards', { headers: { authorization: `Bearer ${ADMIN}` } })
      const body = await res.json()
      if (!res.ok) throw new Error(`/api/scorecards answered ${res.status}: ${JSON.stringify(body)}`)
      return { ms: performance.now() - started, body }
    }
    const before = load1()
    const first = await get()
    await get()
    const times = []
    // CPU time of this process per call (the server runs here: HTTP, queries and, for SQLite, the
    // database itself; not PostgreSQL's processes): a figure the machine's load does not inflate.
    const cpu = process.cpuUsage()
    for (let i = 0; i < CALLS; i++) times.push((await get()).ms)
    const used = process.cpuUsage(cpu)
    const p = percentiles(times)
    const median = [...times].sort((x, y) => x - y)[times.length >> 1]
    const shown = first.body.touchpoints.reduce((s, tp) => s + tp.shown, 0)
    r.scorecards = {
      stored: counts,
      fillSeconds: round(fillSeconds, 1),
      medianMs: round(median),
      p95Ms: round(p.p95),
      firstMs: round(first.ms),
      cpuMsPerCall: round((used.user + used.system) / 1000 / CALLS),
      calls: CALLS,
      promptsInPeriod: shown,
      loadAverage: [before, load1()],
    }
    log(
      `(d) GET /api/scorecards over ${counts.records} records (${counts.responses} responses): median ${r.scorecards.medianMs} ms, p95 ${r.scorecards.p95Ms} ms, ${r.scorecards.cpuMsPerCall} ms CPU in the collector's process per call (load ${before})`,
    )
    if (ONLY.has('e')) {
      // (e) POST /collect while an owner reads: scorecards asked for back to back during the load.
      const reads = []
      let done = false
      const reader = (async () => {
        while (!done) reads.push((await get()).ms)
      })()
      const before = load1()
      const run = await load(collector.url, { clients: CLIENTS, seconds: SECONDS, prefix: 'reading' })
      done = true
      await reader
      r.ingestWhileReading = {
        recordsPerSecond: round(run.perSecond, 0),
        latencyMs: { p50: round(run.latency.p50), p99: round(run.latency.p99) },
        statuses: run.statuses,
        scorecardCalls: reads.length,
        scorecardMedianMs: round([...reads].sort((x, y) => x - y)[reads.length >> 1]),
        loadAverage: [before, load1()],
      }
      log(
        `(e) POST /collect while scorecards are read back to back: ${r.ingestWhileReading.recordsPerSecond} records/s, p50 ${r.ingestWhileReading.latencyMs.p50} ms, p99 ${r.ingestWhileReading.latencyMs.p99} ms; ${reads.length} scorecards meanwhile, median ${r.ingestWhileReading.scorecardMedianMs} ms (load ${before})`,
      )
    }
    await collector.close(0)
  }
}
await pg?.stop()

results.loadAverageAtEnd = loadavg().map((x) => round(x, 2))
writeFileSync(join(root, 'bench/collector-results.json'), JSON.stringify(results, null, 2) + '\n')
writeFileSync(join(root, 'bench/collector-report.md'), report(results))
log('\nbench/collector-results.json, bench/collector-report.md written')

function report(res) {
  const lines = [
    '# Collector benchmark',
    '',
    `${res.when}, ${res.machine.cpus} × ${res.machine.model}, Node ${res.machine.node}. ${res.settings.clients} clients, envelopes of ${res.settings.batch} records, ${res.settings.seconds} s per run; ` +
      `scorecards over ${res.settings.records.toLocaleString('en')} stored records. The machine is shared: each figure carries the 1-minute load average at its start (2 cores: above 2 means waiting for a CPU). ` +
      'Rerun with `npm run bench:collector` (knobs at the top of bench/collector.mjs).',
    '',
    '| | SQLite | PostgreSQL | bar |',
    '| --- | --- | --- | --- |',
  ]
  const cell = (kind, f) => {
    const d = res.databases[kind]
    try {
      return d ? f(d) : '–'
    } catch {
      return '–'
    }
  }
  const row = (label, f, bar) => lines.push(`| ${label} | ${cell('sqlite', f)} | ${cell('postgres', f)} | ${bar} |`)
  row('(a) raw batched inserts (rows/s)', (d) => `${d.raw.rowsPerSecond} (load ${d.raw.loadAverage[0]})`, 'the limit')
  row('(b) POST /collect (records/s)', (d) => `${d.ingest.recordsPerSecond} (load ${d.ingest.loadAverage[0]})`, '')
  row('(b) p50 / p99 latency (ms)', (d) => `${d.ingest.latencyMs.p50} / ${d.ingest.latencyMs.p99}`, '')
  row('(b) ÷ (a)', (d) => `${Math.round(d.ingest.ratioToRaw * 100)} %`, '≥ 50 %')
  row('(c) kill -9: acknowledged / lost', (d) => `${d.crash.acknowledged} / **${d.crash.lost}**`, '0 lost')
  row('(d) /api/scorecards median / p95 (ms)', (d) => `${d.scorecards.medianMs} / ${d.scorecards.p95Ms} (load ${d.scorecards.loadAverage[0]})`, '≤ 200 ms')
  row('(d) CPU per call in the collector process (ms)', (d) => `${d.scorecards.cpuMsPerCall}`, 'SQLite: all of it; PostgreSQL: without the server')
  row(
    '(e) POST /collect while scorecards are read: records/s, p50 / p99 (ms)',
    (d) =>
      `${d.ingestWhileReading.recordsPerSecond}, ${d.ingestWhileReading.latencyMs.p50} / ${d.ingestWhileReading.latencyMs.p99} (load ${d.ingestWhileReading.loadAverage[0]})`,
    '',
  )
  lines.push(
    '',
    'How: (a) Kysely multi-row inserts of response rows into `responses`, 20 a transaction, through the same connection settings as the collector (SQLite WAL + synchronous=FULL; PostgreSQL defaults, fsync on), as many writers as clients. ' +
      '(b) the collector started as its command (`hetki-collector`), realistic prompts (shown, answers, dismissals, trails of 2–6 events), only records of 2xx answers counted; each record costs the ingest its own row plus its derived rows (answers, trail events) and their indexes, where (a) writes one row into one table. ' +
      '(c) the same, `kill -9` half-way, restarted, every acknowledged record id looked up. ' +
      `(d) the database filled with the rows the ingest derives (bench/lib/collector-fill.mjs), spread over the ${res.settings.spreadDays} days before now (56: all of it inside the default request's period and baseline, the worst case), PostgreSQL then vacuumed and analyzed (as its autovacuum soon would), then 2 warm-up calls and the timed ones over HTTP with the admin token. ` +
      '(e) on that database, the load of (b) while one client asks for the scorecards back to back: what an owner reading costs everybody sending answers.',
    '',
  )
  return lines.join('\n')
}
