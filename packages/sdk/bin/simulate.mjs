// `hetki simulate <config.json> --journeys <file|->`: replays journeys through the browser's own
// rules and pacing (bundled into dist/simulate.mjs by the repository's build) and prints the
// forecast. Exit status: 0 done, 1 the config (or the one --against names) has errors, 2 a file
// cannot be read, a journey line is not understood, or the options are wrong. docs/simulate.md.
import { createReadStream, existsSync, readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'

const HELP = `Usage: hetki simulate <config.json> (--journeys <file|-> | --profile <profile.json> | --visitors N --days D …)
                      [--response-rate 0.25] [--against old.json] [--json] [--prompts]

Replays journeys through the same rules and pacing the browser runs, per person across sessions
and days, and forecasts: prompts per person per week, people asked, answers per touchpoint per
week and the weeks until a ±10-point interval, surveys starved by others, pacing rules that bind.

Journeys:
  --journeys <file|->   NDJSON, one event a line: {"person","at","event","props"?,"path"?}
                        (at: epoch ms or ISO date), or the collector's /api/export.ndjson
  --profile <file>      a traffic profile (JSON) to synthesize journeys from, or these flags:
  --visitors N          visits per day                    --days D       how many days
  --returning R         share of returning visits (0.3)   --page-views N per visit (3)
  --rate NAME=SHARE     per visit, an event's (or a touchpoint's events') rate; repeatable
  --seed S              random seed (1)                   --start DATE   first day (2026-01-05)

Output:
  --response-rate R     share of prompts answered (0.25)
  --against old.json    an earlier config (replayed on the same journeys) or a saved --json
                        forecast: prints what changed
  --json                the forecast as JSON (shape in docs/simulate.md)
  --prompts             with --json, also every prompt: person, survey, at, answered
  --help                show this help`

/** The simulator next to this file once packed (dist/ is copied in), or the repository's build. */
async function loadSimulator() {
  for (const candidate of ['../dist/simulate.mjs', '../../../dist/simulate.mjs']) {
    const url = new URL(candidate, import.meta.url)
    if (existsSync(url)) return import(url.href)
  }
  throw new Failure('dist/simulate.mjs not found; in the Hetki repository, run `npm run build` first')
}

/** A problem that ends the command with exit status `status`. */
class Failure extends Error {
  constructor(message, status = 2) {
    super(message)
    this.status = status
  }
}

const VALUED = ['--journeys', '--profile', '--visitors', '--days', '--returning', '--page-views', '--rate', '--seed', '--start', '--response-rate', '--against']
const FLAGS = ['--json', '--prompts', '--help', '-h']

function parse(args) {
  const o = { files: [], rate: [] }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (FLAGS.includes(a)) o[a.replace(/^-+/, '')] = true
    else if (VALUED.includes(a)) {
      if (i + 1 >= args.length) throw new Failure(`${a} needs a value`)
      const v = args[++i]
      a == '--rate' ? o.rate.push(v) : (o[a.slice(2)] = v)
    } else if (a.startsWith('-') && a != '-') throw new Failure(`unknown option ${a}`)
    else o.files.push(a)
  }
  return o
}

const number = (name, v) => {
  const n = Number(v)
  if (v === undefined || v === '' || !Number.isFinite(n)) throw new Failure(`${name} must be a number (got ${v})`)
  return n
}

function readJson(file, what) {
  let text
  try {
    text = readFileSync(file == '-' ? 0 : file, 'utf8').replace(/^\uFEFF/, '')
  } catch (e) {
    throw new Failure(`cannot read ${what} ${file} (${e.code || e.message})`)
  }
  try {
    return JSON.parse(text)
  } catch (e) {
    throw new Failure(`${what} ${file} is not valid JSON (${e.message.split('\n')[0]})`)
  }
}

/** A config the simulator can run: the validator's errors end the command (status 1), as the browser would refuse it. */
function checked(sim, config, file) {
  const errors = sim.validate(config).filter((p) => p.severity == 'error')
  if (errors.length)
    throw new Failure(
      `${file} has ${errors.length} error(s); \`hetki validate ${file}\` says which:\n` + errors.map((p) => `  ${p.path || 'config'}: ${p.message}`).join('\n'),
      1,
    )
  return config
}

/** The journeys of --journeys, by person, read line by line (a file of millions of events streams). */
async function readJourneys(sim, file) {
  const input = file == '-' ? process.stdin : createReadStream(file)
  const opened = new Promise((resolve, reject) => (file == '-' ? resolve() : input.once('open', resolve).once('error', reject)))
  await opened.catch((e) => {
    throw new Failure(`cannot read journeys ${file} (${e.code || e.message})`)
  })
  const events = []
  let exported = false
  let n = 0
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    n++
    if (!line.trim()) continue
    let parsed
    try {
      parsed = JSON.parse(n == 1 ? line.replace(/^\uFEFF/, '') : line)
      const found = sim.eventsOf(parsed)
      if (Array.isArray(parsed.trail)) exported = true
      for (const e of found) events.push(e)
    } catch (e) {
      throw new Failure(`${file == '-' ? '<stdin>' : file}, line ${n}: ${e instanceof SyntaxError ? 'not valid JSON' : e.message}`)
    }
  }
  return sim.byPerson(events, exported)
}

/** The profile of --profile, or of the flags. */
function profileOf(o) {
  const p = o.profile ? readJson(o.profile, 'profile') : {}
  if (o.visitors !== undefined) p.visitorsPerDay = number('--visitors', o.visitors)
  if (o.days !== undefined) p.days = number('--days', o.days)
  if (o.returning !== undefined) p.returning = number('--returning', o.returning)
  if (o['page-views'] !== undefined) p.pageViews = number('--page-views', o['page-views'])
  if (o.seed !== undefined) p.seed = number('--seed', o.seed)
  if (o.start !== undefined) p.start = o.start
  for (const r of o.rate) {
    const [name, share] = r.split(/=(?=[^=]*$)/)
    if (!name || share === undefined) throw new Failure(`--rate takes NAME=SHARE, e.g. --rate order.completed=0.08 (got ${r})`)
    ;(p.rates ||= {})[name] = number('--rate ' + name, share)
  }
  return p
}

const earliest = (people) => {
  let from = Infinity
  for (const events of people.values()) if (events.length && events[0].at < from) from = events[0].at
  return from
}

/** Runs the command; resolves to its exit status once the output is written. */
export async function simulate(args) {
  const write = (text) => new Promise((resolve) => process.stdout.write(text, resolve))
  try {
    const o = parse(args)
    if (o.help || o.h) return (await write(HELP + '\n'), 0)
    if (o.files.length != 1) throw new Failure('name one config file\n\n' + HELP)
    const sim = await loadSimulator()
    const file = o.files[0]
    const config = checked(sim, readJson(file, 'config'), file)
    const rate = o['response-rate'] === undefined ? 0.25 : number('--response-rate', o['response-rate'])
    if (!(rate >= 0 && rate <= 1)) throw new Failure('--response-rate must be a share from 0 to 1')

    let people
    let days
    let start
    if (o.journeys) {
      if (o.profile || o.visitors || o.rate.length) throw new Failure('give --journeys or a profile, not both')
      people = await readJourneys(sim, o.journeys)
      start = earliest(people)
    } else if (o.profile || o.visitors !== undefined || o.days !== undefined) {
      const profile = profileOf(o)
      const problem = sim.checkProfile(profile)
      if (problem) throw new Failure('profile: ' + problem)
      people = sim.synthesize(profile, config)
      days = profile.days
      start = Date.parse(profile.start ?? '2026-01-05')
    } else throw new Failure('name the journeys: --journeys <file|->, --profile <file>, or --visitors N --days D --rate NAME=SHARE')

    const run = (c) => {
      const tally = sim.replay(c, people, { responseRate: rate, start: Number.isFinite(start) ? start : undefined, keepPrompts: !!o.prompts })
      return { tally, forecast: sim.forecast(c, tally, rate, days) }
    }
    const { tally, forecast } = run(config)

    let previous
    if (o.against) {
      const old = readJson(o.against, 'the config or forecast of --against')
      previous = old && old.version == 1 && old.overall && Array.isArray(old.surveys) ? old : run(checked(sim, old, o.against)).forecast
    }
    const changes = previous && sim.compare(previous, forecast)

    if (o.json) {
      const out = { ...forecast, ...(o.prompts ? { prompts: tally.prompts.map((p) => ({ ...p, at: new Date(p.at).toISOString() })) } : {}) }
      if (previous) out.against = { file: o.against, changes }
      await write(JSON.stringify(out, null, 2) + '\n')
    } else {
      await write(sim.forecastText(forecast, file) + (changes ? '\n' + sim.changesText(changes, o.against) : ''))
    }
    return 0
  } catch (e) {
    if (!(e instanceof Failure)) throw e
    process.stderr.write(`hetki simulate: ${e.message}\n`)
    return e.status
  }
}
