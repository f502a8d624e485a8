// One entry for every engine: launchEngine('firefox') and so on. Each launcher is imported only
// when asked for, so a machine without Firefox can still run the WebKit suite.
const LAUNCHERS = {
  chromium: () => import('./chromium.mjs'),
  firefox: () => import('./firefox.mjs'),
  webkit: () => import('./webkit.mjs'),
}

export const ENGINES = Object.keys(LAUNCHERS)

/** Launches the engine named (chromium, firefox or webkit) behind the interface of engine.d.mts. */
export async function launchEngine(name, options) {
  const load = LAUNCHERS[name]
  if (!load) throw new Error(`Unknown engine "${name}": one of ${ENGINES.join(', ')}`)
  return (await load()).launch(options)
}
