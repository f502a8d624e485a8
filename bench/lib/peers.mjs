// The peers Hetki is measured against are real npm packages, installed only into bench/peers (its
// own package.json and lockfile), so that installing Hetki never pulls them in.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const PEERS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'peers')
const NEEDED = ['posthog-js', '@sprig-technologies/sprig-browser', '@formbricks/js', 'preact']

export function ensurePeers() {
  if (NEEDED.every((name) => existsSync(join(PEERS_DIR, 'node_modules', name, 'package.json')))) return
  console.log('Installing the peers into bench/peers (once) …')
  // `npm ci` installs exactly the locked versions; no install scripts are needed by any peer.
  execFileSync('npm', ['ci', '--prefix', PEERS_DIR, '--no-audit', '--no-fund', '--ignore-scripts'], { stdio: 'inherit' })
}

export const peerFile = (path) => join(PEERS_DIR, 'node_modules', path)
export const peerVersion = (name) => JSON.parse(readFileSync(peerFile(`${name}/package.json`), 'utf8')).version
