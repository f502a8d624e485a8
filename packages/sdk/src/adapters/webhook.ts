/**
 * Adapter: a POST of the envelope to any URL, with your own headers (e.g. an API key).
 * `dist/adapters/webhook.js`; the core never contains it.
 *
 * ```js
 * import { webhook } from '/hetki/adapters/webhook.js'
 * hetki.init(config, { transport: webhook({ url: 'https://hooks.example.com/hetki', headers: { authorization: 'Bearer …' } }) })
 * ```
 * Custom headers make a cross-origin request preflight: the receiver must answer CORS for them.
 */
import { fetchTransport } from '../sender/fetch'
import type { Reply, UserTransport } from '../shared/transport'

export interface WebhookOptions {
  url: string
  headers?: Record<string, string>
  /** Seconds before a request is given up and retried later (default 10). */
  timeout?: number
}

export const webhook = ({ url, headers, timeout = 10 }: WebhookOptions): UserTransport => {
  const send = fetchTransport(url, { headers, timeout: timeout * 1000 })
  return (envelope): Promise<Reply> => send(envelope)
}
