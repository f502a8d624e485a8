import type { HetkiEvents } from '../contracts/events'
import type { Config } from '../pure/config/types'
import type { Emitter } from '../shared/emitter'
import { openStore } from '../shared/store'
import type { UserTransport } from '../shared/transport'
import type { SenderModule } from '../contracts/outbox'
import { createOutbox } from './outbox'
import type { ResponseRecord, WireRecord } from '../contracts/record'
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
  // Byte trick: && as an if in an arrow's body, no block.
  const each = (records: WireRecord[], fn: (r: ResponseRecord) => void) => records.forEach((r) => r.kind === 'response' && fn(r))
  const outbox = createOutbox(openStore('hetki-outbox'), sender, {
    endpoint: config.endpoint || '/collect',
    delivery: config.delivery || {},
    custom,
    allowed,
    events: {
      sent: (records) => each(records, (r) => emitter.emit('response:sent', { responseId: r.id, surveyId: r.surveyId })),
      failed: (records, status, reason) => each(records, (r) => emitter.emit('response:failed', { responseId: r.id, surveyId: r.surveyId, status, reason })),
    },
  })
  wake(outbox)
  return outbox
}
