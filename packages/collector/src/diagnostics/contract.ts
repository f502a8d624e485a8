// Fleet diagnostics, declared once: what a browser sends (wire kind "diagnostics"), the outcomes a
// decision can end in, the funnel's stages they are lost at, and what GET /api/diagnostics answers.
// Counts only: a record names no person, device, page, trail or URL. Prose: packages/collector/README.md
// ("Fleet diagnostics") and docs/diagnostics.md.

/**
 * What one decision on one survey ended in, once its trigger event was seen: `shown`, or what
 * refused it, as the engine names it: the rule (its step's name), a pacing reason code, the claim.
 * Pacing reasons are an open set: any code not named here is read as one, so a reason the engine
 * learns (groups, spacing between surveys) reaches the funnel without a collector change.
 * The words are the defaults; labels.ts says them with the config's own values.
 */
export const OUTCOMES = {
  shown: 'shown',
  // The trigger's own conditions.
  where: 'the trigger’s property conditions',
  count: 'the trigger’s count',
  after: 'the trigger’s “after” event',
  unless: 'the trigger’s “unless” event',
  // The audience rules.
  urls: 'the audience’s pages',
  notUrls: 'the audience’s excluded pages',
  device: 'the audience’s devices',
  lang: 'the audience’s languages',
  user: 'the audience’s user attributes',
  from: 'the audience’s start date',
  until: 'the audience’s end date',
  sample: 'the audience sample',
  /** Another survey on the same event had priority. */
  priority: 'another survey with priority on the same event',
  /** Another tab showed a prompt first (or still shows one). */
  claim: 'a prompt in another tab',
  /** Another prompt was open on the page. */
  prompt: 'another prompt open on the page',
  /** The customer left the page (during a delay), or it was hidden. */
  page: 'the customer leaving or hiding the page',
  /** reset() or a withdrawn consent meanwhile. */
  reset: 'a reset or withdrawn consent',
  /** The survey's `target` element was not on the page. */
  target: 'a missing target element',
  /** The widget could not be loaded. */
  error: 'the widget failing to load',
} as const

/** The funnel in order. Each stage after the first says which outcomes are lost on the way to it. */
export const STAGES = [
  { stage: 'triggered', label: 'Trigger seen', lost: [] },
  { stage: 'audience', label: 'In the audience', lost: ['where', 'count', 'after', 'unless', 'urls', 'notUrls', 'device', 'lang', 'user', 'from', 'until'] },
  { stage: 'sample', label: 'In the sample', lost: ['sample'] },
  // Every code not named elsewhere lands here: pacing reasons are an open set.
  { stage: 'pacing', label: 'Allowed by pacing', lost: ['priority'] },
  { stage: 'claim', label: 'Won the tab claim', lost: ['claim', 'prompt', 'page', 'reset'] },
  { stage: 'shown', label: 'Shown', lost: ['target', 'error'] },
] as const satisfies readonly { stage: string; label: string; lost: readonly string[] }[]

export type Stage = (typeof STAGES)[number]['stage']

/** The stage an outcome is lost at; undefined for `shown`. Unknown codes are pacing reasons. */
export function stageOf(outcome: string): Stage | undefined {
  if (outcome === 'shown') return undefined
  return STAGES.find((s) => (s.lost as readonly string[]).includes(outcome))?.stage ?? 'pacing'
}

/** The wire record and its per-survey counts: the SDK's declaration (contracts/record.ts), the one shape both sides read. */
export type { DiagnosticsRecord, SurveyCounts } from '../../../sdk/src/contracts/record'

/** A diagnostics record as the ingest read it: the day cut out, and the previous reporting day worked out. */
export interface DiagnosticsIn {
  id: string
  kind: 'diagnostics'
  day: string
  sample: number
  surveys: { surveyId: string; outcomes: [string, number][]; first: boolean; previousDay: string | null }[]
}

/** One reason a survey was not shown, within its stage. */
export interface Reason {
  /** The outcome code (`cooldown`, `urls`, …). */
  reason: string
  /** What stopped them, in words a PM reads: "the 14-day cooldown". */
  label: string
  count: number
  /** Share of the survey's triggers, in % (0–100). */
  share: number
}

/** One stage of a survey's funnel: how many decisions reached it, and what was lost on the way. */
export interface FunnelStage {
  stage: Stage
  label: string
  /** Decisions that got this far. */
  count: number
  /** Share of the triggers that got this far, in %. */
  share: number
  /** Lost on the way to this stage (0 for the first). */
  lost: number
  /** The reasons for `lost`, most first. */
  reasons: Reason[]
}

/** The biggest single reason a survey was not shown. */
export interface BiggestLoss extends Reason {
  stage: Stage
  /** 95 % Wilson interval of `share`, counting each reporting device once (see `enough`). */
  low: number
  high: number
}

/** One survey's "why not shown" funnel over the period. */
export interface SurveyDiagnostics {
  survey: string
  /** The touchpoint it measures and its owner, from the collector's config (null when it names none). */
  touchpoint: string | null
  touchpointName: string | null
  owner: string | null
  /** Distinct devices that reported the survey in the period. */
  devices: number
  /** Decisions reported (trigger seen), and an estimate for all devices: each count over its sample rate. */
  triggered: number
  estimatedTriggered: number
  /** The sample rates the counts came with, smallest first (usually one). */
  samples: number[]
  funnel: FunnelStage[]
  /** Null when every trigger was shown, or none was reported. */
  biggestLoss: BiggestLoss | null
  /**
   * Whether the sample is large enough to read: the biggest loss's share is known to ±10 points
   * (95 % Wilson interval, n = the smaller of devices and triggers, since one device's decisions
   * are not independent of each other).
   */
  enough: boolean
}

/** GET /api/diagnostics. */
export interface Diagnostics {
  period: { from: string; to: string }
  /** Whether the collector's config turns diagnostics on (`diagnostics.sample` above 0): browsers only report when it does. */
  enabled: boolean
  /** The share of devices the config has report, or null when off. */
  sample: number | null
  /** The half-width a share must be known to before the page reads it out, in points. */
  precision: number
  surveys: SurveyDiagnostics[]
  definitions: Record<string, string>
}
