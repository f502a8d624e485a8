import type { WidgetModule } from './contract'

let loading: Promise<WidgetModule> | undefined

/**
 * Imports the widget only when a survey is about to show. `import()` rather than a script element:
 * it needs no global, and under Trusted Types a script element's src is a guarded sink while a
 * dynamic import is not. A failed load is forgotten so that a later survey can try again.
 */
export const loadWidget = (url: string): Promise<WidgetModule> =>
  (loading ||= import(/* webpackIgnore: true */ /* @vite-ignore */ url).catch((e: unknown) => {
    loading = undefined
    throw e
  }))
