// `npm run bench:collector`: what the collector sustains on this machine, for SQLite and PostgreSQL.
//  - load: CONCURRENCY clients POST envelopes of 20 new responses to a collector (the built CLI, a
//    child process) for SECONDS; records acknowledged per second, p50/p99 latency per POST;
//  - raw: the database's own batched-insert rate in the same run, the same durability (one
//    transaction of 20 rows a commit, same concurrency), straight through Kysely: the limit;
//  - crash: load, `kill -9` the collector mid-flight, restart it on the same database, and count
//    the records that got a 2xx but are missing (the bar is 0).
// Writes bench/.out/collector.json at the repository root and prints a table.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
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
    id, kind: 'response', surveyId: 'csat', responseId: id, touchpoint: { id: 'checkout', owner: 'Web shop team' }, lang: 'en', path: '/order',
    trail: [{ event: 'page.viewed', at: now, touchpoint: 'checkout' }, { event: 'payment.failed', at: now }],
    answers: { q1: 1 + (seq % 5), why: 'slow' }, completed: true, startedAt: now, updatedAt: now,
  }
}

interface Db { kind: 'sqlite' | 'postgres'; env: Record<string, string>; url?: string; file?: string }

function startChild(db: Db): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(root, 'packages/collector/bin/hetki-collector.mjs'), '--config', join(dir, 'hetki.json'), '--server', join(dir, 'collector.json')], {
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
        const res = await fetch(url + '/collect', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ v: 1, sentAt: new Date().toISOString(), records }) })
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

/** The database alone: multi-row INSERTs of BATCH responses, one transaction each, CONCURRENCY at once. */
async function raw(db: Db, seconds: number) {
  const store = await openStore({ url: db.url, file: db.file })
  let rows = 0
  const end = Date.now() + seconds * 1000
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        const values = Array.from({ length: BATCH }, () => {
          const r = record('raw')
          return { id: r.id, survey_id: r.surveyId, touchpoint: 'checkout', owner: 'Web shop team', completed: 1, answers: JSON.stringify(r.answers), lang: 'en', path: '/order', url: null, user_id: null, trail: JSON.stringify(r.trail), preview: 0, started_at: r.startedAt, updated_at: r.updatedAt, received_at: r.startedAt, deliveries: 1 }
        })
        await store.db.transaction().execute((trx) => trx.insertInto('responses').values(values).execute())
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
    const row = await store.db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).where('id', 'in', chunk).executeTakeFirstOrThrow()
    present += Number(row.n)
  }
  await store.close()
  return present
}

const results: Record<string, unknown> = { machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, seconds: SECONDS, concurrency: CONCURRENCY, batch: BATCH }
const pg = await startPostgres()
try {
  for (const kind of ['sqlite', 'postgres'] as const) {
    const fresh = async (name: string): Promise<Db> => {
      if (kind === 'sqlite') return { kind, file: join(dir, name + '.db'), env: { HETKI_DB: join(dir, name + '.db') } }
      const url = await pg.database(name)
      return { kind, url, env: { DATABASE_URL: url } }
    }
    const loadDb = await fresh('load')
    const { child, url } = await startChild(loadDb)
    await load(url, 'warm', 1)
    const sustained = await load(url, 'load', SECONDS)
    child.kill('SIGTERM')
    const limit = await raw(await fresh('raw'), SECONDS)

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
      rawInsertPerSecond: limit.perSecond,
      shareOfRaw: Math.round((sustained.perSecond / limit.perSecond) * 100) + ' %',
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
console.log(`\n| database | records/s | p50 | p99 | raw insert rows/s | share | crash: acked / lost |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |`)
for (const kind of ['sqlite', 'postgres']) {
  const r = results[kind] as any
  console.log(`| ${kind} | ${r.recordsPerSecond} | ${r.p50ms} ms | ${r.p99ms} ms | ${r.rawInsertPerSecond} | ${r.shareOfRaw} | ${r.crash.acknowledged} / ${r.crash.lost} |`)
}
