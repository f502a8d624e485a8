// The framework kits in real apps: a React app (test/apps/react-kit) and a Vue 3 app
// (test/apps/vue-kit), built with Vite 8 from the built @hetki/react, @hetki/vue and @hetki/sdk,
// served next to the reference collector and driven in Chromium. The inline survey is mounted by
// <HetkiInline>, track() from a hook triggers the popover survey, the answers reach the collector,
// and unmounting takes the inline survey's place away with no error.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Browser, Page } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launch, watchErrors } from '../helpers/browser'
import { startDemo, type Demo } from '../helpers/demo'

const repo = fileURLToPath(new URL('../../', import.meta.url))
const kits = ['react', 'vue'] as const
type Kit = (typeof kits)[number]

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' }
// The apps run under the policy the demo holds itself to: no inline script or style, no eval.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'"

let out: string
let browser: Browser
let demo: Demo
/** What the pages asked the server for ("GET /react/assets/…"), and what it did not have. */
const requests: string[] = []
const missing: string[] = []

/** Serves each app's build under /<kit>/; the rest (/collect) is the demo's. */
const serveApps = (req: IncomingMessage, res: ServerResponse): boolean => {
  const path = new URL(req.url!, 'http://x').pathname
  // Chromium asks for a favicon by itself; a 404 would be a console error the apps did not cause.
  if (path == '/favicon.ico') return (res.writeHead(204).end(), true)
  requests.push(req.method + ' ' + path)
  const kit = kits.find((k) => path.startsWith(`/${k}/`))
  if (!kit || req.method != 'GET') return false
  const dir = join(out, kit)
  const file = normalize(join(dir, path.slice(kit.length + 2) || 'index.html'))
  if (!file.startsWith(dir + sep) || !existsSync(file)) return (missing.push(path), false)
  res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'content-security-policy': CSP })
  res.end(readFileSync(file))
  return true
}

beforeAll(async () => {
  for (const file of ['dist/hetki.mjs', 'packages/react/dist/index.js', 'packages/vue/dist/index.js'])
    if (!existsSync(repo + file)) throw new Error(`${file} is missing: run \`npm run build\` first`)
  out = mkdtempSync(join(tmpdir(), 'hetki-kits-'))
  // Built in turn: two Vite builds at once only slow each other down on two cores.
  for (const kit of kits) {
    const app = join(repo, 'test/apps', `${kit}-kit`)
    await build({ root: app, configFile: join(app, 'vite.config.mjs'), build: { outDir: join(out, kit), emptyOutDir: true } })
  }
  ;[browser, demo] = await Promise.all([launch(), startDemo(serveApps)])
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await demo?.close()
  if (out) rmSync(out, { recursive: true, force: true })
})

/** The element a survey's widget lives in, by survey id (its content is in an open shadow root). */
const survey = (page: Page, id: string) => page.locator(`hetki-survey[data-hetki-survey="${id}"]`)
const responses = async (id: string) => (await demo.store.all()).filter((r) => r.survey_id == id)

describe.each(kits)('the %s kit in a Vite app', (kit) => {
  it('mounts the inline survey, triggers a popover from a hook, delivers the answers and unmounts cleanly', async () => {
    await demo.store.clear()
    requests.length = 0
    const context = await browser.newContext()
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(`${demo.url}/${kit}/`)

    // <HetkiInline survey="helpful"> is the survey's place, and shows it on mount.
    const place = page.locator('[data-hetki-inline="helpful"]')
    await expect.poll(() => survey(page, 'helpful').count()).toBe(1)
    expect(await place.getAttribute('class')).toBe('feedback')
    expect(await page.evaluate(() => document.querySelector('hetki-survey')!.parentElement!.className)).toBe('feedback')
    await expect.poll(() => place.getByRole('button', { name: 'Yes' }).isVisible()).toBe(true)

    // Unmounted while it shows: the place and the survey in it leave the page.
    await page.getByRole('button', { name: 'Hide feedback' }).click()
    await expect.poll(() => place.count()).toBe(0)
    expect(await page.locator('hetki-survey').count()).toBe(0)

    // track() from useTrack(): the popover survey shows (the inline one that left holds nothing up)
    // and its answer reaches the collector.
    await page.getByRole('button', { name: 'Buy' }).click()
    await expect.poll(() => survey(page, 'after-buy').count()).toBe(1)
    await page.getByRole('button', { name: /^4\b/ }).click()
    await expect.poll(async () => (await responses('after-buy')).length).toBe(1)
    expect((await responses('after-buy'))[0]).toMatchObject({ completed: true, answers: { csat: 4 }, path: `/${kit}/` })
    // The popover closes itself after its thank-you.
    await expect.poll(() => survey(page, 'after-buy').count()).toBe(0)

    // Mounted again: shown again, and answered in place.
    await page.getByRole('button', { name: 'Show feedback' }).click()
    await expect.poll(() => place.getByRole('button', { name: 'Yes' }).isVisible()).toBe(true)
    await place.getByRole('button', { name: 'Yes' }).click()
    await expect.poll(async () => (await responses('helpful')).length).toBe(1)
    expect((await responses('helpful'))[0]).toMatchObject({ completed: true, answers: { useful: true } })
    expect(await page.evaluate(() => (window as any).seen)).toEqual([
      'shown:helpful',
      'shown:after-buy',
      'completed:after-buy',
      'shown:helpful',
      'completed:helpful',
    ])

    // The whole app unmounted: its place is gone, and its event handlers with it; Hetki still runs.
    await page.evaluate(() => (window as any).unmountApp())
    expect(await page.locator('[data-hetki-inline]').count()).toBe(0)
    await page.evaluate(() => (window as any).hetki.show('after-buy'))
    await expect.poll(() => survey(page, 'after-buy').count()).toBe(1)
    expect(await page.evaluate(() => (window as any).seen.length)).toBe(5)

    // The app's own files and the collector, nothing missing: Vite bundled the SDK's lazy chunks.
    expect(missing).toEqual([])
    expect(requests.filter((r) => !r.startsWith(`GET /${kit}/`) && r != 'POST /collect')).toEqual([])
    expect(requests.filter((r) => r.startsWith(`GET /${kit}/assets/`)).length).toBeGreaterThan(2)
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('the built kits', () => {
  it('import in Node without throwing (server rendering) and keep React, Vue and the SDK out', () => {
    for (const kit of kits) {
      const js = readFileSync(`${repo}packages/${kit}/dist/index.js`, 'utf8')
      expect(js).toMatch(kit == 'react' ? /from 'react'/ : /from 'vue'/)
      expect(js).toMatch(/from '@hetki\/sdk'/)
      // Node resolves @hetki/sdk to the built module (dist/hetki.mjs), as a packed install would.
      const hook = `export const resolve = (s, c, next) => s == '@hetki/sdk' ? { url: ${JSON.stringify(pathToFileURL(repo + 'dist/hetki.mjs').href)}, shortCircuit: true } : next(s, c)`
      const register = `import { register } from 'node:module'; register(${JSON.stringify('data:text/javascript,' + encodeURIComponent(hook))})`
      const exports = execFileSync(
        process.execPath,
        [
          '--import',
          'data:text/javascript,' + encodeURIComponent(register),
          '--input-type=module',
          '-e',
          `import('@hetki/${kit}').then((m) => console.log(Object.keys(m).sort().join()))`,
        ],
        { cwd: repo, encoding: 'utf8' },
      ).trim()
      expect(exports).toBe(kit == 'react' ? 'HetkiInline,HetkiProvider,useHetki,useHetkiEvent,useTrack' : 'HetkiInline,hetki,useHetki,useHetkiEvent,useTrack')
    }
  })
})
