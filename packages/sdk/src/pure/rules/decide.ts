import type { PastEvent, Survey } from '../config/types'
import type { TouchEvent } from '../journey/event'
import { count, type History } from '../journey/history'
import { own, unmet } from './conditions'
import type { Context } from './context'
import { ms } from './duration'
import { glob } from './glob'
import type { Plan } from './plan'
import { bucket } from './sample'
import { step, type Reason, type Step, type StepName } from './trace'

/** A survey the event concerns, whether its rules let it show, and the trace of why. */
export interface Decision {
  survey: Survey
  show: boolean
  trace: Step[]
}

/** Start of a look-back window ending now; the whole remembered journey without `within`. */
const since = (now: number, within: PastEvent['within']) => (within == null ? -Infinity : now - ms(within))

const seen = (history: History, past: PastEvent, now: number) => count(history, past.event, past.where, since(now, past.within))

/** Adds a step to the trace; whether it passed. */
const check = (trace: Step[], name: StepName, pass: boolean, why: Reason) => (trace.push(step(name, pass, why)), pass)

/** The checks that hold at any moment: audience, schedule, sampling, and the trigger's negation. */
function standing(survey: Survey, history: History, ctx: Context, trace: Step[]): boolean {
  const a = survey.audience || {}
  const unless = survey.trigger?.unless
  const happened = unless && seen(history, unless, ctx.now)
  const missing = a.user && unmet(ctx.user, a.user)
  const { path } = ctx
  return (
    (!unless || check(trace, 'unless', !happened, { code: 'past', event: unless.event, seen: !!happened, within: unless.within })) &&
    (!a.urls ||
      check(
        trace,
        'urls',
        a.urls.some((p) => glob(p, path)),
        { code: 'urls', path, urls: a.urls },
      )) &&
    (!a.notUrls || check(trace, 'notUrls', !a.notUrls.some((p) => glob(p, path)), { code: 'notUrls', path, urls: a.notUrls })) &&
    (!a.device || check(trace, 'device', ([] as string[]).concat(a.device).includes(ctx.device), { code: 'device', device: ctx.device, allowed: a.device })) &&
    (!a.lang ||
      check(
        trace,
        'lang',
        a.lang.some((l) => ctx.lang.toLowerCase().startsWith(l.toLowerCase())),
        { code: 'lang', lang: ctx.lang, allowed: a.lang },
      )) &&
    (!a.user || check(trace, 'user', !missing, { code: 'user', missing, where: a.user })) &&
    (!a.from || check(trace, 'from', ctx.now >= Date.parse(a.from), { code: 'from', date: a.from })) &&
    (!a.until || check(trace, 'until', ctx.now < Date.parse(a.until) + (a.until.length === 10 ? 864e5 : 0), { code: 'until', date: a.until })) &&
    (a.sample == null || check(trace, 'sample', bucket(ctx.personId, survey.id) < a.sample, { code: 'sample', share: a.sample }))
  )
}

/** Rules at the moment of the trigger event: properties, count, sequence, then the standing checks. */
export function atTrigger(survey: Survey, event: TouchEvent, history: History, ctx: Context): Decision {
  const t = survey.trigger!
  const trace = [step('trigger', true, { code: 'trigger', event: event.name })]
  const failing = t.where && unmet(event.props, t.where)
  // The look-backs (count, sequence) only once the checks before them passed: the history is the
  // costly part of a decision, and a check that already failed ends it.
  let n: number, before: number
  const show =
    (!t.where ||
      check(
        trace,
        'where',
        !failing,
        failing ? { code: 'where', key: failing, value: own(event.props, failing), wanted: t.where[failing] } : { code: 'where' },
      )) &&
    (!t.count ||
      check(trace, 'count', (n = count(history, t.event, t.where, since(ctx.now, t.within)) + 1) >= t.count, {
        code: 'count',
        n,
        of: t.count,
        within: t.within,
      })) &&
    (!t.after ||
      check(trace, 'after', !!(before = seen(history, t.after, ctx.now)), { code: 'past', event: t.after.event, seen: !!before, within: t.after.within })) &&
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
  return surveys.map((s) => atTrigger(s, event, history, ctx)).sort((a, b) => (b.survey.priority || 0) - (a.survey.priority || 0))
}

/**
 * The contest on one event, whose decisions come highest priority first: a survey that qualified
 * after another already won (shown, or waiting for its delay) is not shown, and says who won. The
 * engine (engine/present.ts, judge) and the simulator (pure/simulate/replay.ts) both hold it.
 */
export const outranked = (d: Decision, winner: string): void => {
  d.show = false
  d.trace.push(step('priority', false, { code: 'priority', winner }))
}

/** When a survey's delay ends: the standing checks again (the customer may have done the thing it waits against). */
export function recheck(survey: Survey, history: History, ctx: Context): Decision {
  const trace = [step('delay', true, { code: 'waited', delay: survey.delay! })]
  return { survey, show: standing(survey, history, ctx, trace), trace }
}
