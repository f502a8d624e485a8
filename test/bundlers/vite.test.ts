// Vite 8, build and dev server, with the app exactly as the README says: no vite.config, so no
// optimizeDeps.exclude, no copied file, no widgetUrl.
import { join } from 'node:path'
import { build, createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { collector, makeApp, packSdk, tempDir, useBuiltShop, useChromium, useShop } from './harness'

const env = useChromium()
const dir = tempDir('hetki-vite-')
let app = ''

beforeAll(() => {
  app = makeApp('vite', dir, packSdk(dir))
}, 120_000)

describe('a Vite app', () => {
  it('built: the survey shows on the trigger and the answer reaches the collector', async () => {
    await build({ root: app, configFile: false, logLevel: 'warn', build: { outDir: join(app, 'dist') } })
    await useBuiltShop(env.browser, join(app, 'dist'))
  })

  describe('on the dev server', () => {
    let server: ViteDevServer
    const collect = collector()
    afterAll(() => server?.close())

    it('the survey shows on the trigger and the answer reaches the collector', async () => {
      server = await createServer({
        root: app,
        configFile: false,
        logLevel: 'warn',
        server: { host: '127.0.0.1', port: 0, strictPort: true },
        // The collector, as a team's own backend would answer it behind the dev server.
        plugins: [{ name: 'collector', configureServer: (s) => void s.middlewares.use((req, res, next) => collect.handle(req, res) || next()) }],
      })
      await server.listen()
      await useShop(env.browser, server.resolvedUrls!.local[0]!, collect)
    })
  })
})
