// Load for POST /collect: several clients, each sending envelopes of 20 records (realistic prompts:
// shown, answers, dismissals, trails) one after another for a while. Counts only records of 2xx
// answers; keeps each request's latency; remembers the acknowledged record ids (the crash run
// checks them).
import { envelope, promptRecords, random } from './collector-data.mjs'

/** The next `size` records of a stream of prompts (ids unique per `prefix`). */
export function recordSource(prefix, seed, { spreadDays = 28, now = Date.now() } = {}) {
  const rnd = random(seed)
  let i = 0
  let pending = []
  return (size) => {
    while (pending.length < size) pending.push(...promptRecords(rnd, `${prefix}-${i++}`, now - Math.floor(rnd() * spreadDays * 86_400_000)))
    return pending.splice(0, size)
  }
}

/**
 * Runs `clients` senders against `url` for `seconds` (or until `stop()` resolves). Resolves to
 * { records, seconds, perSecond, latency: { p50, p99 }, statuses, errors, acked: Set }.
 */
export async function load(url, { clients = 8, seconds = 8, batch = 20, seed = 11, prefix = 'load', until } = {}) {
  const next = recordSource(prefix, seed)
  const latencies = []
  const statuses = {}
  const acked = new Set()
  let records = 0
  let errors = 0
  const started = performance.now()
  const deadline = started + seconds * 1000
  let stopped = false
  until?.then(() => (stopped = true))
  const client = async () => {
    while (!stopped && performance.now() < deadline) {
      const recs = next(batch)
      const body = JSON.stringify(envelope(recs))
      const t = performance.now()
      try {
        const res = await fetch(url + '/collect', { method: 'POST', headers: { 'content-type': 'application/json' }, body })
        const answer = await res.json().catch(() => ({}))
        statuses[res.status] = (statuses[res.status] ?? 0) + 1
        if (res.ok) {
          latencies.push(performance.now() - t)
          const rejected = new Set((answer.rejected ?? []).map((r) => r.id))
          for (const r of recs) if (!rejected.has(r.id)) acked.add(r.id)
          records += recs.length - rejected.size
        }
      } catch {
        errors++
        if (stopped) break
      }
    }
  }
  await Promise.all(Array.from({ length: clients }, client))
  const elapsed = (performance.now() - started) / 1000
  return { records, seconds: elapsed, perSecond: records / elapsed, latency: percentiles(latencies), statuses, errors, acked }
}

/** p50, p99 (nearest rank) and the count of a list of milliseconds. */
export function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : null)
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) }
}
