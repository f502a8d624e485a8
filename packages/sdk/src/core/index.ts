/**
 * @hetki/sdk — in-journey micro-surveys. The ES module build for bundlers; the script tag build
 * (`hetki.js`) puts the same functions on `window.hetki`.
 */
import { fromFolder, setLoader, type Chunks } from './chunks'
import { init as start } from './hetki'
import { importOnce } from './load'

/**
 * The lazy chunks as literal imports, which every bundler follows and emits: the build
 * (rollup.config.mjs) turns each source path into its sibling file in dist/, e.g.
 * `import('./hetki-engine.js')`. No `import.meta.url`: webpack would write the build machine's
 * path into the bundle, and the page's own URL is what `widgetUrl` resolves against.
 */
const bundled: { [F in keyof Chunks]: () => Promise<Chunks[F]> } = {
  'hetki-engine.js': () => import('../engine'),
  'hetki-widget.js': () => import('../../../widget/src/index'),
  'hetki-delivery.js': () => import('../sender'),
  'hetki-sources.js': () => import('../sources'),
  'hetki-debug.js': () => import('../panel/index'),
}

/**
 * Starts Hetki (api/hetki.ts), with the bundled chunks as its loader. The loader is put in by
 * `init` itself, not by a top-level statement of this module: the package is declared free of side
 * effects, and Turbopack (Next.js 16's default) dropped that statement when the SDK came in through
 * another package (@hetki/react), so every chunk was asked of the page's root and 404ed.
 */
export const init: typeof start = (config, options) => {
  setLoader((widgetUrl) => (widgetUrl ? fromFolder(widgetUrl) : (file) => importOnce(file, bundled[file])))
  start(config, options)
}

export { track, identify, show, preview, debug, on, off, consent, reset } from './hetki'
export type { HetkiEvent, HetkiEvents } from './events'
export type { Config, Survey, Trigger, Question } from '../pure/config/types'
export type { InitOptions } from './hetki'
export type { Delivery } from '../pure/config/delivery'
export type { UserTransport, Reply } from '../shared/transport'
export type { Envelope, WireRecord, ResponseRecord, MomentRecord, TrailStep } from '../contracts/record'
