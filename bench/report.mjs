// Turns the run's bench/.out/*.json into bench/results.json (all figures) and bench/report.md
// (tables, ratios against each peer, the bars, the noise, the method), and prints the main tables.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, release } from 'node:os'

const read = (name) => JSON.parse(readFileSync(`bench/.out/${name}.json`, 'utf8'))
const sizes = read('sizes')
const decide = read('decide')
const simulate = read('simulate')
const startup = read('startup')
const visible = read('visible')
const storage = read('storage')
// Firefox and WebKit (bench/engines.mjs); a run with BENCH_ENGINES= empty has none.
const engines = existsSync('bench/.out/engines.json') ? read('engines') : { versions: {}, repeats: 0, results: [] }
const noise = [read('noise-start'), read('noise-end')]

const kb = (n) => (n / 1024).toFixed(1)
const ms = (n) => n.toFixed(1)
const times = (n) => (n >= 10 ? n.toFixed(0) : n.toFixed(1)) + '×'
const spread = (s, f = ms) => `${f(s.median)} (${f(s.min)}–${f(s.max)})`
// A column is right-aligned when its first row's cell starts with a number.
const table = (head, rows) => {
  const align = head.map((_, i) => (/^-?[\d.]/.test(String(rows[0]?.[i] ?? '')) ? '---:' : '---'))
  return [`| ${head.join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n')
}

const environment = {
  date: new Date().toISOString(),
  node: process.version,
  chromium: startup.chromium,
  os: `Linux ${release()}`,
  cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  loadAverageAtEnd: loadavg().map((n) => +n.toFixed(2)),
}

// Bytes, with each peer's ratio to Hetki in the same situation.
const hetki = (when) => sizes.rows.find((r) => r.sdk == 'Hetki' && r.when == when)
const bytesRows = sizes.rows.map((r) => {
  const base = hetki(r.when == 'core alone' ? 'no survey shows' : r.when)
  const ratio = base && r.sdk != 'Hetki' ? `${times(r.gzip / base.gzip)} / ${times(r.brotli / base.brotli)}` : '—'
  return [`${r.sdk} ${r.version}`, r.when, kb(r.raw), kb(r.gzip), kb(r.brotli), ratio, r.note ?? r.files.join(', ')]
})
const bytesTable = table(['SDK', 'page loads when', 'raw KB', 'gzip -9 KB', 'brotli KB', 'peer ÷ Hetki (gzip / brotli)', 'files / note'], bytesRows)

// Start-up: the SDK's own main-thread script time (the page without an SDK subtracted).
const sdkStartup = startup.results.filter((r) => r.sdk != 'no SDK')
const startupOf = (sdk, rate) => sdkStartup.find((r) => r.sdk == sdk && r.cpuSlowdown == rate)
const startupTable = table(
  [
    'SDK',
    'CPU',
    'script ms, median (min–max)',
    'main-thread tasks ms, median',
    "SDK's long tasks, median (max)",
    "SDK's long-task ms, median",
    "SDK's longest task ms, median (max)",
    'page long tasks, median (max)',
    'peer ÷ Hetki (script ms)',
    'scripts the page fetched',
  ],
  startup.results.map((r) => [
    r.sdk == 'no SDK' ? 'no SDK (baseline, raw)' : r.sdk,
    `${r.cpuSlowdown}×`,
    spread(r.scriptMs),
    ms(r.taskMs.median),
    `${r.sdkLongTasks.median} (${r.sdkLongTasks.max})`,
    ms(r.sdkLongTaskMs.median),
    r.sdk == 'no SDK' ? '—' : `${ms(r.sdkLongestTaskMs.median)} (${ms(r.sdkLongestTaskMs.max)})`,
    `${r.longTasks.median} (${r.longTasks.max})`,
    r.sdk == 'posthog-js' ? times(r.scriptMs.median / startupOf('Hetki', r.cpuSlowdown).scriptMs.median) : '—',
    r.scripts.map((s) => '`' + s + '`').join(', ') || '—',
  ]),
)

const decideTable = table(
  ['surveys configured', 'µs per track(), median', 'min', 'max'],
  decide.results.map((r) => [r.surveys, r.median.toFixed(3), r.min.toFixed(3), r.max.toFixed(3)]),
)

const visibleOf = (sdk, when) => visible.results.find((r) => r.sdk == sdk && r.when == when)
const visibleTable = table(
  ['SDK', 'SDK files', 'ms, median', 'min', 'max', 'peer ÷ Hetki'],
  visible.results.map((r) => [
    r.sdk,
    r.when,
    ms(r.ms.median),
    ms(r.ms.min),
    ms(r.ms.max),
    r.sdk == 'Hetki' ? '—' : times(r.ms.median / visibleOf('Hetki', r.when).ms.median),
  ]),
)

const engineOf = (r, sdk) => engines.results.find((x) => x.engine == r.engine && x.measure == r.measure && x.when == r.when && x.sdk == sdk)
const enginesTable = table(
  ['engine', 'measure', 'when', 'SDK', 'ms, median', 'min', 'max', 'peer ÷ Hetki'],
  engines.results.map((r) => [
    engines.versions[r.engine] ?? r.engine,
    r.measure == 'eval' ? 'script tag evaluation' : 'trigger → visible',
    r.when,
    r.sdk,
    ms(r.ms.median),
    ms(r.ms.min),
    ms(r.ms.max),
    r.sdk != 'posthog-js' ? '—' : times(r.ms.median / Math.max(engineOf(r, 'Hetki').ms.median, 0.1)),
  ]),
)

const storageTable = table(
  ['scenario', 'at page load', 'per 1,000 events', 'of which'],
  storage.results.map((r) => [r.scenario, r.atLoad, r.perThousandEvents, r.of]),
)

const baseline = startup.results.filter((r) => r.sdk == 'no SDK')
const noiseTable = table(
  ['sample', 'median', 'min', 'max', 'max ÷ min'],
  [
    ...noise.map((n) => [
      `Node, fixed CPU workload, ${n.when} of the run (ms)`,
      ms(n.workloadMs.median),
      ms(n.workloadMs.min),
      ms(n.workloadMs.max),
      times(n.workloadMs.max / n.workloadMs.min),
    ]),
    ...baseline.map((b) => [
      `Chromium, reference page without SDK, main-thread tasks at ${b.cpuSlowdown}× (ms)`,
      ms(b.taskMs.median),
      ms(b.taskMs.min),
      ms(b.taskMs.max),
      '—',
    ]),
  ],
)

// The product's quality bars (shared/PRODUCT.md), as far as this bench measures them.
const hetkiStartup = sdkStartup.filter((r) => r.sdk == 'Hetki')
const bars = [
  ['core script every page loads (gzip -9)', '≤ 6 KB', `${kb(sizes.hetkiFiles['hetki.js'].gzip)} KB`, sizes.hetkiFiles['hetki.js'].gzip <= 6144],
  ['widget chunk incl. Preact (gzip -9)', '≤ 14 KB', `${kb(sizes.hetkiFiles['hetki-widget.js'].gzip)} KB`, sizes.hetkiFiles['hetki-widget.js'].gzip <= 14336],
  [
    'decision cost per track(), 100 surveys (Node)',
    '≤ 2 µs median',
    `${decide.results.find((r) => r.surveys == 100).median.toFixed(3)} µs`,
    decide.results.find((r) => r.surveys == 100).median <= 2,
  ],
  [
    'hetki simulate: 1 million events replayed (Node)',
    '< 10 s',
    `${simulate.millionEventsSeconds.toFixed(2)} s (${simulate.eventsPerSecond.toLocaleString('en-US')} events/s)`,
    simulate.millionEventsSeconds < 10,
  ],
  [
    'start-up: long tasks of the SDK in Chromium',
    'none',
    hetkiStartup.map((r) => `median ${r.sdkLongTasks.median}, max ${r.sdkLongTasks.max} at ${r.cpuSlowdown}×`).join('; '),
    hetkiStartup.every((r) => r.sdkLongTasks.max == 0),
  ],
  [
    'start-up: script time vs posthog-js',
    'a small fraction',
    hetkiStartup
      .map((r) => `${((100 * r.scriptMs.median) / startupOf('posthog-js', r.cpuSlowdown).scriptMs.median).toFixed(0)} % at ${r.cpuSlowdown}×`)
      .join(', '),
    null,
  ],
  [
    'trigger → visible, widget cached (Chromium)',
    '≤ 50 ms median',
    `${ms(visibleOf('Hetki', 'cached').ms.median)} ms`,
    visibleOf('Hetki', 'cached').ms.median <= 50,
  ],
]
const barsTable = table(
  ['bar', 'target', 'this run', 'met'],
  bars.map(([what, target, got, met]) => [what, target, got, met == null ? 'see figures' : met ? 'yes' : '**no**']),
)

// Issue #19, "lighter": its targets, each from this run.
const surveyPage = Object.entries(sizes.hetkiFiles)
const surveyPageGzip = surveyPage.reduce((a, [, b]) => a + b.gzip, 0)
const steadyRow = (id) => storage.results.find((r) => r.id == id)
const startup4 = startupOf('Hetki', 4)
const decide100 = decide.results.find((r) => r.surveys == 100)
const notCached = visibleOf('Hetki', 'not cached')
const lighter = [
  [
    'a page showing a survey loads (gzip -9)',
    '≤ 18 KB',
    `${kb(surveyPageGzip)} KB: ${surveyPage.map(([f, b]) => `${f.replace(/^hetki-?|\.js$/g, '') || 'core'} ${kb(b.gzip)}`).join(' + ')} (Preact ≈ ${kb(sizes.widgetSplit.preactGzip)} of the widget)`,
    surveyPageGzip <= 18 * 1024,
  ],
  [
    'the core (gzip -9)',
    '≤ 6 KB',
    `${kb(sizes.hetkiFiles['hetki.js'].gzip)} KB (${sizes.hetkiFiles['hetki.js'].gzip} B)`,
    sizes.hetkiFiles['hetki.js'].gzip <= 6144,
  ],
  [
    'IndexedDB transactions per 1,000 events, steady (one every 3 s)',
    '≤ 10',
    `${steadyRow('steady').perThousandEvents} with one prompt shown and answered; ${steadyRow('steady-events').perThousandEvents} for the events alone`,
    steadyRow('steady').perThousandEvents <= 10,
  ],
  ['decision cost per track(), 100 surveys (Node)', '≤ 1 µs median', `${decide100.median.toFixed(3)} µs`, decide100.median <= 1],
  [
    `long tasks of Hetki at 4× CPU, ${startup.repeats} cold loads`,
    'none',
    `${startup4.sdkLongTasks.max == 0 ? 'none' : `median ${startup4.sdkLongTasks.median}, max ${startup4.sdkLongTasks.max}`}; its longest task of a load ${ms(startup4.sdkLongestTaskMs.median)} ms median, ${ms(startup4.sdkLongestTaskMs.max)} max`,
    startup4.sdkLongTasks.max == 0,
  ],
  ['trigger → visible, nothing cached', '≤ 60 ms median', `${ms(notCached.ms.median)} ms`, notCached.ms.median <= 60],
]
const lighterTable = table(
  ['target (issue #19)', 'target', 'this run', 'met'],
  lighter.map(([what, target, got, met]) => [what, target, got, met ? 'yes' : '**no**']),
)

const md = `# Hetki benchmarks, side by side with the peers

Generated by \`npm run bench\` (bench/run.mjs) on ${environment.date}. Do not edit by hand: run it again.

- Node ${environment.node}, Chromium ${environment.chromium} (headless, Debian), ${environment.os}, ${environment.cpu}; load average at the end ${environment.loadAverageAtEnd.join(' / ')} (the 2 cores are shared with other work, see the noise below).
- Peers, the real npm packages installed by the bench into \`bench/peers\` (its own package.json and lockfile): ${[...new Map(sizes.rows.filter((r) => r.sdk != 'Hetki').map((r) => [r.sdk, `${r.sdk} ${r.version}`])).values()].join(', ')}.
- **No network to any vendor.** Every file is served from this machine by one local server on 127.0.0.1 (the demo server with the real collector, plus the bench's pages and the peers' files). PostHog's API (remote config, flags, surveys list, event upload) is answered by a local stub (\`bench/lib/posthog-stub.mjs\`) with one popover survey on the event \`bench.trigger\`; posthog-js itself runs unchanged.
- Figures from one run, on one machine, in the same run for every SDK. Medians are compared; min–max show the spread. Timings are never test thresholds.

## The quality bars

${barsTable}

## Lighter: the targets of issue #19

${lighterTable}

## Bytes a page loads

What the browser downloads, per file compressed on its own (gzip -9 and brotli 11 by node:zlib) and summed. Hetki: \`dist/\` of this branch. posthog-js: its ready-made browser files (\`array.js\` core, \`surveys.js\` renderer). Sprig and the Formbricks loader ship ES modules for bundlers: bundled and minified by esbuild, keeping their \`import()\` split points, the eager chunks being the entry's static imports and the lazy ones everything reachable only through \`import()\`.

${bytesTable}

Hetki's widget chunk, Preact included, is ${kb(sizes.hetkiFiles['hetki-widget.js'].gzip)} KB gzip against ${kb(sizes.rows.find((r) => r.sdk.startsWith('Preact')).gzip)} KB for Preact alone.

## Start-up cost in Chromium

The same reference page (an order-history page, 40 sections) with each vendor's documented script-tag snippet; cold loads, each in a new browser context (empty cache and storage), SDKs alternating; ${startup.repeats} loads each. *Script ms* is CDP \`Performance.getMetrics\` ScriptDuration (main-thread JavaScript compile, evaluation and run) once the page has settled (no request for 500 ms, so lazy start-up files count), minus the same page without an SDK; *main-thread tasks* is TaskDuration likewise (noisier: it includes parse, style and layout). *Page long tasks* come from a \`PerformanceObserver('longtask')\` installed before any script: every task over 50 ms, whoever caused it (at 4× the page itself has some, see the baseline). *SDK's long tasks* are those, in a Chromium trace of the same load, in which script from the SDK's own URLs was compiled, evaluated or called (a lower bound: work reached only through promise callbacks carries no URL); *SDK's longest task* is the longest task of a load with such script in it, long or not: how far from the 50 ms line it stays. A trace is recorded during every load, for every SDK alike, which adds a little to every figure. Hetki: three surveys in an inline config. posthog-js: \`posthog.init()\` with the defaults plus \`opt_out_useragent_filter\` (headless Chromium would otherwise count as a bot and posthog-js would skip its work), surveys on.

${startupTable}

## Decision cost per \`track()\` (Node)

The synchronous work of the core for one event (journey history and trail, plan lookup, and for events a survey listens to, the rules' \`decide()\`), 1,000 events per round, 50 rounds; min/median/max of the round medians (bench/decide.mjs). No peer equivalent is measured: posthog-js and Sprig decide in their own lazy code after a network answer.

${decideTable}

## Forecast speed: \`hetki simulate\` (Node)

A synthetic month of the demo's config (demo/site/hetki.json): ${simulate.events.toLocaleString('en-US')} events of ${simulate.people.toLocaleString('en-US')} people replayed through the built simulator (dist/simulate.mjs, the browser's own rules and pacing) in ${(simulate.replayMs.median / 1000).toFixed(2)} s, median of 3 (${(simulate.replayMs.min / 1000).toFixed(2)}–${(simulate.replayMs.max / 1000).toFixed(2)} s): **${simulate.eventsPerSecond.toLocaleString('en-US')} events per second**. Generating the journeys took ${(simulate.generateMs / 1000).toFixed(2)} s, the forecast from the replay ${simulate.forecastMs.toFixed(0)} ms (bench/simulate.mjs).

## Trigger → visible (Chromium)

From the call that sends the trigger (\`hetki.track()\`, \`posthog.capture()\`) to the first frame in which the prompt's buttons are laid out, timed in the page (the time is taken in a task queued from that frame, so after its paint; fade-in animations not counted). *not cached*: a new browser context, the page having loaded only what its SDK loads at start-up (for Hetki the engine and widget chunks are fetched on the trigger; posthog-js fetched its renderer at start-up already). *cached*: a fresh page load in the same context, every SDK file from the HTTP cache. ${visible.repeats} runs each.

${visibleTable}

## Start-up and trigger → visible in Firefox and WebKit

${Object.values(engines.versions).join(' and ')} (the tests' launchers, test/engines: Firefox over WebDriver BiDi, WebKitGTK's MiniBrowser through WebKitWebDriver on Xvfb), ${engines.repeats} runs each, SDKs alternating (bench/engines.mjs). Neither engine offers CDP's ScriptDuration or a trace, so both figures are taken inside the page with \`performance.now()\` (both round it to whole milliseconds outside a cross-origin-isolated page). *Script tag evaluation* is the time between two marks around the SDK's script tag, loaded as a blocking script, counted from the moment its files had arrived (Resource Timing's \`responseEnd\`), so that fetching is left out: Hetki's core (its inline config in a data block; the documented snippet loads it \`async\`), posthog-js' documented snippet as it is (\`array.js\`, then \`posthog.init()\`); its compile and top-level run, nothing either SDK starts asynchronously; *no SDK* is the same two marks around a blocking \`data:\` script that does nothing (the engine's cost of a script tag, raw; the SDKs' rows are not net of it). *cold*: a new profile, the file over loopback; *warm*: a fresh load in the same profile, the file from the HTTP cache. *Trigger → visible* is the measure of the Chromium section above, in the same two cases.

${enginesTable}

## Storage: IndexedDB transactions per 1,000 events (Chromium)

Every \`IDBDatabase#transaction\` the page makes, pacing and outbox alike (bench/storage.mjs). The steady scenario is run twice: with one prompt shown and answered (its claim and its answer's mark; the outbox writing the shown and the response records, reading them once and deleting both in one transaction: the shown record waits for the answer, docs/delivery.md), and with events no survey listens to: what the events themselves cost.

${storageTable}

## Machine noise in this run

${noiseTable}

## What was not measured, and why

- **Formbricks core and renderer**: \`@formbricks/js\` on npm is only a loader; it fetches \`formbricks.umd.cjs\` (core and survey renderer) from the team's Formbricks server at run time. Those files are not in any npm package, and with no network to Formbricks they cannot be fetched, so only the loader's bytes are measured, and Formbricks has no start-up or trigger → visible figure.
- **Sprig in Chromium**: its bytes are measured from the npm package, but its start-up and trigger → visible need Sprig's API (environment config, survey delivery), whose answers are not documented for stubbing; it was not run in the browser.
- **posthog-js trigger → visible** is the time a visitor waits, not its renderer's cost alone: posthog-js (1.449) evaluates which surveys to display on a 1,000 ms \`setInterval\` (in \`surveys.js\`), so the wait depends on where the trigger falls in that cycle; hence its spread from a few ms to ~0.7 s.
- Real-network effects (latency, bandwidth, a CDN's cache) are left out: every file comes over loopback. The byte tables are the fairer picture of what a slow network would cost.
`

writeFileSync('bench/report.md', md)
writeFileSync(
  'bench/results.json',
  JSON.stringify(
    {
      environment,
      bars: bars.map(([bar, target, value, met]) => ({ bar, target, value, met })),
      sizes,
      startup,
      decide,
      simulate,
      visible,
      engines,
      storage,
      noise,
    },
    null,
    2,
  ) + '\n',
)
console.log(
  `\n${barsTable}\n\n${lighterTable}\n\n${bytesTable}\n\n${startupTable}\n\n${decideTable}\n\n${visibleTable}\n\n${enginesTable}\n\n${storageTable}\n\n${noiseTable}\n`,
)
