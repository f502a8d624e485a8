// `npm run bench:collector`: what the collector sustains on this machine, for SQLite and PostgreSQL.
//  - load: CONCURRENCY clients POST envelopes of 20 new responses to a collector (the built CLI, a
//    child process) for SECONDS; records acknowledged per second, p50/p99 latency per POST;
//  - raw: the database's own batched-insert rate in the same run, the same durability (one
//    transaction of 20 rows a commit, same concurrency), straight through Kysely: the limit;
//    and "raw + derived", the same with the 2 answers and 2 trail events a record also gets;
//  - collector CPU: user + system ms the collector process spent per 1000 acknowledged records;
//  - crash: load, `kill -9` the collector mid-flight, restart it on the same database, and count
//    the records that got a 2xx but are missing (the bar is 0).
// Writes bench/.out/collector.json at the repository root and prints a table.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore } from '../src/db/open'
import { startPostgres } from '../test/postgres'
import { config, rid } from '../test/fixtures'

const SECONDS = Number(process.env.BENCH_SECONDS || 10)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 16)
const BATCH = 20
const root = process.env.HETKI_ROOT || process.cwd()
const dir = mkdtempSync(join(tmpdir(), 'hetki-bench-'))
writeFileSync(join(dir, 'hetki.json'), JSON.stringify(config))
writeFileSync(join(dir, 'collector.json'), JSON.stringify({ rateLimit: { points: 1e9 } }))

let seq = 0
const record = (run: string) => {
  const id = rid(run + (++seq).toString(36))
  const now = new Date().toISOString()
  return {
    id,
    kind: 'response',
    surveyId: 'csat',
    responseId: id,
    touchpoint: { id: 'checkout', owner: 'Web shop team' },
    lang: 'en',
    path: '/order',
    trail: [
      { event: 'page.viewed', at: now, touchpoint: 'checkout' },
      { event: 'payment.failed', at: now },
    ],
    answers: { q1: 1 + (seq % 5), why: 'slow' },
    completed: true,
    startedAt: now,
    updatedAt: now,
  }
}

interface Db {
  kind: 'sqlite' | 'postgres'
  env: Record<string, string>
  url?: string
  file?: string
}

function startChild(db: Db): Promise<{ child: ChildProcess; url: string }> {
  // BENCH_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles the collector under load.
  const nodeArgs = (process.env.BENCH_NODE_ARGS || '').split(' ').filter(Boolean)
  // BENCH_COLLECTOR_BIN: another build of the command (a copy of an older dist/, to compare in one sitting).
  const bin = process.env.BENCH_COLLECTOR_BIN || join(root, 'packages/collector/bin/hetki-collector.mjs')
  const child = spawn(process.execPath, [...nodeArgs, bin, '--config', join(dir, 'hetki.json'), '--server', join(dir, 'collector.json')], {
    env: { ...process.env, PORT: '0', DATABASE_URL: '', ...db.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (c) => {
      out += c
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out)
      if (m) resolve({ child, url: m[0] })
    })
    child.once('exit', (code) => reject(new Error('collector exited ' + code + ': ' + out)))
  })
}

/** CPU time (user + system) a child process has used so far, in ms, from /proc (Linux); NaN elsewhere. */
function cpuMs(child: ChildProcess): number {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN
  }
}

/** CONCURRENCY clients posting for `seconds` (or until stopped); every acknowledged id is kept. */
async function load(url: string, run: string, seconds: number, stop?: Promise<void>) {
  const latencies: number[] = []
  const acked: string[] = []
  let failed = 0
  let done = false
  const end = Date.now() + seconds * 1000
  stop?.then(() => (done = true))
  const client = async () => {
    while (!done && Date.now() < end) {
      const records = Array.from({ length: BATCH }, () => record(run))
      const t = performance.now()
      try {
        const res = await fetch(url + '/collect', {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: JSON.stringify({ v: 1, sentAt: new Date().toISOString(), records }),
        })
        await res.arrayBuffer()
        if (res.ok) {
          latencies.push(performance.now() - t)
          acked.push(...records.map((r) => r.id))
        } else failed++
      } catch {
        failed++
        if (stop) return
      }
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: CONCURRENCY }, client))
  const elapsed = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  const q = (p: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN) * 10) / 10
  return { acked, failed, perSecond: Math.round(acked.length / elapsed), p50: q(0.5), p99: q(0.99) }
}

/**
 * The database alone: multi-row INSERTs of BATCH responses, one transaction each, CONCURRENCY at
 * once (the quality bar's baseline). With `derived`, each transaction also inserts the 2 answers
 * and 2 trail events per response that the collector writes: the database's share of its work.
 */
async function raw(db: Db, seconds: number, derived = false) {
  const store = await openStore({ url: db.url, file: db.file })
  let rows = 0
  const end = Date.now() + seconds * 1000
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        const values = Array.from({ length: BATCH }, () => {
          const r = record('raw')
          return {
            id: r.id,
            survey_id: r.surveyId,
            touchpoint: 'checkout',
            owner: 'Web shop team',
            completed: 1,
            answers: JSON.stringify(r.answers),
            lang: 'en',
            path: '/order',
            url: null,
            user_id: null,
            trail: JSON.stringify(r.trail),
            preview: 0,
            started_at: r.startedAt,
            updated_at: r.updatedAt,
            received_at: r.startedAt,
            deliveries: 1,
          }
        })
        await store.db.transaction().execute(async (trx) => {
          await trx.insertInto('responses').values(values).execute()
          if (!derived) return
          // The rows the collector derives from each response too: its answers and trail events.
          const base = { survey_id: 'csat', touchpoint: 'checkout', at: values[0]!.started_at, preview: 0 }
          await trx
            .insertInto('answers')
            .values(
              values.flatMap((v) => [
                { ...base, response_id: v.id, question_id: 'q1', owner: 'Web shop team', metric: 'csat', value: 4, text: null, lang: 'en', path: '/order' },
                { ...base, response_id: v.id, question_id: 'why', owner: 'Web shop team', metric: null, value: null, text: 'slow', lang: 'en', path: '/order' },
              ]),
            )
            .execute()
          await trx
            .insertInto('trail_events')
            .values(
              values.flatMap((v) => [
                { ...base, record_id: v.id, response_id: v.id, kind: 'response' as const, event: 'page.viewed' },
                { ...base, record_id: v.id, response_id: v.id, kind: 'response' as const, event: 'payment.failed', touchpoint: null },
              ]),
            )
            .execute()
        })
        rows += BATCH
      }
    }),
  )
  const perSecond = Math.round(rows / ((performance.now() - started) / 1000))
  await store.close()
  return { perSecond }
}

async function countPresent(db: Db, ids: string[]) {
  const store = await openStore({ url: db.url, file: db.file })
  let present = 0
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500)
    const row = await store.db
      .selectFrom('responses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', 'in', chunk)
      .executeTakeFirstOrThrow()
    present += Number(row.n)
  }
  await store.close()
  return present
}

const results: Record<string, unknown> = {
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
  seconds: SECONDS,
  concurrency: CONCURRENCY,
  batch: BATCH,
}
const pg = await startPostgres()
try {
  // BENCH_DBS=postgres (or sqlite) runs one database only.
  const kinds = (process.env.BENCH_DBS || 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[]
  for (const kind of kinds) {
    const fresh = async (name: string): Promise<Db> => {
      if (kind === 'sqlite') return { kind, file: join(dir, name + '.db'), env: { HETKI_DB: join(dir, name + '.db') } }
      const url = await pg.database(name)
      return { kind, url, env: { DATABASE_URL: url } }
    }
    const loadDb = await fresh('load')
    const { child, url } = await startChild(loadDb)
    await load(url, 'warm', 1)
    const cpuBefore = cpuMs(child)
    const sustained = await load(url, 'load', SECONDS)
    // CPU the collector spent (user + system, its socket writes included) per 1000 acknowledged
    // records: steadier than records/s on a machine shared with other work.
    const cpuPer1000 = Math.round(((cpuMs(child) - cpuBefore) / sustained.acked.length) * 1000)
    child.kill('SIGTERM')
    const limit = await raw(await fresh('raw'), SECONDS)
    const limitDerived = await raw(await fresh('rawderived'), SECONDS, true)

    // Crash: kill -9 while requests are in flight, then restart on the same database.
    const crashDb = await fresh('crash')
    const first = await startChild(crashDb)
    let kill!: () => void
    const killed = new Promise<void>((r) => (kill = r))
    const running = load(first.url, 'crash', 60, killed)
    setTimeout(() => {
      first.child.kill('SIGKILL')
      kill()
    }, 3000)
    const crashLoad = await running
    const second = await startChild(crashDb)
    const present = await countPresent(crashDb, crashLoad.acked)
    second.child.kill('SIGTERM')
    results[kind] = {
      recordsPerSecond: sustained.perSecond,
      p50ms: sustained.p50,
      p99ms: sustained.p99,
      failedPosts: sustained.failed,
      collectorCpuMsPer1000: cpuPer1000,
      rawInsertPerSecond: limit.perSecond,
      shareOfRaw: Math.round((sustained.perSecond / limit.perSecond) * 100) + ' %',
      rawWithDerivedPerSecond: limitDerived.perSecond,
      shareOfRawWithDerived: Math.round((sustained.perSecond / limitDerived.perSecond) * 100) + ' %',
      crash: { acknowledged: crashLoad.acked.length, present, lost: crashLoad.acked.length - present },
    }
    console.log(kind, JSON.stringify(results[kind]))
  }
} finally {
  await pg.stop()
  rmSync(dir, { recursive: true, force: true })
}
mkdirSync(join(root, 'bench/.out'), { recursive: true })
writeFileSync(join(root, 'bench/.out/collector.json'), JSON.stringify(results, null, 2) + '\n')
console.log(
  `\n| database | records/s | p50 | p99 | raw insert rows/s | share | raw + derived rows/s | share | collector CPU ms / 1000 records | crash: acked / lost |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
)
for (const kind of Object.keys(results).filter((k) => k === 'sqlite' || k === 'postgres')) {
  const r = results[kind] as any
  console.log(
    `| ${kind} | ${r.recordsPerSecond} | ${r.p50ms} ms | ${r.p99ms} ms | ${r.rawInsertPerSecond} | ${r.shareOfRaw} | ${r.rawWithDerivedPerSecond} | ${r.shareOfRawWithDerived} | ${r.collectorCpuMsPer1000} | ${r.crash.acknowledged} / ${r.crash.lost} |`,
  )
}
