// WebKit behind the engine-neutral interface (engine.d.mts): WebKitGTK's WebKitWebDriver (Debian's
// webkit2gtk-driver) driving its MiniBrowser, through selenium-webdriver, on a private Xvfb display
// (xvfb.mjs). WebKitWebDriver holds one session at a time, so a profile is a driver process and a
// MiniBrowser of its own (its storage is its own); a window is a top-level MiniBrowser window, never
// a tab (a background tab is hidden, and Hetki rightly never prompts there).
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { Builder, Key } from 'selenium-webdriver'
import { startXvfb } from './xvfb.mjs'

/** WEBKIT_DRIVER, else Debian's WebKitWebDriver; a clear error naming the package when neither exists. */
export function webkitDriverPath() {
  const path = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver'
  if (!existsSync(path))
    throw new Error(`No WebKitWebDriver at ${path}: install Debian's webkit2gtk-driver (apt-get install -y webkit2gtk-driver), or set WEBKIT_DRIVER.`)
  return path
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })

/** Key names as Playwright and Puppeteer spell them, to WebDriver's key codes. */
const KEYS = {
  Tab: Key.TAB,
  Enter: Key.ENTER,
  Escape: Key.ESCAPE,
  Space: ' ',
  ArrowLeft: Key.ARROW_LEFT,
  ArrowRight: Key.ARROW_RIGHT,
  ArrowUp: Key.ARROW_UP,
  ArrowDown: Key.ARROW_DOWN,
  Home: Key.HOME,
  End: Key.END,
  Backspace: Key.BACK_SPACE,
  Shift: Key.SHIFT,
}
const key = (name) => {
  const code = KEYS[name] ?? (name.length == 1 ? name : undefined)
  if (code === undefined) throw new Error('No WebDriver key for ' + name)
  return code
}

/** Starts WebKitWebDriver on a free port and waits until it answers. */
async function startDriver(display) {
  const port = await freePort()
  const child = spawn(webkitDriverPath(), ['--port=' + port], { env: { ...process.env, DISPLAY: display }, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (d) => (stderr += d))
  const kill = () => child.exitCode === null && child.kill()
  process.once('exit', kill)
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 20_000
  // Polls the driver's status until it listens: a condition, with a deadline.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode}): ${stderr.trim()}`)
    const ready = await fetch(url + '/status').then(
      (r) => r.ok,
      () => false,
    )
    if (ready) break
    if (Date.now() > deadline) throw new Error('WebKitWebDriver did not answer within 20 s: ' + stderr.trim())
    await new Promise((r) => setTimeout(r, 50))
  }
  return {
    url,
    stop: () =>
      new Promise((done) => {
        process.off('exit', kill)
        if (child.exitCode !== null) return done()
        child.once('exit', () => done())
        child.kill()
      }),
  }
}

/**
 * One MiniBrowser: a WebDriver session whose windows each get a handle. WebDriver talks to one
 * window at a time, so every command goes through one queue that switches to its window first.
 */
async function session(display) {
  const size = { width: 1280, height: 720 }
  const driver = await startDriver(display)
  const wd = await new Builder()
    .usingServer(driver.url)
    .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { args: ['--automation'] } })
    .build()
    .catch(async (e) => {
      await driver.stop()
      throw e
    })
  await wd.manage().setTimeouts({ script: 60_000, pageLoad: 60_000 })
  let queue = Promise.resolve()
  let current = await wd.getWindowHandle()
  let unused = current // the session's first window, handed to the first open()
  const inWindow = (handle, fn) => {
    const run = queue.then(async () => {
      if (current != handle) await wd.switchTo().window(handle), (current = handle)
      return fn()
    })
    queue = run.catch(() => {})
    return run
  }
  /**
   * Sizes the window so that its viewport (not its frame) is width × height: the frame's size is
   * what the window measures beyond its viewport. The page learns its new size a moment after the
   * window has it, so the viewport is polled until it matches (with a deadline).
   */
  const fit = async () => {
    const { width, height } = size
    const inner = () => wd.executeScript('return [innerWidth, innerHeight]')
    let [w, h] = await inner()
    if (w == width && h == height) return
    // Asked again every 2 s: on a loaded machine the window manager may drop or lag a resize.
    const deadline = Date.now() + 15_000
    for (let asked = 0; Date.now() < deadline; ) {
      if (Date.now() >= asked + 2000) {
        const rect = await wd.manage().window().getRect()
        await wd
          .manage()
          .window()
          .setRect({ x: 0, y: 0, width: rect.width + width - w, height: rect.height + height - h })
        asked = Date.now()
      }
      ;[w, h] = await inner()
      if (w == width && h == height) return
      await new Promise((r) => setTimeout(r, 20))
    }
    throw new Error(`MiniBrowser would not size its viewport to ${width} × ${height} (it stays ${w} × ${h}; its window has a minimum width of about 450 px)`)
  }
  const wrap = (handle) => ({
    goto: (url) => inWindow(handle, () => wd.get(url)),
    reload: () => inWindow(handle, () => wd.navigate().refresh()),
    async evaluate(fn, arg) {
      const script = `const done = arguments[arguments.length - 1];
        Promise.resolve().then(() => (${fn})(arguments[0])).then(
          (v) => done(v === undefined ? { u: 1 } : { v }),
          (e) => done({ e: String((e && e.stack) || e) }))`
      const out = await inWindow(handle, () => wd.executeAsyncScript(script, arg ?? null))
      if (out.e) throw new Error('evaluate: ' + out.e)
      return out.u ? undefined : out.v
    },
    click: (x, y) =>
      inWindow(handle, () =>
        wd
          .actions({ async: true })
          .move({ x: Math.round(x), y: Math.round(y), origin: 'viewport' })
          .press()
          .release()
          .perform(),
      ),
    press: (name) =>
      inWindow(handle, () => {
        const keys = name.split('+').map(key)
        let a = wd.actions({ async: true })
        for (const k of keys) a = a.keyDown(k)
        for (const k of [...keys].reverse()) a = a.keyUp(k)
        return a.perform()
      }),
    type: (text) => inWindow(handle, () => wd.actions({ async: true }).sendKeys(text).perform()),
    screenshot: () => inWindow(handle, async () => Buffer.from(await wd.takeScreenshot(), 'base64')),
    close: () => inWindow(handle, () => wd.close()),
  })
  const version = (await wd.getCapabilities()).get('browserVersion')
  return {
    version,
    size,
    async open(url) {
      const first = unused
      unused = undefined
      const handle = await (first
        ? Promise.resolve(first)
        : (queue = queue.then(async () => {
            await wd.switchTo().newWindow('window')
            return (current = await wd.getWindowHandle())
          })))
      const win = wrap(handle)
      await inWindow(handle, fit)
      if (url) await win.goto(url)
      return win
    },
    async close() {
      await queue
      await wd.quit().catch(() => {})
      await driver.stop()
    },
  }
}

/** Starts a private Xvfb; each profile then starts its own WebKitWebDriver and MiniBrowser on it. */
export async function launch() {
  webkitDriverPath()
  const xvfb = await startXvfb()
  const profiles = new Set()
  // The version is MiniBrowser's, known once a session runs: the first one is kept for the first profile.
  let spare
  try {
    spare = await session(xvfb.display)
  } catch (e) {
    await xvfb.close()
    throw e
  }
  return {
    name: 'webkit',
    version: 'WebKitGTK ' + spare.version,
    async profile({ width = 1280, height = 720 } = {}) {
      const s = spare ?? (await session(xvfb.display))
      spare = undefined
      Object.assign(s.size, { width, height })
      profiles.add(s)
      return {
        open: (url) => s.open(url),
        close: async () => (profiles.delete(s), s.close()),
      }
    },
    async close() {
      await Promise.all([...profiles, ...(spare ? [spare] : [])].map((s) => s.close()))
      await xvfb.close()
    },
  }
}
