// Which pages may POST answers: the configured origins, or by default the collector's own. Browsers
// send Origin on every POST (fetch and sendBeacon, same-origin included), so a browser page on
// another origin cannot pass for an allowed one. A request without Origin comes from a program, not
// a page; Origin is no defence against programs (they can send any), so those are let through,
// rate-limited like the rest.
import type { IncomingMessage } from 'node:http'

export type OriginVerdict = 'allowed' | 'absent' | 'refused'

/** Whether `req`'s Origin may POST. `allowed` undefined/empty: only the collector's own origin (its Host, or publicUrl). */
export function originVerdict(req: IncomingMessage, allowed: readonly string[] | undefined, publicUrl?: string): OriginVerdict {
  const origin = req.headers.origin
  if (origin === undefined) return 'absent'
  if (allowed?.length) return allowed.includes(origin) || allowed.includes('*') ? 'allowed' : 'refused'
  try {
    const url = new URL(origin)
    if (url.host === req.headers.host && (url.protocol === 'http:' || url.protocol === 'https:')) return 'allowed'
    if (publicUrl && url.origin === new URL(publicUrl).origin) return 'allowed'
  } catch {}
  return 'refused'
}

/** CORS headers for an allowed origin's POST and preflight. */
export const corsHeaders = (origin: string): Record<string, string> => ({
  'access-control-allow-origin': origin,
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '86400',
  vary: 'Origin',
})

/** HETKI_ORIGINS: comma-separated origins, spaces and a trailing slash forgiven. */
export const parseOrigins = (value: string | undefined): string[] | undefined =>
  value === undefined || value.trim() === ''
    ? undefined
    : value
        .split(',')
        .map((o) => o.trim().replace(/\/$/, ''))
        .filter(Boolean)
