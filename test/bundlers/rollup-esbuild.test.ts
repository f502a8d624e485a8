// Rollup and esbuild, each with the smallest config a team writes for an app with code splitting.
import { cpSync } from 'node:fs'
import { join } from 'node:path'
import nodeResolve from '@rollup/plugin-node-resolve'
import * as esbuild from 'esbuild'
import { rollup } from 'rollup'
import { beforeAll, describe, it } from 'vitest'
import { collector, filesUnder, makeApp, packSdk, serve, tempDir, useChromium, useShop } from './harness'

const env = useChromium()
const dir = tempDir('hetki-rollup-esbuild-')
let tarball = ''

beforeAll(() => {
  tarball = packSdk(dir)
}, 120_000)

/** The built app in Chromium, as the shop's customer. */
async function check(out: string) {
  const collect = collector()
  const site = await serve(out, collect)
  try {
    await useShop(env.browser, site.url + '/', collect, filesUnder(out))
  } finally {
    await site.close()
  }
}

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

describe('an esbuild app', () => {
  it('shows the survey on the trigger, and the answer reaches the collector', async () => {
    const app = makeApp('esbuild', dir, tarball)
    const out = join(app, 'dist')
    await esbuild.build({ entryPoints: [join(app, 'src/shop.js')], bundle: true, splitting: true, format: 'esm', minify: true, outdir: out, logLevel: 'warning' })
    cpSync(join(app, 'public'), out, { recursive: true })
    await check(out)
  })
})
