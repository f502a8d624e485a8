import type { Config, Survey } from '../pure/config/types'
import type { History } from '../pure/journey/history'
import type { TrailEntry } from '../pure/journey/trail'
import { inSession } from '../pure/pacing/session'
import type { PacingState } from '../pure/pacing/state'
import type { Noted } from '../engine/present'
import type { Context } from '../pure/rules/context'
import type { Step } from '../pure/rules/trace'
import { dryRun } from './dry-run'
import type { Problem } from '../pure/validate/validate'
import { say } from './words'

/** One line of a trace: passed or not, in PM words. */
export interface Line {
  pass: boolean
  text: string
}

/** What the overlay says about one survey. */
export interface SurveyView {
  id: string
  /** shown, blocked (a step failed), waiting (for its trigger, its delay or the claim). */
  state: 'shown' | 'blocked' | 'waiting'
  headline: string
  /** The last real decision on this page, if any. */
  last?: { at: string; preview?: boolean; lines: Line[] }
  /** If its trigger fired now. */
  now: { title: string; lines: Line[] }
}

export interface View {
  surveys: SurveyView[]
  problems: Problem[]
  trail: string[]
  pacing: string[]
}

/** What the overlay reads, gathered by its caller so that this stays pure. */
export interface Input {
  config: Config
  decisions: Map<string, Noted>
  history: History
  trail: TrailEntry[]
  pacing: PacingState
  ctx: Context
  problems: Problem[]
}

/** Times on the overlay: UTC, like the dates in the pacing trace. */
export const clock = (at: number): string => new Date(at).toISOString().slice(11, 19) + ' UTC'
const day = (at: number): string => new Date(at).toISOString().slice(0, 16).replace('T', ' ') + ' UTC'

const lines = (trace: Step[]): Line[] => trace.map((s) => ({ pass: s.pass, text: say(s) }))

function surveyView(survey: Survey, input: Input): SurveyView {
  const { ctx, pacing, config } = input
  const event = survey.trigger?.event
  const dry = dryRun(survey, input.history, ctx, pacing, config.pacing)
  const dryFail = dry.find((s) => !s.pass)
  const now = {
    title: event ? 'If "' + event + '" fired now' : 'Right now',
    lines: lines(dry),
  }
  const noted = input.decisions.get(survey.id)
  if (!noted) {
    const would = dryFail ? 'if it fired now, not shown: ' + say(dryFail) : 'would show if it fired now'
    return {
      id: survey.id,
      state: 'waiting',
      headline: event ? 'trigger not seen yet: waiting for event "' + event + '"; ' + would : say(dry[0]!),
      now,
    }
  }
  const fail = noted.trace.find((s) => !s.pass)
  const end = noted.trace[noted.trace.length - 1]!
  const shown = end.step == 'shown'
  const headline = fail
    ? 'not shown: ' + say(fail)
    : shown
      ? (noted.preview ? 'shown as a preview, ' : '') + end.why
      : end.step == 'delay'
        ? 'qualified, ' + say(end)
        : 'qualified, deciding…'
  return {
    id: survey.id,
    state: fail ? 'blocked' : shown ? 'shown' : 'waiting',
    headline,
    last: { at: clock(noted.at), preview: noted.preview, lines: lines(noted.trace) },
    now,
  }
}

function pacingLines(config: Config, s: PacingState, now: number): string[] {
  const last = s.shows[s.shows.length - 1]
  const cooldown = last && (config.pacing?.cooldownDays || 0) * 864e5 + last
  const session = inSession(s, now, config.pacing?.sessionMinutes)
  const out = [
    'Surveys shown on this device: ' + s.shows.length + (last ? ', the last at ' + day(last) : ''),
    session ? 'Session since ' + day(s.start) + ': ' + s.shows.filter((t) => t >= s.start).length + ' shown in it' : 'No session going',
    cooldown && cooldown > now ? 'Cooldown until ' + day(cooldown) : 'No cooldown',
  ]
  for (const [id, m] of Object.entries(s.surveys)) {
    const marks = (['shown', 'answered', 'dismissed'] as const).filter((k) => m[k]).map((k) => k + ' ' + day(m[k]!))
    out.push(id + ': ' + [...marks, (m.responses || 0) + ' response(s)'].join(', '))
  }
  return out
}

/** Everything the overlay shows, as plain data: the view draws it, tests read it. */
export function model(input: Input): View {
  return {
    surveys: input.config.surveys.map((s) => surveyView(s, input)),
    problems: input.problems,
    trail: input.trail.slice(-10).map((e) => clock(e.at) + '  ' + e.event + (e.touchpoint ? ' (' + e.touchpoint + ')' : '')),
    pacing: pacingLines(input.config, input.pacing, input.ctx.now),
  }
}
