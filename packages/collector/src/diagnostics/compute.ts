// The "why not shown" funnels from the sums of query.ts: pure, no I/O. Each decision on a survey
// ends in exactly one outcome (shown, or the reason it was not), so the triggers are the sum of
// the outcomes and each stage keeps what the stages before it did not lose.
import type { Config } from '../../../sdk/src/pure/config/types'
import { wilson } from '../stats/wilson'
import { STAGES, stageOf, type Diagnostics, type FunnelStage, type Reason, type SurveyDiagnostics } from './contract'
import { reasonLabel } from './labels'
import type { DiagnosticsInput } from './query'

/** The half-width, in points, the biggest loss must be known to before the page reads it out (as the scorecards' ±10-point target). */
export const PRECISION = 10

const round1 = (v: number) => Math.round(v * 10) / 10

export const DEFINITIONS: Record<string, string> = {
  diagnosticsFunnel:
    'Every time a survey’s trigger event happens on a reporting device, the decision ends in one outcome: shown, or the first reason it was not. The funnel counts those outcomes in the order the SDK checks them: trigger seen, in the audience (the trigger’s conditions and the audience rules), in the sample, allowed by pacing (priority on the event, cooldown, caps, once, snooze …), won the tab claim (no prompt open in another tab or on the page, the page still there), shown.',
  diagnosticsDevices:
    'Devices are counted without any id: each report says whether it is the device’s first of the survey that day and how many days have passed since its previous one, so a device is counted once per period.',
  diagnosticsSample:
    'Only the share of devices set by diagnostics.sample in the config report. Shares need no correction; the estimated triggers divide each count by its sample rate.',
  diagnosticsEnough: `The biggest loss is read out when its share is known to ±${PRECISION} points (95 % Wilson interval), counting each device once, since one device’s decisions are not independent.`,
}

/** The funnels of the surveys in `input`, config order first, then surveys the config does not name. */
export function computeDiagnostics(config: Config, period: { from: string; to: string }, input: DiagnosticsInput): Diagnostics {
  const ids = new Set(input.counts.map((c) => c.survey))
  const order = [
    ...(config.surveys ?? []).map((s) => s.id).filter((id) => ids.has(id)),
    ...[...ids].filter((id) => !(config.surveys ?? []).some((s) => s.id === id)).sort(),
  ]
  const sample = (config as { diagnostics?: { sample?: unknown } }).diagnostics?.sample
  const on = typeof sample === 'number' && sample > 0
  return {
    period,
    enabled: on,
    sample: on ? Math.min(sample, 1) : null,
    precision: PRECISION,
    surveys: order.map((id) => surveyFunnel(config, id, input)),
    definitions: DEFINITIONS,
  }
}

function surveyFunnel(config: Config, id: string, input: DiagnosticsInput): SurveyDiagnostics {
  const survey = (config.surveys ?? []).find((s) => s.id === id)
  const tp = survey?.touchpoint ? (config.touchpoints ?? []).find((t) => t.id === survey.touchpoint) : undefined
  const counts = input.counts.filter((c) => c.survey === id)
  const triggered = counts.reduce((n, c) => n + c.count, 0)
  const devices = input.devices.find((d) => d.survey === id)?.devices ?? 0
  const share = (n: number) => (triggered ? round1((100 * n) / triggered) : 0)
  const reason = (code: string, count: number): Reason => ({ reason: code, label: reasonLabel(code, survey, config), count, share: share(count) })

  let left = triggered
  const funnel: FunnelStage[] = STAGES.map(({ stage, label }, i) => {
    const reasons = i === 0 ? [] : counts.filter((c) => stageOf(c.outcome) === stage).map((c) => reason(c.outcome, c.count))
    reasons.sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
    const lost = reasons.reduce((n, r) => n + r.count, 0)
    left -= lost
    return { stage, label, count: left, share: share(left), lost, reasons }
  })

  // The biggest single reason; a tie goes to the earlier stage (it stopped them first).
  let biggest: SurveyDiagnostics['biggestLoss'] = null
  for (const s of funnel)
    for (const r of s.reasons) if (r.count > 0 && (!biggest || r.count > biggest.count)) biggest = { ...r, stage: s.stage, low: 0, high: 100 }
  // One device's decisions hang together (a cooldown holds back every trigger of that device):
  // the devices, not the triggers, are the independent observations.
  const n = Math.min(devices, triggered)
  const interval = wilson(biggest ? (biggest.count / triggered) * n : 0, n)
  if (biggest && interval) {
    biggest.low = round1(100 * interval.low)
    biggest.high = round1(100 * interval.high)
  }
  const enough = !!interval && (interval.high - interval.low) / 2 <= PRECISION / 100

  return {
    survey: id,
    touchpoint: tp?.id ?? null,
    touchpointName: tp?.name ?? null,
    owner: tp?.owner ?? null,
    devices,
    triggered,
    estimatedTriggered: Math.round(counts.reduce((n, c) => n + c.estimated, 0)),
    samples: [...new Set(input.samples.filter((s) => s.survey === id).map((s) => s.sample))].sort((a, b) => a - b),
    funnel,
    biggestLoss: biggest,
    enough,
  }
}
