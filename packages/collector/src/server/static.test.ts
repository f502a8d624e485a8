// The results app and its chart library, as a browser fetches them: HTML under the strict CSP,
// uPlot from node_modules, nothing outside the folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { config } from '../../test/fixtures'
import { startCollector, type Collector } from '../start'
import { CSP } from './static'

const dir = mkdtempSync(join(tmpdir(), 'hetki-static-'))
let c: Collector
beforeAll(async () => {
  mkdirSync(join(dir, 'app'))
  writeFileSync(join(dir, 'app', 'index.html'), '<!doctype html><title>Results</title>')
  writeFileSync(join(dir, 'secret.txt'), 'not for the web')
  mkdirSync(join(dir, 'sdk'))
  writeFileSync(join(dir, 'sdk', 'hetki.js'), 'export {}')
  c = await startCollector({ config, dbFile: ':memory:', port: 0, app: join(dir, 'app'), sdk: join(dir, 'sdk'), log: () => {} })
})
afterAll(async () => {
  await c?.close(0)
  rmSync(dir, { recursive: true, force: true })
})

it('serves the app at /app/ with the strict CSP, uPlot at /app/vendor/, the SDK with CORS, and nothing outside', async () => {
  const page = await fetch(c.url + '/app/')
  expect(page.status).toBe(200)
  expect(page.headers.get('content-security-policy')).toBe(CSP)
  expect(await page.text()).toContain('<title>Results</title>')
  const uplot = await fetch(c.url + '/app/vendor/uplot.js')
  expect(uplot.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  expect(await uplot.text()).toContain('export { uPlot as default }')
  expect((await fetch(c.url + '/app/vendor/uplot.css')).headers.get('content-type')).toBe('text/css; charset=utf-8')
  expect((await fetch(c.url + '/hetki/hetki.js')).headers.get('access-control-allow-origin')).toBe('*')
  expect((await fetch(c.url + '/app/..%2Fsecret.txt')).status).toBe(404)
  expect((await fetch(c.url + '/app/%2e%2e/secret.txt')).status).toBe(404)
})
