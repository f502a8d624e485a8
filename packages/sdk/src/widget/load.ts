import type { WidgetModule } from './contract'

const modules = new Map<string, Promise<unknown>>()

/**
 * Imports one of Hetki's lazy chunks once. `import()` rather than a script element: it needs no
 * global, and under Trusted Types a script element's src is a guarded sink while a dynamic import
 * is not. A failed load is forgotten so that a later attempt can try again.
 */
export const importOnce = <T>(url: string): Promise<T> => {
  let p = modules.get(url)
  if (!p)
    modules.set(
      url,
      (p = import(/* webpackIgnore: true */ /* @vite-ignore */ url).catch((e: unknown) => {
        modules.delete(url)
        throw e
      })),
    )
  return p as Promise<T>
}

/** The widget, imported only when a survey is about to show. */
export const loadWidget = (url: string): Promise<WidgetModule> => importOnce(url)
