// A private X display for the browsers that need one (WebKitGTK's MiniBrowser): Xvfb picks a free
// display number itself (-displayfd), so parallel runs never collide and no wrapper
// (xvfb-run) is needed around `npm test`.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'

const XVFB = process.env.XVFB_PATH || '/usr/bin/Xvfb'

/** Starts Xvfb on a free display; resolves to `{ display: ':N', close() }`. */
export function startXvfb() {
  if (!existsSync(XVFB)) throw new Error(`No Xvfb at ${XVFB}: install Debian's xvfb (apt-get install -y xvfb), or set XVFB_PATH.`)
  // fd 3 is where Xvfb writes the display number it chose, once it accepts connections.
  const child = spawn(XVFB, ['-displayfd', '3', '-screen', '0', '1920x1080x24', '-nolisten', 'tcp', '-noreset'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  })
  const kill = () => child.exitCode === null && child.kill()
  process.once('exit', kill)
  let stderr = ''
  child.stderr.on('data', (d) => (stderr += d))
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdio[3].on('data', (d) => {
      out += d
      if (!out.includes('\n')) return
      resolve({
        display: ':' + out.trim(),
        close: () =>
          new Promise((done) => {
            process.off('exit', kill)
            if (child.exitCode !== null) return done()
            child.once('exit', () => done())
            child.kill()
          }),
      })
    })
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it was ready: ${stderr.trim()}`)))
    child.once('error', reject)
  })
}
