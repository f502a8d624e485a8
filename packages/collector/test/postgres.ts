// A throwaway PostgreSQL cluster for tests and benchmarks: Debian's postgresql-15 binaries, a data
// folder in a temporary directory, a free port on 127.0.0.1, removed when stopped. initdb and
// postgres refuse to run as root, so as root they run as the `postgres` user. PG_BIN overrides the
// binaries' folder.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

const BIN = process.env.PG_BIN || '/usr/lib/postgresql/15/bin'

export interface Postgres {
  /** postgres://… of a fresh database `hetki` on the cluster. */
  url: string
  /** A URL of another fresh database on the same cluster (so test files do not share tables). */
  database(name: string): Promise<string>
  stop(): Promise<void>
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0
const run = (cmd: string, args: string[]) => (asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]) as [string, string[]]

/** Whether the PostgreSQL server binaries are installed (`apt-get install postgresql`). */
export const havePostgres = () => existsSync(join(BIN, 'postgres'))

export async function startPostgres(): Promise<Postgres> {
  if (!havePostgres()) throw new Error(`PostgreSQL is not installed: no ${BIN}/postgres (apt-get install -y postgresql, or set PG_BIN)`)
  const dir = mkdtempSync(join(tmpdir(), 'hetki-pg-'))
  chmodSync(dir, 0o777)
  const data = join(dir, 'data')
  const init = spawnSync(...run(join(BIN, 'initdb'), ['-D', data, '-U', 'hetki', '--auth=trust', '--no-sync', '-E', 'UTF8']), { encoding: 'utf8' })
  if (init.status !== 0) throw new Error('initdb failed: ' + init.stderr)
  const port = await freePort()
  const server: ChildProcess = spawn(
    ...run(join(BIN, 'postgres'), ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200']),
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  let log = ''
  server.stderr?.on('data', (c) => (log += c))
  const admin = `postgres://hetki@127.0.0.1:${port}/postgres`
  // Wait until it accepts connections (a condition, not a clock): try, and try again on refusal.
  for (let tries = 0; ; tries++) {
    const client = new pg.Client({ connectionString: admin })
    try {
      await client.connect()
      await client.end()
      break
    } catch (e) {
      await client.end().catch(() => {})
      if (server.exitCode !== null || tries > 600) throw new Error('PostgreSQL did not start: ' + log)
      await new Promise((r) => setTimeout(r, 50))
    }
  }
  const database = async (name: string) => {
    const client = new pg.Client({ connectionString: admin })
    await client.connect()
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`)
    await client.end()
    return `postgres://hetki@127.0.0.1:${port}/${name}`
  }
  return {
    url: await database('hetki'),
    database,
    stop: async () => {
      if (server.exitCode === null) {
        const exited = new Promise((r) => server.once('exit', r))
        // SIGINT is PostgreSQL's fast shutdown (clients disconnected, no waiting for them). It goes
        // to the postmaster itself: runuser, its parent here, does not pass signals on.
        const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0])
        process.kill(pid, 'SIGINT')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
