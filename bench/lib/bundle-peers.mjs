// The peers that ship as ES modules for bundlers (Sprig, the Formbricks loader, Preact) are bundled
// and minified by esbuild as a site's bundler would, keeping their import() split points as chunks;
// that output is what a page would load. posthog-js ships ready-made browser files and is used as is.
import { build } from 'esbuild'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { PEERS_DIR } from './peers.mjs'

export const BUNDLE_DIR = join(PEERS_DIR, '..', '.out', 'peers')

const ENTRIES = {
  sprig: "export { sprig, Sprig, SprigAPI } from '@sprig-technologies/sprig-browser'",
  formbricks: "export { default } from '@formbricks/js'",
  preact: "export * from 'preact'",
}

/** Bundles each peer into BUNDLE_DIR/<name>/; returns the entry file of each. */
export async function bundlePeers() {
  rmSync(BUNDLE_DIR, { recursive: true, force: true })
  const entries = {}
  for (const [name, contents] of Object.entries(ENTRIES)) {
    const outdir = join(BUNDLE_DIR, name)
    await build({
      stdin: { contents, resolveDir: PEERS_DIR, loader: 'js', sourcefile: `${name}-entry.js` },
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      target: 'es2020',
      platform: 'browser',
      outdir,
      entryNames: 'index',
      chunkNames: '[name]-[hash]',
      legalComments: 'none',
      logLevel: 'error',
    })
    entries[name] = join(outdir, 'index.js')
  }
  return entries
}
