import type { HetkiEvents } from '../api/events'
import type { Config } from '../config/types'
import { isDebug } from '../debug/log'
import type { Emitter } from '../events/emitter'
import { openStore } from '../storage/store'
import type { UserTransport } from '../transport/transport'
import type { SenderModule } from './contract'
import { createOutbox } from './outbox'
import type { WireRecord } from './record'
import { wake } from './wake'

/**
 * The delivery stage as the runtime sees it: the outbox in its own database, the sender imported
 * by `sender` when needed, lifecycle events for answers, and the page-life hooks.
 */
export function createDelivery(
  config: Config,
  emitter: Emitter<HetkiEvents>,
  allowed: () => boolean,
  sender: () => Promise<SenderModule>,
  custom?: UserTransport,
) {
  // Lifecycle events speak of answers; shown and dismissed records travel silently.
  const each = (records: WireRecord[], fn: (r: WireRecord) => void) => records.forEach((r) => r.kind == 'response' && fn(r))
  const outbox = createOutbox(
    openStore('hetki-outbox'),
    sender,
    {
      endpoint: config.endpoint || '/collect',
      delivery: config.delivery || {},
      custom,
      allowed,
      debug: isDebug,
      events: {
        sent: (records) => each(records, (r) => emitter.emit('response:sent', { responseId: r.id, surveyId: r.surveyId })),
        failed: (records, status, reason) =>
          each(records, (r) => emitter.emit('response:failed', { responseId: r.id, surveyId: r.surveyId, status, reason })),
      },
    },
  )
  wake(outbox)
  return outbox
}
