import * as sdk from '@hetki/sdk'

/** What a component may call: the SDK's public functions but `init`, which the provider owns. */
export interface Hetki {
  track: typeof sdk.track
  identify: typeof sdk.identify
  show: typeof sdk.show
  preview: typeof sdk.preview
  on: typeof sdk.on
  off: typeof sdk.off
  consent: typeof sdk.consent
  reset: typeof sdk.reset
  debug: typeof sdk.debug
}

/** True in a browser; false while rendering on a server (Nuxt, vue/server-renderer). */
export const inBrowser = typeof window != 'undefined' && typeof document != 'undefined'

const nothing = (): void => {}

/**
 * The SDK in a browser. On a server every call does nothing: the SDK would otherwise queue the
 * calls of every request for an `init` that never comes there, and keep their `on` handlers.
 */
export const api: Hetki = inBrowser
  ? { track: sdk.track, identify: sdk.identify, show: sdk.show, preview: sdk.preview, on: sdk.on, off: sdk.off, consent: sdk.consent, reset: sdk.reset, debug: sdk.debug }
  : { track: nothing, identify: nothing, show: nothing, preview: nothing, on: nothing, off: nothing, consent: nothing, reset: nothing, debug: nothing }

let started = false

/**
 * Calls the SDK's `init` the first time only, and only in a browser. The SDK keeps the first
 * config of a page anyway; the kit's own flag keeps a second app using the plugin from logging
 * "init: ignored" in debug mode.
 */
export const start = (config: sdk.Config, options?: sdk.InitOptions): void => {
  if (started || !inBrowser) return
  started = true
  sdk.init(config, options)
}
