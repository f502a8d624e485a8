// Which alert rules a stored response raises, and where each alert goes. Pure: no I/O, no clock.
// The count-within-window part of a rule needs the database (how many matched before); this file
// says what a single response matches and decides from the counts it is handed.
import { ms } from '../../../sdk/src/pure/rules/duration'
import type { Config, Question } from '../../../sdk/src/pure/config/types'
import { measureOf, valueOf, type MetricName } from '../config/metrics'
import type { StoredResponse } from '../server/contract'
import type { AlertRule, AlertsConfig } from './contract'

/** The scored answer that made a rule hold. */
export interface Hit {
  question: string
  metric: MetricName
  value: number
}

/** A rule a response raises; `hit` is the answer that matched (absent for rules without `metric`). */
export interface Raised {
  rule: AlertRule
  hit?: Hit
}

/** Where one alert goes: a channel at once, or a channel's digest of the given period length. */
export interface Route {
  /** Part of the queue's unique key: the channel name, or `digest:<name>`. */
  route: string
  channel: string
  digest?: 'hourly' | 'daily'
}

/** The survey's questions by id, from the config the site serves. */
export function questionsOf(config: Config, surveyId: string): Map<string, Question> {
  const survey = config.surveys.find((s) => s.id === surveyId)
  return new Map((survey?.questions ?? []).map((q) => [q.id, q]))
}

/** The touchpoint a response belongs to: as the browser sent it, else as its survey names it. */
export function touchpointOf(config: Config, response: Pick<StoredResponse, 'surveyId' | 'touchpoint'>): string | null {
  return response.touchpoint ?? config.surveys.find((s) => s.id === response.surveyId)?.touchpoint ?? null
}

/** The owner of a response's touchpoint: as the browser sent it, else as the config names it. */
export function ownerOf(config: Config, response: Pick<StoredResponse, 'surveyId' | 'touchpoint' | 'owner'>): string | null {
  if (response.owner) return response.owner
  const tp = touchpointOf(config, response)
  return config.touchpoints?.find((t) => t.id === tp)?.owner ?? null
}

const within = (rule: AlertRule, v: number) =>
  (rule.atMost === undefined || v <= rule.atMost) &&
  (rule.atLeast === undefined || v >= rule.atLeast) &&
  (rule.below === undefined || v < rule.below) &&
  (rule.above === undefined || v > rule.above)

/**
 * Whether one response satisfies a rule's own conditions (touchpoint, survey, metric bounds),
 * leaving `count`/`within` aside. Undefined when it does not; previews never match.
 */
export function matchOne(rule: AlertRule, response: StoredResponse, config: Config): Raised | undefined {
  if (response.preview) return undefined
  if (rule.survey !== undefined && rule.survey !== response.surveyId) return undefined
  if (rule.touchpoint !== undefined && rule.touchpoint !== touchpointOf(config, response)) return undefined
  if (rule.metric === undefined) return { rule }
  // Questions in the config's order, so the first scored answer that holds is the one reported.
  for (const [id, question] of questionsOf(config, response.surveyId)) {
    if (!(id in response.answers)) continue
    const measure = measureOf(question)
    if (!measure || measure.metric !== rule.metric) continue
    const value = valueOf(measure, response.answers[id])
    if (value !== undefined && within(rule, value)) return { rule, hit: { question: id, metric: measure.metric, value } }
  }
  return undefined
}

/** Every rule the response satisfies on its own (count rules included: the caller counts). */
export function raisedBy(response: StoredResponse, config: Config, rules: readonly AlertRule[]): Raised[] {
  return rules.flatMap((rule) => matchOne(rule, response, config) ?? [])
}

/** How many matching responses a rule needs, and the window they are counted in (ms; 0: none). */
export function countOf(rule: AlertRule): { count: number; windowMs: number } {
  const count = Math.max(1, Math.floor(rule.count ?? 1))
  const windowMs = rule.within === undefined ? 0 : ms(rule.within)
  return { count, windowMs: Number.isFinite(windowMs) ? windowMs : 0 }
}

/**
 * Whether a count rule fires for the response just matched: `matches` responses (this one included)
 * matched in the window ending at it, and the rule did not fire within a window of it on either side
 * (a burst raises one alert, whatever order its answers arrive in; the next burst raises the next).
 */
export function countFires(rule: AlertRule, matches: number, firedInWindow: boolean): boolean {
  return !firedInWindow && matches >= countOf(rule).count
}

/** The channels an alert of this rule for this owner goes to, each once. */
export function routesOf(rule: AlertRule, owner: string | null, alerts: AlertsConfig): Route[] {
  const direct = rule.to ?? (owner ? alerts.owners?.[owner] : undefined) ?? []
  const digest = owner ? alerts.digest?.[owner] : undefined
  const routes: Route[] = [...new Set(direct)].map((channel) => ({ route: channel, channel }))
  for (const channel of new Set(digest?.to ?? [])) routes.push({ route: `digest:${channel}`, channel, digest: digest!.every })
  return routes
}

/** The digest period [from, to) an alert enqueued at `at` belongs to (UTC hours or days). */
export function periodOf(every: 'hourly' | 'daily', at: Date): { from: string; to: string } {
  const step = every === 'hourly' ? 36e5 : 864e5
  const from = Math.floor(at.getTime() / step) * step
  return { from: new Date(from).toISOString(), to: new Date(from + step).toISOString() }
}

/**
 * The wait before retry number `attempt` (1 = the first retry): exponential from `baseMs`, capped at
 * `capMs`, with "equal jitter" (half fixed, half random) so instances retrying one dead endpoint
 * spread out instead of knocking in step.
 */
export function backoff(attempt: number, { baseMs, capMs }: { baseMs: number; capMs: number }, random: () => number = Math.random): number {
  const exp = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(exp / 2 + (random() * exp) / 2)
}
