// The npm route as a web team takes it: `npm pack` of @hetki/sdk, installed offline into a copy
// of a small app (test/apps/<bundler>) in a temp folder, built by a real bundler (the test
// workspace's devDependencies), served on 127.0.0.1 with a collector, and used in Chromium.
// Needs `npm run build` (the package ships dist/). Nothing is written into the repository.
import { execFileSync } from 'node:child_process'
import { cpSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize, relative, resolve, sep } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { launch, watchErrors } from '../helpers/browser'

export const repo = resolve(__dirname, '../..')
const apps = join(repo, 'test/apps')

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

/**
 * `npm pack` of the SDK into `dir`; the tarball's path. The package's prepack copies dist/ into
 * packages/sdk; here that copy is made in a staging folder instead, so that test files packing at
 * the same time never see each other's half-copied dist/, and the repository is left alone.
 */
export function packSdk(dir: string): string {
  const staging = join(dir, 'sdk-package')
  cpSync(join(repo, 'packages/sdk'), staging, { recursive: true, filter: (f) => !/[\\/](node_modules|dist)$/.test(f) })
  cpSync(join(repo, 'dist'), join(staging, 'dist'), { recursive: true })
  const name = npm(['pack', '--ignore-scripts', '--pack-destination', dir, '--silent'], staging).trim().split('\n').pop()!
  return join(dir, name)
}

/**
 * `npm pack` of a framework kit (packages/react, packages/vue) into `dir`; it ships dist/, which the
 * root build writes. The kits have no prepack, so they pack in place.
 */
export function packKit(name: 'react' | 'vue', dir: string): string {
  const file = npm(['pack', '--ignore-scripts', '--pack-destination', dir, '--silent'], join(repo, 'packages', name))
    .trim()
    .split('\n')
    .pop()!
  return join(dir, file)
}

/** A temp folder that goes away after the file's tests. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/**
 * A copy of test/apps/<name> in `dir` with the SDK tarball installed as a user would, offline
 * (the package has no dependencies), and the shared shop script in its src/ unless it brings its own.
 */
export function makeApp(name: string, dir: string, ...tarballs: string[]): string {
  const app = join(dir, name)
  cpSync(join(apps, name), app, { recursive: true })
  if (!name.startsWith('next')) {
    mkdirSync(join(app, 'src'), { recursive: true })
    cpSync(join(apps, 'shop.js'), join(app, 'src/shop.js'))
  }
  // --legacy-peer-deps: a kit's peer (react, vue) is the app's own; the tests link it in.
  npm(['install', '--offline', '--no-audit', '--no-fund', '--no-save', '--legacy-peer-deps', ...tarballs], app)
  return app
}

/** Every file under `dir`, as URL paths (`/assets/x.js`). */
export function filesUnder(dir: string): Set<string> {
  const out = new Set<string>()
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f)
      if (statSync(p).isDirectory()) walk(p)
      else out.add('/' + relative(dir, p).split(sep).join('/'))
    }
  }
  walk(dir)
  return out
}

/** A record as the collector received it (the wire format's fields this test looks at). */
export interface Received {
  kind: string
  surveyId: string
  answers?: Record<string, unknown>
  completed?: boolean
}

/** A collector: `POST /collect` with a JSON envelope; what it received, and its request handler. */
export function collector() {
  const records: Received[] = []
  /** Answers `/collect`; false for any other request. */
  const handle = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (new URL(req.url!, 'http://x').pathname != '/collect') return false
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      try {
        records.push(...(JSON.parse(Buffer.concat(chunks).toString('utf8')).records as Received[]))
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
      } catch {
        res.writeHead(400).end()
      }
    })
    return true
  }
  return { records, handle }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
}

/** Serves a build's output folder as static files, and `/collect`, on 127.0.0.1 and a free port. */
export function serve(dir: string, collect: ReturnType<typeof collector>): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (collect.handle(req, res)) return
    let file = normalize(join(dir, decodeURIComponent(new URL(req.url!, 'http://x').pathname)))
    if (file.startsWith(dir) && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html')
    if (!file.startsWith(dir + sep) || !existsSync(file) || req.method != 'GET') return res.writeHead(404).end()
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' })
    createReadStream(file).pipe(res)
  })
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      done({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((closed) => (server.closeAllConnections(), server.close(() => closed()))),
      })
    }),
  )
}

/** One Chromium for the tests of a file. */
export function useChromium(): { browser: Browser } {
  const env = {} as { browser: Browser }
  beforeAll(async () => {
    env.browser = await launch()
  })
  afterAll(() => env.browser?.close())
  return env
}

/**
 * The shop in Chromium, as its customer: the page loads with no Hetki chunk; "Place order" shows
 * the survey, with the UI in German (the config's `lang`, a lazy locale file); the answer reaches
 * the collector. Every request goes to the app's own host and
 * succeeds, and with `files` (a static build) each one is a file the bundler emitted, or the
 * collector: nothing copied by hand, nothing from the build machine's disk.
 */
export async function useShop(browser: Browser, url: string, collect: ReturnType<typeof collector>, files?: Set<string>) {
  const context = await browser.newContext()
  const page = await context.newPage()
  const errors = watchErrors(page)
  const requests: { method: string; url: URL; status?: number; failure?: string }[] = []
  page.on('request', (r) => requests.push({ method: r.method(), url: new URL(r.url()) }))
  page.on('response', (r) => {
    const seen = requests.find((q) => q.url.href == r.url() && q.status === undefined)
    if (seen) seen.status = r.status()
  })
  page.on('requestfailed', (r) => requests.push({ method: r.method(), url: new URL(r.url()), failure: r.failure()?.errorText }))
  await page.goto(url)
  await page.waitForLoadState('networkidle')
  const scripts = () => requests.filter((r) => r.method == 'GET' && r.url.pathname.endsWith('.js')).length
  const before = scripts()
  expect(await page.locator('hetki-survey').count()).toBe(0)

  await page.getByRole('button', { name: 'Place order' }).click()
  const prompt = page.locator('[data-hetki-survey="checkout"]')
  await prompt.getByRole('dialog', { name: 'How was checking out?' }).waitFor()
  // The engine and the widget came as lazy chunks, after the event that needed them.
  expect(scripts()).toBeGreaterThan(before)
  await prompt.getByRole('button', { name: /^4 von 5/ }).click()
  await prompt.getByRole('status').filter({ hasText: 'Vielen Dank für Ihre Antwort!' }).waitFor()
  await expect
    .poll(() => collect.records.filter((r) => r.kind == 'response'))
    .toEqual([expect.objectContaining({ surveyId: 'checkout', answers: { q1: 4 }, completed: true })])

  const host = new URL(url).host
  for (const r of requests) {
    expect(r.url.host, r.url.href).toBe(host)
    expect(r.failure, r.url.href).toBeUndefined()
    // A redirect or a 304 would be fine; a 404 is the bug this suite is for.
    expect(r.status === undefined || r.status < 400, r.url.href + ' ' + r.status).toBe(true)
    if (files && r.method == 'GET')
      expect(files.has(r.url.pathname.replace(/\/$/, '/index.html')) || files.has(r.url.pathname + '.html'), r.url.pathname).toBe(true)
    if (r.method == 'POST') expect(r.url.pathname).toBe('/collect')
  }
  // The German UI strings came in a file of their own, and no other language's file was fetched.
  const fetched = requests.filter((r) => r.method == 'GET' && r.url.pathname.endsWith('.js'))
  const bodies = await Promise.all(fetched.map(async (r) => (await fetch(r.url)).text()))
  // (ASCII only: esbuild writes ß as \xDF.)
  expect(bodies.filter((b) => b.includes('Umfrage schlie')).length).toBe(1)
  expect(bodies.filter((b) => b.includes('Fermer le questionnaire') || b.includes('Sulje kysely'))).toEqual([])
  expect(errors).toEqual([])
  await context.close()
  return requests
}

/**
 * A static build in Chromium, as the shop's customer: `out` served with a collector beside it,
 * then `useShop` with the build's files; the server stops whatever happens. Returns the requests.
 */
export async function useBuiltShop(browser: Browser, out: string) {
  const collect = collector()
  const site = await serve(out, collect)
  try {
    return await useShop(browser, site.url + '/', collect, filesUnder(out))
  } finally {
    await site.close()
  }
}
