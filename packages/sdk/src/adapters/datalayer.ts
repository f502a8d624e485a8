/**
 * Adapter: a push to the Google Tag Manager `dataLayer` (or any array you name), one entry per
 * record: `{ event: 'hetki.response' | 'hetki.shown' | 'hetki.dismissed', hetki: {…properties} }`.
 * `dist/adapters/datalayer.js`.
 *
 * ```js
 * import { dataLayer } from '/hetki/adapters/datalayer.js'
 * hetki.init(config, { transport: dataLayer() })
 * ```
 */
import type { UserTransport } from '../shared/transport'
import { forEachRecord, properties } from './analytics'

export const dataLayer = (name = 'dataLayer'): UserTransport => {
  const w = globalThis as unknown as Record<string, unknown[] | undefined>
  return forEachRecord(
    () => (w[name] ||= []),
    (layer, r) => void layer.push({ event: 'hetki.' + r.kind, hetki: properties(r) }),
  )
}
