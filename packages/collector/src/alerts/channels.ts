// Sending one rendered alert (or digest) over one channel. Each send is bounded by a timeout, so a
// hanging endpoint costs one slot for a while and never the worker; a failure throws SendError,
// which the worker turns into a retry (with the endpoint's Retry-After when it gave one).
import nodemailer from 'nodemailer'
import type { AlertsConfig, Channel } from './contract'

/** One message in every shape a channel may want; only the one the channel uses is read. */
export interface Outgoing {
  /** Idempotency key: the `Idempotency-Key` header of webhooks, the e-mail's Message-ID. */
  key: string
  subject: string
  text: string
  html: string
  slack: unknown
  teams: unknown
  webhook: unknown
}

/** A failed send; `retryAfterMs` when the endpoint said when to come back (429/503 Retry-After). */
export class SendError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message)
  }
}

/** The e-mail Message-ID of an alert: stable, so a receiver (or its mail store) can drop a repeat. */
export const messageId = (key: string) => `<${key}@alerts.hetki>`

function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined
  const s = Number(header)
  if (Number.isFinite(s)) return Math.max(0, s * 1000)
  const at = Date.parse(header)
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined
}

async function post(url: string, body: unknown, key: string, headers: Record<string, string>, timeoutMs: number): Promise<void> {
  let res: Response
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    })
  } catch (e) {
    const err = e as Error
    throw new SendError(
      err.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : `${err.message}${err.cause ? `: ${(err.cause as Error).message}` : ''}`,
    )
  }
  // Read (and so release) the body either way; its text helps the admin when it failed.
  const text = await res.text().catch(() => '')
  if (!res.ok) throw new SendError(`HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`, retryAfter(res.headers.get('retry-after')))
}

async function mail(channel: Extract<Channel, { type: 'email' }>, out: Outgoing, smtp: AlertsConfig['smtp'], timeoutMs: number): Promise<void> {
  if (!smtp) throw new SendError('an e-mail channel needs the `smtp` settings')
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure ?? false,
    auth: smtp.auth,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  })
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      transport.sendMail({ from: smtp.from, to: channel.to, subject: out.subject, text: out.text, html: out.html, messageId: messageId(out.key) }),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new SendError(`no answer within ${timeoutMs} ms`)), timeoutMs))),
    ])
  } catch (e) {
    throw e instanceof SendError ? e : new SendError(`SMTP: ${(e as Error).message}`)
  } finally {
    clearTimeout(timer)
    transport.close()
  }
}

/** Sends one message over one channel; resolves when the peer accepted it, throws SendError otherwise. */
export async function send(channel: Channel, out: Outgoing, alerts: AlertsConfig, timeoutMs: number): Promise<void> {
  switch (channel.type) {
    case 'webhook':
      return post(channel.url, out.webhook, out.key, channel.headers ?? {}, timeoutMs)
    case 'slack':
      return post(channel.url, out.slack, out.key, {}, timeoutMs)
    case 'teams':
      return post(channel.url, out.teams, out.key, {}, timeoutMs)
    case 'email':
      return mail(channel, out, alerts.smtp, timeoutMs)
  }
}
