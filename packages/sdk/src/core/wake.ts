import { guard } from '../shared/guard'
import type { Outbox } from './outbox'

/**
 * Ties the outbox to the page's life: retry when the network comes back or the page is visible
 * again; beacon what is pending when it hides or unloads. `pagehide` covers what
 * `visibilitychange` misses (Safari, bfcache); `unload` is never used, it blocks the bfcache.
 */
export function wake(outbox: Outbox): void {
  const hide = guard(outbox.hide)
  addEventListener('online', outbox.show)
  addEventListener('pagehide', hide)
  document.addEventListener(
    'visibilitychange',
    guard(() => (document.visibilityState == 'hidden' ? hide() : outbox.show())),
  )
}
