// What the framework kits (@hetki/react, @hetki/vue) share: the SDK made safe for server rendering,
// and starting it once. One source, bundled into each kit's dist/ by its own build (the SDK stays an
// import there); the SDK's own builds never import this file.
import { consent, debug, identify, init, off, on, preview, reset, show, track, type Config, type InitOptions } from '@hetki/sdk'

/** What a component may call: the SDK's public functions but `init`, which the provider owns. */
export interface Hetki {
  track: typeof track
  identify: typeof identify
  show: typeof show
  preview: typeof preview
  on: typeof on
  off: typeof off
  consent: typeof consent
  reset: typeof reset
  debug: typeof debug
}

/** True in a browser; false while rendering on a server (Next.js, Nuxt, renderToString). */
export const inBrowser = typeof window !== 'undefined' && typeof document !== 'undefined'

const nothing = (): void => {}

/**
 * The SDK in a browser. On a server every call does nothing: the SDK would otherwise queue the
 * calls of every request for an `init` that never comes there, and keep their `on` handlers.
 */
export const api: Hetki = inBrowser
  ? { track, identify, show, preview, on, off, consent, reset, debug }
  : { track: nothing, identify: nothing, show: nothing, preview: nothing, on: nothing, off: nothing, consent: nothing, reset: nothing, debug: nothing }

let started = false

/**
 * Calls the SDK's `init` the first time only, and only in a browser. The SDK keeps the first
 * config of a page anyway; the kit's own flag keeps a second provider or plugin, a remount or
 * React's StrictMode double effect from logging "init: ignored" in debug mode.
 */
export const start = (config: Config, options?: InitOptions): void => {
  if (started || !inBrowser) return
  started = true
  init(config, options)
}
