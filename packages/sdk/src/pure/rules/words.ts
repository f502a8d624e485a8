import { small } from '../journey/event'
import type { Code, Reason, Step, StepName } from './trace'

/**
 * The one place where reasons become words: `why` for the debug log (the engine bundles it) and
 * the simulator, `say` for the debug panel (only the panel bundles it). A reason is data
 * (./trace.ts); rewording here changes every place at once, and nothing parses words back.
 */

/** For words only: a value JSON cannot write (BigInt, a cycle, 10,000 levels) must not stop anything. */
const json = (v: unknown): string => {
  try {
    return JSON.stringify(v, small)
  } catch {
    return String(typeof v)
  }
}

/** A moment, in UTC to the minute: "2026-12-07 14:30 UTC". */
export const date = (at: number): string => new Date(at).toISOString().slice(0, 16).replace('T', ' ') + ' UTC'

const window = (within?: string | number) => (within == null ? '' : ' within ' + within)
const until = (what: string) => (r: { until: number }) => what + ' until ' + date(r.until)

type Words = { [C in Code]: (r: Reason & { code: C }) => string }

const WHY: Words = {
  trigger: (r) => '"' + r.event + '" seen',
  where: (r) => (r.key == null ? 'all properties match' : r.key + ' = ' + json(r.value) + ', wanted ' + json(r.wanted)),
  count: (r) => r.n + ' of ' + r.of + window(r.within),
  past: (r) => '"' + r.event + '" ' + (r.seen ? 'seen' : 'not seen') + window(r.within),
  urls: (r) => r.path + ' in ' + json(r.urls),
  notUrls: (r) => r.path + ' not in ' + json(r.urls),
  device: (r) => r.device + ' in ' + json(r.allowed),
  lang: (r) => r.lang + ' in ' + json(r.allowed),
  user: (r) => (r.missing || 'all') + ' of ' + json(r.where) + (r.missing ? ' not met' : ' met'),
  from: (r) => 'from ' + r.date,
  until: (r) => 'until ' + r.date,
  sample: (r) => 'person in the ' + r.share * 100 + '% sample',
  waited: (r) => 'waited ' + r.delay,
  waiting: (r) => 'waiting ' + r.delay,
  assumed: (r) => '"' + r.event + '" assumed to fire now',
  propsLater: (r) => 'its properties must be ' + json(r.where),
  noTrigger: () => 'no trigger: only show() or a preview shows it',
  allowed: () => 'allowed',
  answered: () => 'answered',
  maxResponses: () => 'maxResponses reached',
  maxPerSession: () => 'maxPerSession reached',
  otherTab: () => 'a prompt is open in another tab',
  preview: () => 'not counted: a preview',
  showCalled: () => 'forced by show()',
  once: (r) => 'shown once already, on ' + date(r.at),
  snoozed: until('snoozed'),
  everyDays: until('everyDays'),
  cooldown: until('cooldown'),
  maxPer: until('maxPer'),
  group: (r) => 'group "' + r.group + '" until ' + date(r.until),
  spacing: (r) => '"' + r.after + '" shown lately, spacing until ' + date(r.until),
  error: (r) => r.message,
  priority: (r) => '"' + r.winner + '" had priority',
  reset: () => 'reset or consent withdrawn meanwhile',
  promptOpen: () => 'another prompt is open',
  hidden: () => 'the page is hidden',
  closed: () => 'closed meanwhile',
  noTarget: () => 'no target',
  left: (r) => 'the customer left ' + r.path,
  forced: (r) => (r.preview ? 'a preview' : 'show()'),
  shown: (r) => 'shown at ' + new Date(r.at).toISOString().slice(11, 19) + ' UTC',
}

/** A reason in a few words, e.g. "cooldown until 2026-12-07 14:30 UTC": the debug log's and the simulator's. */
export const why = (r: Reason): string => (WHY[r.code] as (r: Reason) => string)(r)

/**
 * The rule behind a refusal code, in a few words, for summaries that count refusals (the simulator's
 * "rules that bind"); `why` says one refusal with its details.
 */
export const RULES: Partial<Record<Code, string>> = {
  once: 'frequency "once": shown before',
  answered: 'frequency "untilAnswered": answered',
  snoozed: 'snoozeDays after a dismiss',
  everyDays: 'frequency everyDays',
  maxResponses: 'maxResponses',
  spacing: 'spacingDays after another survey',
  group: "a group's cooldownDays",
  cooldown: 'the shared cooldownDays',
  maxPerSession: 'maxPerSession',
  maxPer: 'maxPer',
  priority: 'another survey had priority',
  left: 'page left during the delay',
  past: 'unless, seen during the delay',
}

/** A step as the debug log prints it: its data worded, `{ step: 'pacing', pass: false, why: 'cooldown until …' }`. */
export const worded = (s: Step): { step: StepName; pass: boolean; why: string } => ({ step: s.step, pass: s.pass, why: why(s.why) })

/** One line a PM can read of a decision: the verdict, then each step with ✓ or ✗ and why. */
export const explain = (d: { show: boolean; trace: Step[] }): string =>
  (d.show ? 'qualifies: ' : 'not shown: ') + d.trace.map((s) => (s.pass ? '✓ ' : '✗ ') + s.step + ' (' + why(s.why) + ')').join(', ')

type Sentence = (words: string, r: any) => string

/** Each refusal as the debug panel says it, in words a PM can act on; `why` fills in the details. */
const NO: { [N in StepName]?: Sentence } = {
  trigger: (w) => w,
  where: (w) => "the event's properties do not match: " + w,
  count: (_, r) => 'the trigger happened ' + r.n + ' of the ' + r.of + ' times needed' + window(r.within),
  after: (w) => 'needs an earlier event first: ' + w,
  unless: (w) => 'cancelled by another event: ' + w,
  urls: (w) => 'this page is not in its audience: ' + w,
  notUrls: (_, r) => 'this page is excluded: ' + r.path + ' in ' + json(r.urls),
  device: (_, r) => 'device not in its audience: ' + r.device + ' not in ' + json(r.allowed),
  lang: (_, r) => 'language not in its audience: ' + r.lang + ' not in ' + json(r.allowed),
  user: (w) => 'the customer is not in its audience: ' + w,
  from: (w) => 'schedule: not started yet (' + w + ')',
  until: (w) => 'schedule: over (' + w + ')',
  sample: (_, r) => 'not in the ' + r.share * 100 + ' % sample',
  pacing: (w) => 'pacing: ' + w,
  priority: (_, r) => 'another survey had priority: "' + r.winner + '"',
  prompt: () => 'another prompt was open on this page',
  page: (w, r) => (r.code === 'hidden' ? 'the page was hidden (another tab in front)' : w),
  target: () => 'its target element is not on this page',
}

/** Passed steps, when plain words read better than the log's. */
const YES: { [N in StepName]?: Sentence } = {
  trigger: (w) => 'trigger: ' + w,
  sample: (_, r) => 'in the ' + r.share * 100 + ' % sample',
  pacing: (w) => 'pacing: ' + w,
  delay: (w) => 'delay: ' + w,
  forced: (w) => 'forced by ' + w + ', whatever the rules say',
}

/** One step of a decision as the debug panel shows it. */
export const say = (s: Step): string => {
  const w = why(s.why)
  return (s.pass ? YES : NO)[s.step]?.(w, s.why) ?? s.step + ': ' + w
}
