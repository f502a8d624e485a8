import type { Question } from '../config/types'

/** The metrics of the collector's scorecards (packages/collector/src/config/metrics.ts). */
export type Metric = 'csat' | 'nps' | 'ces' | 'goal' | 'emotion'

/** z of a two-sided 95 % interval. */
const Z = 1.959963984540054

/**
 * Answers a metric needs before its 95 % interval is ±10 points (CES: ±0.6 on its 1–7 scale, a
 * tenth of it), planned before any answer: n = ⌈(z σ / h)²⌉ with σ the widest spread the scale
 * allows (a share: ½; NPS: 1 on −1…1; a mean: half its range). It is the collector's planning
 * formula (packages/collector/src/stats/sampleSize.ts) with no answers yet; a unit test holds the
 * two together.
 */
export const NEEDED: Record<Metric, number> = {
  csat: Math.ceil(((Z * 0.5) / 0.1) ** 2 - 1e-9),
  goal: Math.ceil(((Z * 0.5) / 0.1) ** 2 - 1e-9),
  nps: Math.ceil(((Z * 1) / 0.1) ** 2 - 1e-9),
  ces: Math.ceil(((Z * 3) / 0.6) ** 2 - 1e-9),
  emotion: Math.ceil(((Z * 100) / 10) ** 2 - 1e-9),
}

/** What a question measures, as the collector reads it (`measureOf`); undefined for text and choices. */
export function metricOf(q: Question): Metric | undefined {
  const t = q.template
  if (t === 'feeling' || q.type === 'emotion') return 'emotion'
  if (t === 'goal' || q.type === 'yesno') return 'goal'
  if (t === 'csat' || t === 'nps') return t
  if (t === 'effort') return 'ces'
  if (q.type !== 'rating') return
  const from = q.from ?? 1
  const to = q.scale ?? 5
  return from === 0 && to === 10 ? 'nps' : from === 1 && to === 7 ? 'ces' : from === 1 && to === 5 ? 'csat' : undefined
}
