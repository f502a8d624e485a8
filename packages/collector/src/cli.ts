// `hetki-collector --config <hetki.json> [--server <collector.json>] [--site dir] [--sdk dir]`:
// starts the collector, prints its URL, stops gracefully on SIGTERM/SIGINT (requests in flight
// finish, the database closes).
import { parseFlags, settingsFromEnvironment } from './settings'
import { startCollector } from './start'

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  let collector
  try {
    const options = settingsFromEnvironment(parseFlags(argv))
    collector = await startCollector(options)
    const reading = options.server && typeof options.server === 'object' && options.server.adminToken ? 'on (Bearer token)' : 'off (set HETKI_ADMIN_TOKEN)'
    console.log(`Hetki collector: ${collector.url}/ (database: ${collector.store.kind}; POST /collect; reading ${reading})`)
    if (options.site) console.log(`Site: ${collector.url}/`)
    console.log(`Results: ${collector.url}/app/`)
  } catch (e) {
    console.error('hetki-collector could not start: ' + (e instanceof Error ? e.message : String(e)))
    process.exitCode = 1
    return
  }
  const stop = (signal: string) => {
    console.log(`${signal}: stopping`)
    collector.close().then(
      () => process.exit(0),
      (e) => {
        console.error(e)
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', () => stop('SIGTERM'))
  process.once('SIGINT', () => stop('SIGINT'))
}
