/**
 * How the core imports its lazy chunks (engine, widget, sender, sources, debug overlay). The two
 * builds differ only here, and each entry says which way it takes:
 * - the script tag build (`hetki.js`) imports them at run time from its own folder, as from a CDN;
 * - the module build (`hetki.mjs`) imports them with literal `import('./hetki-engine.js')`, which
 *   every bundler follows and emits (packages/sdk/src/core/index.ts, rollup.config.mjs).
 * `widgetUrl` in the config overrides both: every chunk then comes from that URL's folder.
 */
import type * as Engine from '../engine'
import type * as Sources from '../sources'
import type { SenderModule } from '../contracts/outbox'
import type * as Overlay from '../panel/index'
import type { WidgetModule } from '../contracts/widget'
import { importOnce } from './load'

/** Hetki's lazy chunks by file name, and what each one exports. */
export interface Chunks {
  'hetki-engine.js': typeof Engine
  'hetki-widget.js': WidgetModule
  'hetki-delivery.js': SenderModule
  'hetki-sources.js': typeof Sources
  'hetki-debug.js': typeof Overlay
}

/** Imports one chunk (once; a failed import is said once and may be tried again). */
export type Load = <F extends keyof Chunks>(file: F) => Promise<Chunks[F]>

let base = ''

/** The script tag build: the chunks sit in the folder of this URL (the script's own). */
export const setBase = (url: string): void => {
  base = url
}

/**
 * Chunks from the folder of `widgetUrl`, resolved against the script's URL (else the page's), or
 * from the script's own folder when there is no `widgetUrl`.
 */
export const fromFolder =
  (widgetUrl?: string): Load =>
  (file) =>
    importOnce(new URL(file, new URL(widgetUrl || file, base || document.baseURI)).href)

/** The chunk loader for a config's `widgetUrl`; the module build puts its own in. */
export let loader = fromFolder

/** The module build: a loader that imports the chunks as its bundler emitted them. */
export const setLoader = (l: typeof loader): void => {
  loader = l
}
