// Next.js 16 (Turbopack, its default builder), App Router: a server page renders a client
// component that calls init() in an effect and track() from a click. Built once (the slowest build
// of the suite) as a static export, served as plain files.
import { execFileSync } from 'node:child_process'
import { symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, it } from 'vitest'
import { collector, filesUnder, makeApp, packSdk, repo, serve, tempDir, useChromium, useShop } from './harness'

const env = useChromium()
const dir = tempDir('hetki-next-')
let app = ''

beforeAll(() => {
  app = makeApp('next', dir, packSdk(dir))
  // The framework comes from the test workspace (locked there), as it would from the app's own install.
  for (const p of ['next', 'react', 'react-dom']) symlinkSync(join(repo, 'node_modules', p), join(app, 'node_modules', p))
  execFileSync(process.execPath, [join(app, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: app,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}, 240_000)

describe('a Next.js App Router app', () => {
  it('shows the survey from a client component on the trigger, and the answer reaches the collector', async () => {
    const collect = collector()
    const out = join(app, 'out')
    const site = await serve(out, collect)
    try {
      await useShop(env.browser, site.url + '/', collect, filesUnder(out))
    } finally {
      await site.close()
    }
  })
})
