// The numbers on the results page, computed from the config and the stored responses. Pure: no
// DOM, no I/O, so the tests run it in Node and the page runs the same file in the browser.

/** How each metric is computed, in words; shown next to every number. */
export const FORMULAS = {
  csat: 'CSAT = share of 4–5 answers on the 1–5 scale',
  nps: 'NPS = % promoters (9–10) − % detractors (0–6), −100…100',
  ces: 'CES = mean agreement on the 1–7 scale (7: it was easy)',
  emotion: 'Emotional value = mean of the chosen feelings’ weights, −100…100',
  goal: 'Goal reached = share of “yes” answers',
}

/** The weights the widget uses when a feeling question names no options (docs/widget.md). */
const BUILT_IN_FEELINGS = [
  { id: 'frustrated', weight: -100 },
  { id: 'disappointed', weight: -50 },
  { id: 'neutral', weight: 0 },
  { id: 'pleased', weight: 50 },
  { id: 'delighted', weight: 100 },
]

/** The scale a template fixes (docs/widget.md), for questions that name a template. */
const TEMPLATES = {
  csat: { metric: 'csat', from: 1, to: 5 },
  nps: { metric: 'nps', from: 0, to: 10 },
  effort: { metric: 'ces', from: 1, to: 7 },
  feeling: { metric: 'emotion' },
  goal: { metric: 'goal' },
}

/**
 * What a question measures: { metric, from, to } for ratings, { metric: 'emotion', options } for
 * feelings, { metric: 'goal' } for yes/no, or undefined (open text, choices: not a score).
 */
export function measureOf(question) {
  const template = TEMPLATES[question.template]
  if (template?.metric === 'emotion' || question.type === 'emotion')
    return { metric: 'emotion', options: question.options || BUILT_IN_FEELINGS }
  if (template) return template
  if (question.type === 'yesno') return { metric: 'goal' }
  if (question.type !== 'rating') return undefined
  const from = question.from ?? 1
  const to = question.scale ?? 5
  if (from === 0 && to === 10) return { metric: 'nps', from, to }
  if (from === 1 && to === 7) return { metric: 'ces', from, to }
  if (from === 1 && to === 5) return { metric: 'csat', from, to }
  return undefined
}

const round = (n, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits
const isNumber = (v) => typeof v === 'number' && Number.isFinite(v)

/** CSAT: the share (in %) of answers that are 4 or 5. */
export function csat(values) {
  const answers = values.filter(isNumber)
  const satisfied = answers.filter((v) => v >= 4).length
  return { n: answers.length, satisfied, score: answers.length ? round((100 * satisfied) / answers.length) : null }
}

/** NPS: % promoters (9–10) minus % detractors (0–6), from −100 to 100. */
export function nps(values) {
  const answers = values.filter(isNumber)
  const promoters = answers.filter((v) => v >= 9).length
  const detractors = answers.filter((v) => v <= 6).length
  const score = answers.length ? round((100 * (promoters - detractors)) / answers.length) : null
  return { n: answers.length, promoters, detractors, score: score === 0 ? 0 : score }
}

/** CES: the mean of the 1–7 answers, one decimal. */
export function ces(values) {
  const answers = values.filter(isNumber)
  return { n: answers.length, score: answers.length ? round(answers.reduce((a, b) => a + b, 0) / answers.length, 1) : null }
}

/** Emotional value: the mean weight of the chosen feelings, held to −100…100. */
export function emotionalValue(values) {
  const weights = values.filter((v) => v && isNumber(v.weight)).map((v) => Math.max(-100, Math.min(100, v.weight)))
  return { n: weights.length, score: weights.length ? round(weights.reduce((a, b) => a + b, 0) / weights.length) : null }
}

/** Goal reached: the share (in %) of yes answers. */
export function goalReached(values) {
  const answers = values.filter((v) => typeof v === 'boolean')
  const yes = answers.filter(Boolean).length
  return { n: answers.length, yes, score: answers.length ? round((100 * yes) / answers.length) : null }
}

const SCORERS = { csat, nps, ces, emotion: emotionalValue, goal: goalReached }

/** How many answers each point of the scale (or each feeling, or yes/no) got, in display order. */
export function distribution(measure, values) {
  const points =
    measure.metric === 'emotion'
      ? measure.options.map((o) => o.id)
      : measure.metric === 'goal'
        ? [true, false]
        : Array.from({ length: measure.to - measure.from + 1 }, (_, i) => measure.from + i)
  const key = (v) => (measure.metric === 'emotion' ? v?.id : v)
  const sample = (point) => (measure.metric === 'emotion' ? measure.options.find((o) => o.id === point) : point)
  return points.map((point) => ({
    label: point === true ? 'yes' : point === false ? 'no' : String(point),
    count: values.filter((v) => key(v) === point).length,
    tone: tone(measure, sample(point)),
  }))
}

/**
 * Per survey, in config order: its touchpoint (with owner) and, for every question that is a score,
 * the metric, its result and the distribution of the answers. Partial responses count: an answer
 * given is an answer, whether or not the customer finished the survey.
 */
/** Previews are a PM checking a survey, not a customer's answer: every number leaves them out. */
export const customersOnly = (responses) => responses.filter((r) => !r.preview)

export function summarise(config, responses) {
  const touchpoints = new Map((config.touchpoints || []).map((t) => [t.id, t]))
  return config.surveys.map((survey) => {
    const own = responses.filter((r) => r.survey_id === survey.id)
    const questions = []
    for (const question of survey.questions) {
      const measure = measureOf(question)
      if (!measure) continue
      const values = own.map((r) => r.answers[question.id]).filter((v) => v !== undefined && v !== null)
      questions.push({
        id: question.id,
        metric: measure.metric,
        result: SCORERS[measure.metric](values),
        distribution: distribution(measure, values),
      })
    }
    return { id: survey.id, touchpoint: touchpoints.get(survey.touchpoint) || null, responses: own.length, questions }
  })
}

/**
 * Where an answer sits on its scale, from 0 (the worst) to 1 (the best); undefined when it is
 * not a score. Lets a CSAT 1, an NPS 2 and a "frustrated" be ranked against each other.
 */
export function position(measure, value) {
  if (measure.metric === 'goal') return typeof value === 'boolean' ? Number(value) : undefined
  if (measure.metric === 'emotion') return value && isNumber(value.weight) ? (Math.max(-100, Math.min(100, value.weight)) + 100) / 200 : undefined
  return isNumber(value) ? (value - measure.from) / (measure.to - measure.from) : undefined
}

/** Low: CSAT 1–2, NPS 0–6 (a detractor), CES 1–3, a feeling with a negative weight, goal not reached. */
const isLow = (measure, value) => {
  if (measure.metric === 'nps') return value <= 6
  if (measure.metric === 'csat') return value <= 2
  if (measure.metric === 'ces') return value <= 3
  if (measure.metric === 'emotion') return value.weight < 0
  return value === false
}

/** 'low', 'mid' or 'high': how the results page colours an answer (low as in lowestScores). */
export function tone(measure, value) {
  if (isLow(measure, value)) return 'low'
  if (measure.metric === 'nps') return value >= 9 ? 'high' : 'mid'
  if (measure.metric === 'csat') return value >= 4 ? 'high' : 'mid'
  if (measure.metric === 'ces') return value >= 5 ? 'high' : 'mid'
  if (measure.metric === 'emotion') return value.weight > 0 ? 'high' : 'mid'
  return 'high'
}

/**
 * The responses with a low score (CSAT 1–2, NPS 0–6, CES 1–3, a negative feeling, goal not
 * reached), worst first, each with its worst answer and the journey trail that preceded it.
 */
export function lowestScores(config, responses, limit = 5) {
  const surveys = new Map(config.surveys.map((s) => [s.id, s]))
  const low = []
  for (const response of responses) {
    let worst
    for (const question of surveys.get(response.survey_id)?.questions || []) {
      const measure = measureOf(question)
      const value = response.answers[question.id]
      const at = measure && position(measure, value)
      if (at === undefined || !isLow(measure, value)) continue
      if (!worst || at < worst.position) worst = { questionId: question.id, metric: measure.metric, value, position: at }
    }
    if (worst) low.push({ ...worst, response })
  }
  // Worst first; between equals, the most recent first: that is where an owner looks.
  low.sort((a, b) => a.position - b.position || b.response.started_at.localeCompare(a.response.started_at))
  return low.slice(0, limit)
}

/** The worst answer of each survey (so of each touchpoint and owner), from lowestScores' list. */
export function worstPerSurvey(low) {
  const seen = new Set()
  return low.filter(({ response }) => !seen.has(response.survey_id) && seen.add(response.survey_id))
}

/**
 * The root-cause view: for each event seen in the trails, in how many trails before a low score and
 * in how many before the other answers it appears (once per trail). Sorted by how much more often it
 * precedes a low score, so "payment.failed" rises above "order.completed", which precedes them all.
 */
export function eventsBeforeLowScores(config, responses) {
  const low = new Set(lowestScores(config, responses, Infinity).map((l) => l.response))
  const others = responses.filter((r) => !low.has(r))
  const counts = new Map()
  const count = (list, key) => {
    for (const response of list)
      // The same event at another touchpoint (a page view of the help centre, of the shop) is another step.
      for (const step of new Map((response.trail || []).map((s) => [s.event + '@' + s.touchpoint, s])).values()) {
        const id = step.event + '@' + step.touchpoint
        const entry = counts.get(id) || { event: step.event, touchpoint: step.touchpoint ?? null, low: 0, others: 0 }
        entry[key]++
        counts.set(id, entry)
      }
  }
  count(low, 'low')
  count(others, 'others')
  const share = (n, of) => (of ? n / of : 0)
  const lift = (e) => share(e.low, low.size) - share(e.others, others.length)
  return {
    lowCount: low.size,
    otherCount: others.length,
    events: [...counts.values()].filter((e) => e.low > 0).sort((a, b) => lift(b) - lift(a) || a.event.localeCompare(b.event)),
  }
}

/** Monday 00:00 UTC of the calendar week an ISO time falls in, as YYYY-MM-DD. */
export function weekOf(iso) {
  const day = new Date(iso.slice(0, 10) + 'T00:00:00Z')
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7))
  return day.toISOString().slice(0, 10)
}

/** Fewer answers than this in a week: the results page draws the point hollow, as a hint of noise. */
export const FEW = 5

/**
 * The score over time: for every score question of every survey, the same metric computed over
 * the answers of each calendar week (Monday–Sunday, UTC, by when the answer was started). All
 * surveys share one axis, every week from the first answer's to the last's, so a week without
 * answers is a gap (score null, n 0) rather than a missing point. Returns
 * { weeks: ['2026-10-12', …], surveys: { [surveyId]: { [questionId]: [{ week, n, score }] } } }.
 */
export function scoresByWeek(config, responses) {
  const dated = responses.filter((r) => typeof r.started_at === 'string')
  const known = [...new Set(dated.map((r) => weekOf(r.started_at)))].sort()
  const weeks = []
  if (known.length)
    for (let week = known[0]; week <= known.at(-1); ) {
      weeks.push(week)
      const next = new Date(week + 'T00:00:00Z')
      next.setUTCDate(next.getUTCDate() + 7)
      week = next.toISOString().slice(0, 10)
    }
  const surveys = {}
  for (const survey of config.surveys) {
    const own = dated.filter((r) => r.survey_id === survey.id)
    surveys[survey.id] = {}
    for (const question of survey.questions) {
      const measure = measureOf(question)
      if (!measure) continue
      surveys[survey.id][question.id] = weeks.map((week) => {
        const values = own
          .filter((r) => weekOf(r.started_at) === week)
          .map((r) => r.answers[question.id])
          .filter((v) => v !== undefined && v !== null)
        const { n, score } = SCORERS[measure.metric](values)
        return { week, n, score }
      })
    }
  }
  return { weeks, surveys }
}

/** The range a metric's score can take, for a chart's axis. */
export const RANGES = { csat: [0, 100], goal: [0, 100], nps: [-100, 100], emotion: [-100, 100], ces: [1, 7] }
