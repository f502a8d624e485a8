// webpack 5 through its Node API (webpack-cli is not installed), with the app's plain production
// config: no copy plugin, no rule for Hetki, no publicPath.
import { cpSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import webpack, { type Configuration, type Stats } from 'webpack'
import { beforeAll, describe, expect, it } from 'vitest'
import { filesUnder, makeApp, packSdk, repo, tempDir, useBuiltShop, useChromium } from './harness'

const env = useChromium()
const dir = tempDir('hetki-webpack-')
let app = ''

beforeAll(async () => {
  app = makeApp('webpack', dir, packSdk(dir))
  const { default: config } = (await import(join(app, 'webpack.config.mjs'))) as { default: (dir: string) => Configuration }
  const stats = await new Promise<Stats>((done, fail) => webpack(config(app), (e, s) => (e ? fail(e) : done(s!))))
  expect(stats.hasErrors(), stats.toString('errors-only')).toBe(false)
  // Not even a warning (a run-time import webpack could not see would be a "Critical dependency").
  expect(stats.hasWarnings(), stats.toString('errors-warnings')).toBe(false)
  cpSync(join(app, 'public'), join(app, 'dist'), { recursive: true })
}, 120_000)

describe('a webpack 5 app', () => {
  it('shows the survey on the trigger, and the answer reaches the collector', async () => {
    await useBuiltShop(env.browser, join(app, 'dist'))
  })

  it('ships no path of the build machine (webpack would write import.meta.url as a file:// URL)', () => {
    const files = [...filesUnder(join(app, 'dist'))].filter((f) => f.endsWith('.js'))
    expect(files.length).toBeGreaterThan(1)
    for (const f of files) {
      const code = readFileSync(join(app, 'dist', f), 'utf8')
      expect(code, f).not.toContain('file://')
      expect(code, f).not.toContain(dir)
      expect(code, f).not.toContain(repo)
      expect(code, f).not.toContain('node_modules')
    }
  })
})
