// Next.js 16 (Turbopack, its default builder), App Router: a server page renders a client
// component that calls init() in an effect and track() from a click; a second page does the same
// through the React kit (its provider and useTrack). Built once (the slowest build
// of the suite) as a static export, served as plain files.
import { execFileSync } from 'node:child_process'
import { symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { watchErrors } from '../helpers/browser'
import { collector, makeApp, packKit, packSdk, repo, serve, tempDir, useBuiltShop, useChromium } from './harness'

const env = useChromium()
const dir = tempDir('hetki-next-')
let app = ''
let kitApp = ''

/** Builds test/apps/<name> with `next build`: the framework comes from the test workspace (locked there), as it would from the app's own install. */
function build(name: string, ...tarballs: string[]): string {
  const app = makeApp(name, dir, ...tarballs)
  for (const p of ['next', 'react', 'react-dom']) symlinkSync(join(repo, 'node_modules', p), join(app, 'node_modules', p))
  execFileSync(process.execPath, [join(app, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: app,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return app
}

beforeAll(() => {
  const sdk = packSdk(dir)
  app = build('next', sdk)
  kitApp = build('next-kit', sdk, packKit('react', dir))
}, 480_000)

describe('a Next.js App Router app', () => {
  it('shows the survey from a client component on the trigger, and the answer reaches the collector', async () => {
    await useBuiltShop(env.browser, join(app, 'out'))
  })

  it('with the SDK only through the React kit: the inline survey shows in its place and its answer reaches the collector', async () => {
    const collect = collector()
    const out = join(kitApp, 'out')
    const site = await serve(out, collect)
    const context = await env.browser.newContext()
    try {
      const page = await context.newPage()
      const errors = watchErrors(page)
      const failed: string[] = []
      page.on('response', (r) => r.status() >= 400 && failed.push(r.status() + ' ' + r.url()))
      page.on('requestfailed', (r) => failed.push(r.url()))
      await page.goto(site.url + '/')
      const inline = page.locator('#feedback')
      await inline.getByRole('button', { name: 'Yes' }).click()
      await inline.getByRole('status').filter({ hasText: 'Thank you' }).waitFor()
      await expect
        .poll(() => collect.records.filter((r) => r.kind == 'response'))
        .toEqual([expect.objectContaining({ surveyId: 'helpful', answers: { goal: true }, completed: true })])
      expect(failed).toEqual([])
      expect(errors).toEqual([])
    } finally {
      await context.close()
      await site.close()
    }
  })
})
