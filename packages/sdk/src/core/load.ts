import type { Chunk } from '../contracts/chunks'
import { fail, isDebug } from '../shared/log'

const modules = new Map<string, Promise<unknown>>()
let told = false

/**
 * Imports one of Hetki's lazy chunks once: from `url` at run time, or through `from`, a bundler's
 * own import of it (the module build, see core/chunks.ts). `import()` rather than a script element:
 * it needs no global, and under Trusted Types a script element's src is a guarded sink while a
 * dynamic import is not. A failed load is said once, even without debug mode (without its chunks
 * Hetki silently asks no one), and forgotten so that a later attempt can try again. A chunk that
 * exports `setDebug` (contracts/chunks.ts) is handed the core's debug flag as it arrives: the one
 * way the flag reaches the chunks, each of which has its own copy of the debug log.
 */
export const importOnce = <T>(url: string, from = (): Promise<T> => import(/* webpackIgnore: true */ /* @vite-ignore */ url)): Promise<T> => {
  let p = modules.get(url)
  if (!p)
    modules.set(
      url,
      (p = from().then(
        // Byte trick: the comma hands over the flag and returns the module, no block.
        (m) => ((m as Partial<Chunk>).setDebug?.(isDebug), m),
        (e: unknown) => {
          modules.delete(url)
          // Once per page: one missing file usually means they all are.
          // Byte trick: the comma sets and says in one statement, no braces.
          if (!told) (told = true), fail('could not load ' + url + ' (' + e + '); deploy all of dist/ together, or set widgetUrl to its folder')
          throw e
        },
      )),
    )
  return p as Promise<T>
}
