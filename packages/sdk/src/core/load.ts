import { fail } from '../shared/log'

const modules = new Map<string, Promise<unknown>>()
let told = false

/**
 * Imports one of Hetki's lazy chunks once: from `url` at run time, or through `from`, a bundler's
 * own import of it (the module build, see api/chunks.ts). `import()` rather than a script element:
 * it needs no global, and under Trusted Types a script element's src is a guarded sink while a
 * dynamic import is not. A failed load is said once, even without debug mode (without its chunks
 * Hetki silently asks no one), and forgotten so that a later attempt can try again.
 */
export const importOnce = <T>(url: string, from = (): Promise<T> => import(/* webpackIgnore: true */ /* @vite-ignore */ url)): Promise<T> => {
  let p = modules.get(url)
  if (!p)
    modules.set(
      url,
      (p = from().catch((e: unknown) => {
        modules.delete(url)
        // Once per page: one missing file usually means they all are.
        if (!told) (told = true), fail('could not load ' + url + ' (' + e + '); deploy all of dist/ together, or set widgetUrl to its folder')
        throw e
      })),
    )
  return p as Promise<T>
}
