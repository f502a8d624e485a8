import { nanoid } from 'nanoid'
import type { Step } from '../pure/rules/trace'
import { outcomeOf } from '../pure/diagnostics/outcome'
import { dayOf, report, type Counts } from '../pure/diagnostics/report'
import { bucket } from '../pure/rules/sample'
import { settle } from '../shared/guard'
import type { EngineHost } from '../contracts/engine'

/** A page that decides a lot sends a record per this many decisions, besides one when it hides. */
export const FLUSH_AFTER = 50

/** This page's counts since the last flush. */
let counts: Counts = new Map()
let decisions = 0
let listening = false

/** Decisions counted and not yet sent (tests; unused by the engine, so not in the built file). */
export const pending = (): number => decisions

/**
 * Fleet diagnostics (opt-in: `diagnostics.sample` in the config): counts what the step `s` says a
 * decision on survey `id` ended in, on the devices in the sample, and sends the counts through
 * the outbox when the page hides or after FLUSH_AFTER decisions. Counts only: the record carries
 * no user, response, page or trail. `claiming`: the step comes from the cross-tab claim.
 */
export function tally(rt: EngineHost, id: string, s: Step, claiming: boolean): void {
  const share = rt.config.diagnostics?.sample as number
  const outcome = share > 0 && outcomeOf(s, claiming)
  // The same device is in or out on every page: its sampling id decides, as for audience samples,
  // under a key no survey can have (an id is never empty), so the two samples are independent.
  if (!outcome || !(bucket(rt.book.state().samplingId, '') < share)) return
  const c = counts.get(id) || {}
  c[outcome] = (c[outcome] || 0) + 1
  counts.set(id, c)
  // Hidden: switching tabs, or leaving (every engine says visibilitychange before pagehide now).
  if (!listening) (listening = true), document.addEventListener('visibilitychange', () => document.hidden && flush(rt, share))
  if (++decisions >= FLUSH_AFTER) flush(rt, share)
}

/**
 * Sends what was counted as one record. All of it within this call, as the journey's save does: a
 * page being left tears down its connection, and only a write issued now (the outbox's one
 * committed request) survives it; a read-modify-write would be cut off. So the record is made from
 * what this tab knows of the device (the other tabs keep it up to date), and the marks "reported
 * today" follow in the pacing state's own transaction.
 */
function flush(rt: EngineHost, share: number): void {
  if (!decisions) return
  const sent = counts
  counts = new Map()
  decisions = 0
  const day = dayOf(Date.now())
  settle(
    rt.outbox.put({ id: nanoid(), kind: 'diagnostics', at: new Date(day * 864e5).toISOString(), sample: share, surveys: report(sent, rt.book.state(), day) }),
  )
  settle(rt.book.write((state) => void report(sent, state, day)))
}
