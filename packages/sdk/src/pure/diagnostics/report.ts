import type { SurveyCounts } from '../../contracts/record'
import type { PacingState } from '../pacing/state'

/** Decisions by survey id, then by outcome code. */
export type Counts = Map<string, Record<string, number>>

/** A UTC day as a whole number: days since the epoch. */
export const dayOf = (at: number): number => Math.floor(at / 864e5)

/**
 * The surveys of a diagnostics record from this page's counts, and what the device remembers of
 * its earlier reports: a survey's first report of `day` says so (`first`) and how many days passed
 * since its previous one (`gap`), which lets the collector count distinct devices over any period
 * without any id. Marks each survey reported on `day` in `state`. Pure.
 */
export function report(counts: Counts, state: PacingState, day: number): Record<string, SurveyCounts> {
  const surveys: Record<string, SurveyCounts> = {}
  counts.forEach((outcomes, id) => {
    const m = (state.surveys[id] ||= {})
    const last = m.reported
    surveys[id] = last === day ? { outcomes } : last! < day ? { outcomes, first: true, gap: day - last! } : { outcomes, first: true }
    m.reported = day
  })
  return surveys
}
