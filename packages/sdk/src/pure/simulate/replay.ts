import type { Config, Survey } from '../config/types'
import { touchEvent } from '../journey/event'
import { remember, type History } from '../journey/history'
import { touch } from '../pacing/session'
import { freshPacing, mark, type PacingState } from '../pacing/state'
import { take } from '../pacing/take'
import type { Context } from '../rules/context'
import { decide, outranked, recheck, type Decision } from '../rules/decide'
import { ms } from '../rules/duration'
import { plan, type Plan } from '../rules/plan'
import { bucket } from '../rules/sample'
import type { Reason } from '../rules/trace'
import type { JourneyEvent } from './journeys'

export const DAY = 864e5
export const WEEK = 7 * DAY

/** One prompt the replay showed. */
export interface Prompt {
  person: string
  survey: string
  at: number
  /** The simulated outcome: answered, or closed without an answer ("not now", ×). */
  answered: boolean
}

/** What the replay counted about one survey. */
export interface SurveyTally {
  /** Decisions: its trigger event was seen. */
  triggered: number
  /** Its rules held (audience, schedule, sample, sequence…), before priority and pacing. */
  qualified: number
  prompts: number
  /** Distinct people prompted. */
  people: number
  /** Simulated answers (`answers()`): what pacing saw; the forecast's expectations use the rate itself. */
  answered: number
  /** Why a qualified decision did not show, by reason code (`priority`, pacing codes, `left`). */
  refused: Record<string, number>
  /** Refusals caused by another survey: reason code, then that survey's id, then times. */
  blockedBy: Record<string, Record<string, number>>
  /** Refusals by a group's cooldown, by group name. */
  groups: Record<string, number>
  /** Over the person-weeks in which the person was active: how many had 0, 1, 2… prompts of it. */
  weeks: number[]
}

/** Everything a replay counted; the forecast (./forecast.ts) reads it. */
export interface Tally {
  people: number
  events: number
  /** The first and last moment of the journeys (epoch ms). */
  from: number
  to: number
  surveys: Record<string, SurveyTally>
  /** Over active person-weeks: how many had 0, 1, 2… prompts of any survey. */
  weeks: number[]
  /** Distinct people prompted by any survey. */
  prompted: number
  /** Every prompt in order per person, when `keepPrompts` was asked for (the agreement test, `--prompts`). */
  prompts?: Prompt[]
}

export interface ReplayOptions {
  /** Share of prompts answered (the rest are closed without an answer). Default 0.25. */
  responseRate?: number
  /** Start of week 0 (epoch ms); default the first event. */
  start?: number
  keepPrompts?: boolean
}

/**
 * Whether the person answers the prompt of `survey` shown at `at`: a fixed draw per person, survey
 * and moment, so a replay is reproducible and a browser can be told the same outcome.
 */
export const answers = (person: string, survey: string, at: number, rate: number): boolean => bucket(person + '@' + at, survey) < rate

const emptySurvey = (): SurveyTally => ({ triggered: 0, qualified: 0, prompts: 0, people: 0, answered: 0, refused: {}, blockedBy: {}, groups: {}, weeks: [] })

const add = (histogram: number[], k: number, n = 1) => {
  for (let i = histogram.length; i <= k; i++) histogram.push(0)
  histogram[k]! += n
}

/**
 * Replays journeys through the browser's own stages, per person across sessions and days with a
 * simulated clock (the events' times): the rules (`decide`, `recheck` after a delay), the contest on
 * each event (`outranked`), the session (`touch`), pacing and its mark (`take`, `mark`) and the
 * history rules look back on (`remember`), in the order the core and the engine run them
 * (core/runtime.ts onEvent, engine/present.ts judge). Tabs are one person: they share one state.
 *
 * What the browser would add and this leaves out: a prompt is closed at once (answered at
 * `responseRate`, else dismissed), so "another prompt is open" never happens; a page left is seen
 * only when the person's next event has another path (a delay is cancelled then); the page is never
 * hidden. An SPA navigation while the engine loads cannot happen either.
 */
export class Replay {
  readonly plan: Plan
  readonly tally: Tally
  private readonly rate: number
  private readonly start: number | undefined
  private readonly lang: string

  constructor(
    readonly config: Config,
    private readonly options: ReplayOptions = {},
  ) {
    this.plan = plan(config)
    this.rate = options.responseRate ?? 0.25
    this.start = options.start
    this.lang = config.lang || 'en'
    const surveys: Record<string, SurveyTally> = {}
    for (const s of config.surveys) surveys[s.id] = emptySurvey()
    this.tally = { people: 0, events: 0, from: Infinity, to: -Infinity, surveys, weeks: [], prompted: 0, ...(options.keepPrompts ? { prompts: [] } : {}) }
  }

  /** Replays one person's events, oldest first (`byPerson` sorts them). */
  person(person: string, events: JourneyEvent[]): void {
    if (!events.length) return
    const { config, plan, tally, rate, lang } = this
    const pacing = config.pacing
    const start = this.start ?? events[0]!.at
    const state: PacingState = freshPacing()
    state.samplingId = person
    const history: History = {}
    const delayed: { survey: Survey; path: string; at: number }[] = []
    let path = '/'
    let device: Context['device'] = 'desktop'
    let language = lang
    let user: Record<string, unknown> = {}
    let lastShown: string | undefined
    // Per week of this person: prompts by survey id, and "" for all surveys.
    const weeks = new Map<number, Map<string, number>>()
    const prompted = new Set<string>()
    const ctx = (now: number): Context => ({ now, path, device, lang: language, user, personId: person })
    const week = (at: number) => Math.floor((at - start) / WEEK)

    /** Who made a refusal: another survey, for the reasons that are about other surveys. */
    const blocker = (r: Reason): string | undefined => {
      if (r.code === 'priority') return r.winner
      if (r.code === 'spacing') return r.after
      if (r.code === 'cooldown' || r.code === 'maxPerSession' || r.code === 'maxPer') return lastShown
      if (r.code === 'group') {
        const members = pacing?.groups?.[r.group]?.surveys || []
        let last: string | undefined
        for (const id of members) if ((state.surveys[id]?.shown || 0) > (state.surveys[last!]?.shown || 0)) last = id
        return last
      }
    }
    const refuse = (survey: Survey, r: Reason) => {
      const t = tally.surveys[survey.id]!
      t.refused[r.code] = (t.refused[r.code] || 0) + 1
      if (r.code === 'group') t.groups[r.group] = (t.groups[r.group] || 0) + 1
      const by = blocker(r)
      if (by !== undefined && by !== survey.id) {
        const codes = (t.blockedBy[r.code] ||= {})
        codes[by] = (codes[by] || 0) + 1
      }
    }
    /** Pacing and, when it allows, the prompt: shown, then answered or closed. */
    const attempt = (survey: Survey, now: number): boolean => {
      const verdict = take(survey, state, now, pacing)
      if (!verdict.pass) return (refuse(survey, verdict.why), false)
      const t = tally.surveys[survey.id]!
      const answered = answers(person, survey.id, now, rate)
      mark(state, survey.id, answered ? 'answered' : 'dismissed', now)
      t.prompts++
      if (answered) t.answered++
      if (!prompted.has(survey.id)) prompted.add(survey.id), t.people++
      const counts = weeks.get(week(now)) || new Map<string, number>()
      weeks.set(week(now), counts)
      counts.set(survey.id, (counts.get(survey.id) || 0) + 1)
      counts.set('', (counts.get('') || 0) + 1)
      lastShown = survey.id
      tally.prompts?.push({ person, survey: survey.id, at: now, answered })
      return true
    }
    /** The delays that ended by `until`, in order: the page must still be the same, then the standing rules again. */
    const due = (until: number) => {
      while (delayed.length && delayed[0]!.at <= until) {
        const { survey, path: where, at } = delayed.shift()!
        if (where !== path) refuse(survey, { code: 'left', path: where })
        else {
          const d = recheck(survey, history, ctx(at))
          if (d.show) attempt(survey, at)
          else refuse(survey, d.trace.find((s) => !s.pass)!.why)
        }
      }
    }

    tally.people++
    for (const e of events) {
      due(e.at)
      tally.events++
      if (e.at < tally.from) tally.from = e.at
      if (e.at > tally.to) tally.to = e.at
      if (e.path !== undefined) path = e.path
      if (e.device !== undefined) device = e.device
      if (e.lang !== undefined) language = e.lang
      if (e.user !== undefined) user = e.user
      if (!weeks.has(week(e.at))) weeks.set(week(e.at), new Map())
      touch(state, e.at, pacing?.sessionMinutes)
      if (plan.byEvent.has(e.event)) {
        const event = touchEvent(e.event, e.props, e.at)
        this.contest(decide(plan, event, history, ctx(e.at)), e.at, path, delayed, attempt, refuse)
        remember(history, event, plan.watched)
      } else if (plan.watched.has(e.event)) remember(history, touchEvent(e.event, e.props, e.at), plan.watched)
    }
    due(Infinity)

    if (prompted.size) tally.prompted++
    for (const counts of weeks.values()) {
      add(tally.weeks, counts.get('') || 0)
      for (const id in tally.surveys) add(tally.surveys[id]!.weeks, counts.get(id) || 0)
    }
  }

  /**
   * The decisions on one event, highest priority first, as the engine's judge takes them: the
   * first that qualifies and passes pacing shows, or starts its delay; a later one is outranked.
   */
  private contest(
    decisions: Decision[],
    now: number,
    path: string,
    delayed: { survey: Survey; path: string; at: number }[],
    attempt: (s: Survey, now: number) => boolean,
    refuse: (s: Survey, r: Reason) => void,
  ): void {
    let winner: string | undefined
    for (const d of decisions) {
      const t = this.tally.surveys[d.survey.id]!
      t.triggered++
      if (d.show) t.qualified++
      if (winner && d.show) outranked(d, winner), refuse(d.survey, d.trace[d.trace.length - 1]!.why)
      if (!d.show) continue
      if (d.survey.delay) {
        const at = now + ms(d.survey.delay)
        const i = delayed.findIndex((x) => x.at > at)
        delayed.splice(i < 0 ? delayed.length : i, 0, { survey: d.survey, path, at })
        winner = d.survey.id
      } else if (attempt(d.survey, now)) winner = d.survey.id
    }
  }
}

/** Replays every person; the journeys as `byPerson` groups them. */
export function replay(config: Config, people: Iterable<[string, JourneyEvent[]]>, options?: ReplayOptions): Tally {
  const r = new Replay(config, options)
  for (const [person, events] of people) r.person(person, events)
  return r.tally
}
