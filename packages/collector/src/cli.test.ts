// The command as an operator runs it: built, spawned, answering /healthz, stopped by SIGTERM.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { config } from '../test/fixtures'

const pkg = fileURLToPath(new URL('..', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'hetki-cli-'))
beforeAll(() => {
  const built = spawnSync(process.execPath, [join(pkg, 'build.mjs')], { encoding: 'utf8' })
  if (built.status !== 0) throw new Error('build failed: ' + built.stderr)
  writeFileSync(join(dir, 'hetki.json'), JSON.stringify(config))
}, 60_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('starts with --config, prints its URL, answers /healthz and reads with the admin token, stops on SIGTERM', async () => {
  const child = spawn(process.execPath, [join(pkg, 'bin/hetki-collector.mjs'), '--config', join(dir, 'hetki.json')], {
    env: { ...process.env, PORT: '0', HETKI_DB: join(dir, 'hetki.db'), HETKI_ADMIN_TOKEN: 'cli-admin', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout.on('data', (c) => (out += c))
  child.stderr.on('data', (c) => (out += c))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  await expect.poll(() => /http:\/\/127\.0\.0\.1:\d+/.exec(out)?.[0], { timeout: 20_000 }).toBeTruthy()
  const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out)![0]
  expect(await (await fetch(url + '/healthz')).json()).toEqual({ ok: true, database: 'sqlite' })
  expect((await fetch(url + '/api/records', { headers: { authorization: 'Bearer cli-admin' } })).status).toBe(200)
  child.kill('SIGTERM')
  expect(await exited).toBe(0)
  expect(out).toContain('SIGTERM: stopping')
})

it('refuses to start without --config, saying what it needs', () => {
  const run = spawnSync(process.execPath, [join(pkg, 'bin/hetki-collector.mjs')], { encoding: 'utf8', env: { ...process.env, PORT: '0' } })
  expect(run.status).toBe(1)
  expect(run.stderr).toContain('--config <hetki.json> is required')
})
