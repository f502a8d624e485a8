// The CLI's settings: flags, the server-only file, and the environment, which wins where both say
// something (12-factor: secrets and addresses come from the deployment, not from a file in git).
import { readFileSync } from 'node:fs'
import type { ServerConfig } from './server/contract'
import { parseOrigins } from './server/origins'
import type { StartOptions } from './start'

export interface Flags {
  config?: string
  server?: string
  site?: string
  sdk?: string
}

/** Reads `--config x --server y --site d --sdk d` (also `--config=x`). Throws on an unknown flag. */
export function parseFlags(argv: string[]): Flags {
  const flags: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const m = /^--(config|server|site|sdk)(?:=(.*))?$/.exec(arg)
    if (!m) throw new Error(`unknown argument ${arg}`)
    const value = m[2] ?? argv[++i]
    if (value === undefined) throw new Error(`--${m[1]} needs a value`)
    flags[m[1]!] = value
  }
  return flags
}

/** The start options the flags and the environment describe. */
export function settingsFromEnvironment(flags: Flags, env: NodeJS.ProcessEnv = process.env): StartOptions {
  if (!flags.config) throw new Error('--config <hetki.json> is required: the config your site serves')
  const serverPath = flags.server ?? env.HETKI_SERVER_CONFIG
  const server: ServerConfig = serverPath ? JSON.parse(readFileSync(serverPath, 'utf8')) : {}
  if (env.HETKI_ADMIN_TOKEN) server.adminToken = env.HETKI_ADMIN_TOKEN
  const origins = parseOrigins(env.HETKI_ORIGINS)
  if (origins) server.origins = origins
  if (env.HETKI_TRUST_PROXY) server.trustProxy = env.HETKI_TRUST_PROXY === '1' || env.HETKI_TRUST_PROXY === 'true'
  if (env.HETKI_PUBLIC_URL) server.publicUrl = env.HETKI_PUBLIC_URL
  const port = env.PORT === undefined || env.PORT === '' ? 8787 : Number(env.PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${env.PORT}`)
  const readers = env.HETKI_READERS === undefined || env.HETKI_READERS === '' ? undefined : Number(env.HETKI_READERS)
  if (readers !== undefined && !(Number.isInteger(readers) && readers >= 0 && readers <= 64))
    throw new Error(`HETKI_READERS must be a whole number from 0 to 64, not ${env.HETKI_READERS}`)
  return {
    config: flags.config,
    server,
    databaseUrl: env.DATABASE_URL || undefined,
    dbFile: env.HETKI_DB || './hetki.db',
    readers,
    port,
    host: env.HOST || '127.0.0.1',
    site: flags.site,
    sdk: flags.sdk,
  }
}
