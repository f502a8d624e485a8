import type { HetkiEvent, HetkiEvents } from '@hetki/sdk'
import { getCurrentScope, onScopeDispose } from 'vue'
import { api, type Hetki } from '../../sdk/src/kits/api'

/**
 * The Hetki API: `track`, `identify`, `show`, `preview`, `on`/`off`, `consent`, `reset`, `debug`.
 * The same object everywhere (Hetki is one per page). On a server every function does nothing.
 */
export const useHetki = (): Hetki => api

/** `track(name, props?)`: reports what the customer just did, for the surveys' triggers. */
export const useTrack = (): Hetki['track'] => api.track

/**
 * Listens to a Hetki lifecycle event (`survey:completed`, `response:sent`, …) for as long as the
 * calling component (or effect scope) lives; the handler is removed when it is unmounted.
 */
export function useHetkiEvent<K extends HetkiEvent>(event: K, handler: (payload: HetkiEvents[K]) => void): void {
  api.on(event, handler)
  if (getCurrentScope()) onScopeDispose(() => api.off(event, handler))
}
