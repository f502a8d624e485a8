// Rollup and esbuild, each with the smallest config a team writes for an app with code splitting.
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import nodeResolve from '@rollup/plugin-node-resolve'
import * as esbuild from 'esbuild'
import { rollup } from 'rollup'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeApp, packSdk, tempDir, useBuiltShop, useChromium } from './harness'

const env = useChromium()
const dir = tempDir('hetki-rollup-esbuild-')
let tarball = ''

beforeAll(() => {
  tarball = packSdk(dir)
}, 120_000)

/** The built app in Chromium, as the shop's customer. */
const check = (out: string) => useBuiltShop(env.browser, out)

describe('a Rollup app', () => {
  it('shows the survey on the trigger, and the answer reaches the collector', async () => {
    const app = makeApp('rollup', dir, tarball)
    const out = join(app, 'dist')
    const bundle = await rollup({ input: join(app, 'src/shop.js'), plugins: [nodeResolve({ browser: true })] })
    await bundle.write({ dir: out, format: 'es' })
    await bundle.close()
    cpSync(join(app, 'public'), out, { recursive: true })
    await check(out)
  })
})

describe('widgetUrl, the override', () => {
  it('imports every lazy file from the folder it names (resolved against the page), not from the bundle', async () => {
    const app = makeApp('rollup', join(dir, 'cdn'), tarball)
    const shop = readFileSync(join(app, 'src/shop.js'), 'utf8')
    writeFileSync(join(app, 'src/shop.js'), shop.replace("endpoint: '/collect',", "endpoint: '/collect',\n  widgetUrl: 'static/hetki/hetki-widget.js',"))
    const out = join(app, 'dist')
    const bundle = await rollup({ input: join(app, 'src/shop.js'), plugins: [nodeResolve({ browser: true })] })
    await bundle.write({ dir: out, format: 'es' })
    await bundle.close()
    cpSync(join(app, 'public'), out, { recursive: true })
    // Deployed by hand, as to a CDN: the package's dist/ folder.
    cpSync(join(app, 'node_modules/@hetki/sdk/dist'), join(out, 'static/hetki'), { recursive: true })
    const requests = await check(out)
    const fetched = requests.map((r) => r.url.pathname).filter((p) => p.endsWith('.js'))
    expect(fetched).toEqual(
      expect.arrayContaining([
        '/static/hetki/hetki-engine.js',
        '/static/hetki/hetki-widget.js',
        '/static/hetki/hetki-delivery.js',
        '/static/hetki/hetki-locale-de.js',
      ]),
    )
    // Only the app's own bundle besides them: the bundled chunks were not used.
    expect(fetched.filter((p) => !p.startsWith('/static/hetki/'))).toEqual(['/shop.js'])
  })
})

describe('an esbuild app', () => {
  it('shows the survey on the trigger, and the answer reaches the collector', async () => {
    const app = makeApp('esbuild', dir, tarball)
    const out = join(app, 'dist')
    await esbuild.build({
      entryPoints: [join(app, 'src/shop.js')],
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      outdir: out,
      logLevel: 'warning',
    })
    cpSync(join(app, 'public'), out, { recursive: true })
    await check(out)
  })
})
