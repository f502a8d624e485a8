// The demo's fleet diagnostics: ten weeks of the counts a quarter of the demo's devices would send
// with `"diagnostics": { "sample": 0.25 }` (wire kind "diagnostics": outcomes per survey, no ids
// but each record's own), so the results app's "Why not shown" view has something to show.
// Deterministic (a seeded generator), like demo/sample-data.mjs; `now` only places the weeks.
//
// Made from a simulated population of devices run through the demo config's own pacing: no
// global pacing, and every survey asks once per device (its default frequency). The story:
// - returning customers trigger the checkout CSAT, the help centre's goal survey and the invoice
//   NPS again and again, and "show once" holds most of those triggers back — the biggest loss a PM
//   reads for each (ask again every N days instead, if repeat visitors matter);
// - a few prompts lose to another tab's prompt or to the customer leaving the page;
// - moving home has so few devices that the page says it is too early to read.
// mulberry32, the simulator's generator (as in sample-data.mjs).
import { random as seeded } from '../packages/sdk/src/pure/simulate/random.mjs'
// The same ten weeks as the seed's responses, which demo/seed.mjs stores beside these.
import { SPAN_DAYS } from './sample-data.mjs'

const DAY = 86_400_000
export const SEED = 18
/** The share of devices that report. */
export const SAMPLE = 0.25

/**
 * Per survey: how many devices arrive over the span (a device then stays for `stays` days), the
 * chance one visits on a day it is around, and how many times a visit fires the trigger (1 to `most`).
 */
const SURVEYS = [
  { id: 'csat-order', devices: 900, stays: 30, visit: 0.09, most: 2 },
  { id: 'goal-help', devices: 700, stays: 21, visit: 0.1, most: 3 },
  { id: 'ces-move', devices: 90, stays: 14, visit: 0.04, most: 1 },
  { id: 'nps-invoice', devices: 800, stays: 60, visit: 0.03, most: 2 },
]

/**
 * The diagnostics as the SDK would send them: one record per device and day (its surveys' counts
 * together, as one page hide flushes them), 20 records an envelope, oldest first.
 * @param {number} [now] ms since the epoch
 * @returns {{ v: 1, sentAt: string, records: object[] }[]}
 */
export function sampleDiagnostics(now = Date.now(), { seed = SEED } = {}) {
  const random = seeded(seed)
  const today = Math.floor(now / DAY) * DAY
  // Each device arrives on some day (some before the span) and stays a while. Devices are shared
  // across surveys (a customer orders, reads help and views invoices): `device-7` is one device.
  const arrivals = SURVEYS.map((s) => Array.from({ length: s.devices }, () => Math.floor(random() * (SPAN_DAYS + s.stays)) - s.stays))
  /** @type {Map<string, { shown: Set<string>, last: Map<string, number> }>} per device: the surveys it was shown ("once"), the day it last reported each */
  const devices = new Map()
  const records = []
  let seq = 0
  for (let d = 0; d < SPAN_DAYS; d++) {
    const day = today - (SPAN_DAYS - d) * DAY
    /** @type {Map<string, Record<string, any>>} device → the surveys of its record of the day */
    const reports = new Map()
    SURVEYS.forEach((s, j) => {
      arrivals[j].forEach((arrived, i) => {
        if (d < arrived || d >= arrived + s.stays || random() >= s.visit) return
        const key = `device-${i}`
        const device = devices.get(key) ?? { shown: new Set(), last: new Map() }
        devices.set(key, device)
        const outcomes = {}
        const add = (code) => (outcomes[code] = (outcomes[code] ?? 0) + 1)
        const triggers = 1 + Math.floor(random() * s.most)
        for (let t = 0; t < triggers; t++) {
          if (device.shown.has(s.id)) add('once')
          else {
            const r = random()
            if (r < 0.05) add('page')
            else if (r < 0.08) add('claim')
            else add('shown'), device.shown.add(s.id)
          }
        }
        const last = device.last.get(s.id)
        device.last.set(s.id, day)
        const report = reports.get(key) ?? {}
        report[s.id] = { outcomes, first: true, ...(last !== undefined ? { gap: Math.round((day - last) / DAY) } : {}) }
        reports.set(key, report)
      })
    })
    for (const surveys of reports.values()) {
      const n = ++seq
      records.push({
        id: `seed-diag-${String(n).padStart(11, '0')}`,
        kind: 'diagnostics',
        at: new Date(day).toISOString(),
        sample: SAMPLE,
        surveys,
        sentAt: day + 20 * 3_600_000,
      })
    }
  }
  const envelopes = []
  for (let i = 0; i < records.length; i += 20) {
    const batch = records.slice(i, i + 20)
    envelopes.push({ v: 1, sentAt: new Date(batch[batch.length - 1].sentAt).toISOString(), records: batch.map(({ sentAt: _, ...r }) => r) })
  }
  return envelopes
}
