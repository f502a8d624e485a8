/**
 * @hetki/sdk — in-journey micro-surveys. The ES module build for bundlers; the script tag build
 * (`hetki.js`) puts the same functions on `window.hetki`.
 */
import { fromFolder, setLoader, type Chunks } from './api/chunks'
import { importOnce } from './widget/load'

/**
 * The lazy chunks as literal imports, which every bundler follows and emits: the build
 * (rollup.config.mjs) turns each source path into its sibling file in dist/, e.g.
 * `import('./hetki-engine.js')`. No `import.meta.url`: webpack would write the build machine's
 * path into the bundle, and the page's own URL is what `widgetUrl` resolves against.
 */
const bundled: { [F in keyof Chunks]: () => Promise<Chunks[F]> } = {
  'hetki-engine.js': () => import('./engine'),
  'hetki-widget.js': () => import('../../widget/src/index'),
  'hetki-delivery.js': () => import('./outbox/sender'),
  'hetki-sources.js': () => import('./journey/sources'),
  'hetki-debug.js': () => import('./overlay/index'),
}
setLoader((widgetUrl) => (widgetUrl ? fromFolder(widgetUrl) : (file) => importOnce(file, bundled[file])))

export { init, track, identify, show, preview, debug, on, off, consent, reset } from './api/hetki'
export type { HetkiEvent, HetkiEvents } from './api/events'
export type { Config, Survey, Trigger, Question } from './config/types'
export type { InitOptions } from './api/hetki'
export type { Delivery } from './config/delivery'
export type { UserTransport, Reply } from './transport/transport'
export type { Envelope, WireRecord, ResponseRecord, MomentRecord, TrailStep } from './outbox/record'
