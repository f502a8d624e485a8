import type { PastEvent, Survey } from '../config/types'
import type { TouchEvent } from '../journey/event'
import { small } from '../journey/event'
import { count, type History } from '../journey/history'
import { own, unmet } from './conditions'
import type { Context } from './context'
import { ms } from './duration'
import { glob } from './glob'
import type { Plan } from './plan'
import { bucket } from './sample'
import { step, type Step } from './trace'

/** A survey the event concerns, whether its rules let it show, and the trace of why. */
export interface Decision {
  survey: Survey
  show: boolean
  trace: Step[]
}

/** For explanations only: a value JSON cannot write (BigInt, a cycle, 10,000 levels) must not stop the decision. */
const json = (v: unknown): string => {
  try {
    return JSON.stringify(v, small)
  } catch {
    return String(typeof v)
  }
}

/** Start of a look-back window ending now; the whole remembered journey without `within`. */
const since = (now: number, within: PastEvent['within']) => (within == null ? -Infinity : now - ms(within))

const seen = (history: History, past: PastEvent, now: number) => count(history, past.event, past.where, since(now, past.within))

const window = (past: PastEvent) => (past.within == null ? '' : ' within ' + past.within)

/** The checks that hold at any moment: audience, schedule, sampling, and the trigger's negation. */
function standing(survey: Survey, history: History, ctx: Context, trace: Step[]): boolean {
  const a = survey.audience || {}
  const check = (name: string, pass: boolean, why: string) => (trace.push(step(name, pass, why)), pass)
  const unless = survey.trigger?.unless
  const happened = unless && seen(history, unless, ctx.now)
  const missing = a.user && unmet(ctx.user, a.user)
  return (
    (!unless || check('unless', !happened, '"' + unless.event + '" ' + (happened ? 'seen' : 'not seen') + window(unless))) &&
    (!a.urls || check('urls', a.urls.some((p) => glob(p, ctx.path)), ctx.path + ' in ' + json(a.urls))) &&
    (!a.notUrls || check('notUrls', !a.notUrls.some((p) => glob(p, ctx.path)), ctx.path + ' not in ' + json(a.notUrls))) &&
    (!a.device || check('device', ([] as string[]).concat(a.device).includes(ctx.device), ctx.device + ' in ' + json(a.device))) &&
    (!a.lang || check('lang', a.lang.some((l) => ctx.lang.toLowerCase().startsWith(l.toLowerCase())), ctx.lang + ' in ' + json(a.lang))) &&
    (!a.user || check('user', !missing, (missing || 'all') + ' of ' + json(a.user) + (missing ? ' not met' : ' met'))) &&
    (!a.from || check('from', ctx.now >= Date.parse(a.from), 'from ' + a.from)) &&
    (!a.until || check('until', ctx.now < Date.parse(a.until) + (a.until.length == 10 ? 864e5 : 0), 'until ' + a.until)) &&
    (a.sample == null || check('sample', bucket(ctx.personId, survey.id) < a.sample, 'person in the ' + a.sample * 100 + '% sample'))
  )
}

/** Rules at the moment of the trigger event: properties, count, sequence, then the standing checks. */
export function atTrigger(survey: Survey, event: TouchEvent, history: History, ctx: Context): Decision {
  const t = survey.trigger!
  const trace = [step('trigger', true, '"' + event.name + '" seen')]
  const check = (name: string, pass: boolean, why: string) => (trace.push(step(name, pass, why)), pass)
  const failing = unmet(event.props, t.where)
  const n = t.count ? seen(history, { event: t.event, where: t.where, within: t.within }, ctx.now) + 1 : 0
  const before = t.after && seen(history, t.after, ctx.now)
  const show =
    (!t.where || check('where', !failing, failing ? failing + ' = ' + json(own(event.props, failing)) + ', wanted ' + json(t.where[failing]) : 'all properties match')) &&
    (!t.count || check('count', n >= t.count, n + ' of ' + t.count + (t.within == null ? '' : ' within ' + t.within))) &&
    (!t.after || check('after', !!before, '"' + t.after.event + '" ' + (before ? 'seen' : 'not seen') + window(t.after))) &&
    standing(survey, history, ctx, trace)
  return { survey, show, trace }
}

/**
 * The rules stage: pure, no DOM, no I/O. Given the compiled config, the event that just happened,
 * the remembered past events (not yet including this one) and the moment, returns a decision for
 * each survey the event triggers, highest priority first (ties: config order). An event no survey
 * listens to costs one map lookup.
 */
export function decide(p: Plan, event: TouchEvent, history: History, ctx: Context): Decision[] {
  const surveys = p.byEvent.get(event.name)
  if (!surveys) return []
  return surveys
    .map((s) => atTrigger(s, event, history, ctx))
    .sort((a, b) => (b.survey.priority || 0) - (a.survey.priority || 0))
}

/** When a survey's delay ends: the standing checks again (the customer may have done the thing it waits against). */
export function recheck(survey: Survey, history: History, ctx: Context): Decision {
  const trace = [step('delay', true, 'waited ' + survey.delay)]
  return { survey, show: standing(survey, history, ctx, trace), trace }
}

