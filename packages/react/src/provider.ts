import type { Config, InitOptions } from '@hetki/sdk'
import { createElement, Fragment, useEffect, type ReactElement, type ReactNode } from 'react'
import { start } from '../../sdk/src/kits/api'

/** Props of {@link HetkiProvider}. */
export interface HetkiProviderProps {
  /** The Hetki config (the same JSON as the script tag's); read once, at the first mount. */
  config: Config
  /** What JSON cannot say, e.g. `{ transport }`; read once, with the config. */
  options?: InitOptions
  children?: ReactNode
}

/**
 * Starts Hetki for the page: calls the SDK's `init(config, options)` once, after the first mount,
 * in the browser only (never while rendering on a server). Hetki is one per page: a later config,
 * a second provider or a remount does not start it again, and unmounting does not stop it.
 * Calls made by children before it started (their effects run first) wait in the SDK and run in order.
 */
export function HetkiProvider({ config, options, children }: HetkiProviderProps): ReactElement {
  // The config is read once: a new object on every render of the parent must not matter.
  useEffect(() => start(config, options), [])
  return createElement(Fragment, null, children)
}
