import { debug } from './log'

export type Handler<T = unknown> = (payload: T) => void

export interface Emitter<Events extends Record<string, unknown>> {
  on<K extends keyof Events>(type: K, handler: Handler<Events[K]>): void
  off<K extends keyof Events>(type: K, handler: Handler<Events[K]>): void
  emit<K extends keyof Events>(type: K, payload: Events[K]): void
}

/**
 * mitt's shape, with one difference that matters in a host page: each handler runs in its own
 * try/catch, so one throwing host callback neither skips the others nor breaks the SDK.
 */
export function createEmitter<Events extends Record<string, unknown>>(): Emitter<Events> {
  const all = new Map<keyof Events, Handler<never>[]>()
  return {
    on(type, handler) {
      if (typeof handler != 'function') return
      const list = all.get(type)
      list ? list.push(handler) : all.set(type, [handler])
    },
    off(type, handler) {
      const list = all.get(type)
      // -1 >>> 0 is a huge index, so splice does nothing when the handler is unknown.
      if (list) list.splice(list.indexOf(handler) >>> 0, 1)
    },
    emit(type, payload) {
      // A snapshot, so a handler that unsubscribes itself does not skip the next one.
      for (const handler of (all.get(type) || []).slice()) {
        try {
          ;(handler as Handler<Events[typeof type]>)(payload)
        } catch (e) {
          debug('a handler of', type, 'threw', e)
        }
      }
    },
  }
}
