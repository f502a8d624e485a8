import type { Config, InitOptions } from '@hetki/sdk'
import type { Plugin } from 'vue'
import { start } from '../../sdk/src/kits/api'

/** What `app.use(hetki, …)` takes. */
export interface HetkiPluginOptions {
  /** The Hetki config (the same JSON as the script tag's). */
  config: Config
  /** What JSON cannot say, e.g. `{ transport }`. */
  options?: InitOptions
}

/**
 * The Vue plugin: `app.use(hetki, { config })` starts Hetki for the page with the SDK's `init`, in
 * the browser only (on a server, `createSSRApp(…).use(hetki, …)` does nothing). Hetki is one per
 * page: a second app using the plugin does not start it again, and unmounting an app does not stop it.
 */
export const hetki: Plugin<[HetkiPluginOptions]> = {
  install(_app, { config, options }) {
    start(config, options)
  },
}
