// Who is asking: the bearer token of a read request, compared in constant time with the admin token
// and the owners' read-only tokens. Reading is refused while no admin token is set, so a collector
// started without one never hands out answers.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { Access, ServerConfig } from './contract'

// Digests have one length whatever the token's, so timingSafeEqual never throws and the time taken
// tells nothing about how much of a guess matched.
const digest = (s: string) => createHash('sha256').update(s).digest()
const same = (a: Buffer, b: string) => timingSafeEqual(a, digest(b))

export type AccessResult = { access: Access } | { status: 401 | 403; error: string }

/** The access an Authorization header grants, or why it grants none. */
export function accessOf(header: string | undefined, server: ServerConfig): AccessResult {
  if (!server.adminToken) return { status: 403, error: 'reading is turned off: set HETKI_ADMIN_TOKEN (or adminToken in the server file)' }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  if (!match) return { status: 401, error: 'send Authorization: Bearer <token>' }
  const given = digest(match[1]!)
  // Every token is compared, found or not: the time does not say which one matched.
  let access: Access | undefined
  if (same(given, server.adminToken)) access = { role: 'admin' }
  for (const t of server.tokens ?? []) if (same(given, t.token) && !access) access = { role: 'owner', owner: t.owner, ...(t.name ? { name: t.name } : {}) }
  return access ? { access } : { status: 401, error: 'unknown token' }
}
