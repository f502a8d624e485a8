import type { HetkiEvent, HetkiEvents } from '@hetki/sdk'
import { useEffect, useRef } from 'react'
import { api as hetki, type Hetki } from '../../sdk/src/kits/api'

/**
 * The Hetki API: `track`, `identify`, `show`, `preview`, `on`/`off`, `consent`, `reset`, `debug`.
 * The same object on every render (Hetki is one per page), so it is safe in dependency lists.
 * On a server every function does nothing.
 */
export const useHetki = (): Hetki => hetki

/** A stable `track(name, props?)`: reports what the customer just did, for the surveys' triggers. */
export const useTrack = (): Hetki['track'] => hetki.track

/**
 * Listens to a Hetki lifecycle event (`survey:completed`, `response:sent`, …) while the component
 * is mounted. The latest `handler` is called; it is removed on unmount.
 */
export function useHetkiEvent<K extends HetkiEvent>(event: K, handler: (payload: HetkiEvents[K]) => void): void {
  const latest = useRef(handler)
  latest.current = handler
  useEffect(() => {
    const listener = (payload: HetkiEvents[K]) => latest.current(payload)
    hetki.on(event, listener)
    return () => hetki.off(event, listener)
  }, [event])
}
