// How numbers read on the page: pure functions, no DOM. Minus signs are U+2212, intervals say
// their level, and no number appears without the n behind it.

const MINUS = '\u2212'
const nf = new Intl.NumberFormat('en-GB')

/** 1234 → "1,234". @param {number} n */
export const count = (n) => nf.format(n)

/** @param {number} v @param {number} digits */
function fixed(v, digits) {
  const s = Math.abs(v).toFixed(digits)
  // "-0" and "−0.0" read as a direction where there is none.
  return (v < 0 && Number(s) !== 0 ? MINUS : '') + s
}

/** @param {number} v @param {number} digits */
function signed(v, digits) {
  const s = fixed(v, digits)
  return v > 0 && Number(Math.abs(v).toFixed(digits)) !== 0 ? '+' + s : s
}

/** Digits a metric's numbers are shown with: one for means on a 1–7 scale, none for % and points. @param {{scale: {unit: string}}} m */
export const digits = (m) => (m.scale.unit === 'mean' ? 1 : 0)

/**
 * A value on the metric's own scale: "63 %", "+12", "5.2 / 7"; "–" when there is none.
 * @param {{scale: {unit: string, max: number}}} m @param {number | null | undefined} v
 */
export function value(m, v) {
  if (v === null || v === undefined) return '–'
  if (m.scale.unit === '%') return `${fixed(v, 0)} %`
  if (m.scale.unit === 'points') return signed(v, 0)
  return `${fixed(v, 1)} / ${m.scale.max}`
}

/** A bare value for intervals and tables: "63", "+12", "5.2". @param {{scale: {unit: string}}} m @param {number | null} v */
export function bare(m, v) {
  if (v === null || v === undefined) return '–'
  return m.scale.unit === 'points' ? signed(v, 0) : fixed(v, digits(m))
}

/** "56–68 %", "−4…+28", "4.9–5.5". @param {{scale: {unit: string}}} m @param {number | null} low @param {number | null} high */
export function interval(m, low, high) {
  if (low === null || high === null) return '–'
  if (m.scale.unit === 'points') return `${signed(low, 0)}…${signed(high, 0)}`
  const sep = low < 0 ? '…' : '–'
  return `${fixed(low, digits(m))}${sep}${fixed(high, digits(m))}${m.scale.unit === '%' ? ' %' : ''}`
}

/** A difference: "+18 points" (% and −100…100 scales), "+0.4" (means). @param {{scale: {unit: string}}} m @param {number} d */
export function difference(m, d) {
  return m.scale.unit === 'mean' ? signed(d, 1) : `${signed(d, 0)} points`
}

/** A difference's interval: "+9…+27". @param {{scale: {unit: string}}} m @param {number | null} low @param {number | null} high */
export function differenceInterval(m, low, high) {
  if (low === null || high === null) return '–'
  const d = m.scale.unit === 'mean' ? 1 : 0
  return `${signed(low, d)}…${signed(high, d)}`
}

/** Percentage points with sign, for lifts and biases: "+46 pp". @param {number | null} v */
export const pp = (v) => (v === null ? '–' : `${signed(v, 0)} pp`)

/** A share in %: "35 %". @param {number | null} v */
export const pct = (v) => (v === null ? '–' : `${fixed(v, 0)} %`)

/** An interval of a share or of pp: "+12…+40 pp" / "30–40 %". @param {number | null} low @param {number | null} high @param {'pp' | '%'} unit */
export function ppInterval(low, high, unit) {
  if (low === null || high === null) return '–'
  return unit === 'pp' ? `${signed(low, 0)}…${signed(high, 0)} pp` : `${fixed(low, 0)}–${fixed(high, 0)} %`
}

/** The good/fair/poor verdict in words with an icon, so colour is never the only carrier. */
export const TONES = {
  good: { icon: '✓', word: 'Good' },
  fair: { icon: '◐', word: 'Fair' },
  poor: { icon: '✗', word: 'Poor' },
  none: { icon: '…', word: 'Too few answers to judge' },
}

/**
 * The verdict to show. The API judges; the page only refuses to call a share of 0 % or a score at
 * the bottom of its scale "good", whatever it is told (the old page showed "CSAT 0 %" in green).
 * @param {{ tone: 'good' | 'fair' | 'poor' | null, value: number | null, scale: { min: number } }} m
 * @returns {'good' | 'fair' | 'poor' | 'none'}
 */
export function tone(m) {
  if (m.tone === null || m.value === null) return 'none'
  if (m.tone === 'good' && m.value <= m.scale.min) return 'poor'
  return m.tone
}

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })
const dayYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
const dayTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })

/** A half-open period [from, to) as the days it covers: "1 Nov – 28 Nov 2026". @param {{from: string, to: string}} p */
export function period(p) {
  const from = new Date(p.from)
  const last = new Date(Date.parse(p.to) - 1)
  return `${day.format(from)} – ${dayYear.format(last)}`
}

/** A trend step, short: "3 Nov". @param {string} iso */
export const shortDay = (iso) => day.format(new Date(iso))

/** When an answer arrived: "3 Nov 2026, 14:05 UTC". @param {string} iso */
export const when = (iso) => dayTime.format(new Date(iso)) + ' UTC'

/** Interval methods, named short beside the numbers (the API's definitions say them in full). */
const METHODS = {
  wilson: 'Wilson score interval',
  'bounded-wilson': 'conservative interval: one answer or no spread',
  'nps-adjusted-wald': 'adjusted Wald interval for NPS',
  'nps-trinomial-wald': 'interval for NPS from its three categories',
  t: 't interval',
  bootstrap: 'bootstrap interval',
  'newcombe-hybrid-score': 'Newcombe’s interval',
  newcombe: 'Newcombe’s interval',
  'nps-adjusted-wald-difference': 'adjusted Wald interval of the difference',
  welch: 'Welch’s t interval',
  mover: 'MOVER interval',
}

/** The short name of an interval method; its key when unknown. @param {string} key */
export const method = (key) => METHODS[/** @type {keyof typeof METHODS} */ (key)] ?? key

/** Titles for the API's definitions (their keys are code names). */
const TITLES = {
  csat: 'CSAT',
  nps: 'NPS',
  ces: 'Effort (CES)',
  goal: 'Goal reached',
  emotion: 'Emotional value',
  interval: '95 % intervals',
  change: 'Real change',
  tone: 'Good, fair, poor',
  targets: 'Targets',
  trend: 'Trends',
  precision: 'Answers needed',
  funnel: 'Response rate',
  dropoff: 'Drop-off',
  low: 'Low scores',
  rootCause: 'Root cause',
  nonResponse: 'Non-response bias',
  promptsPerPerson: 'Prompts per person',
  coverage: 'Coverage',
  diagnosticsFunnel: 'Why not shown',
  diagnosticsDevices: 'Devices reporting',
  diagnosticsSample: 'Sampled devices',
  diagnosticsEnough: 'Too few to read',
}

/** A definition's title: a known one, a method's name, else the key. @param {string} key */
export const definitionTitle = (key) =>
  TITLES[/** @type {keyof typeof TITLES} */ (key)] ?? (key in METHODS ? method(key)[0]?.toUpperCase() + method(key).slice(1) : key)

/**
 * The targets a tone is judged against: "good at 80 % or more, poor below 60 %".
 * @param {any} m a Metric (targets may be absent from older answers)
 */
export function targets(m) {
  if (!m.targets) return null
  return `Targets: good at ${value(m, m.targets.good)} or more, poor below ${value(m, m.targets.poor)}`
}

/**
 * The change line: "▲ +18 points, real change (95 % interval +9…+27)" or "No clear change".
 * @param {any} m a Metric @returns {{ real: boolean, better: boolean | null, text: string, detail: string }}
 */
export function change(m) {
  const c = m.change
  if (!c) return { real: false, better: null, text: 'No change to show: the period or its baseline has no answers', detail: '' }
  const against = `against ${period(c.baseline)} (${value(m, c.before.value)}, n = ${count(c.before.n)}; ${method(c.method)})`
  if (c.difference === null) return { real: false, better: null, text: 'No answers to compare with', detail: `in ${period(c.baseline)}` }
  const spread = `95 % interval ${differenceInterval(m, c.low, c.high)}`
  if (c.real) {
    const arrow = c.difference > 0 ? '▲' : '▼'
    const verdict = c.better === false ? 'real change for the worse' : c.better ? 'real change for the better' : 'real change'
    return { real: true, better: c.better, text: `${arrow} ${difference(m, c.difference)}, ${verdict} (${spread})`, detail: against }
  }
  return { real: false, better: null, text: `No clear change (${difference(m, c.difference)}, ${spread}: could be noise)`, detail: against }
}

/** An interval's half width: "±6 points", "±0.4". @param {{scale: {unit: string}}} m @param {number} v */
export const halfWidth = (m, v) => (m.scale.unit === 'mean' ? `±${v.toFixed(1)}` : `±${Math.round(v)} points`)

/**
 * How precise a metric is and how many answers it still needs for its target.
 * @param {any} m a Metric
 */
export function precision(m) {
  const p = m.precision
  const target = halfWidth(m, p.target)
  if (m.n === 0 || p.halfWidth === null) return `No answers yet: ${count(p.needed)} needed for ${target}`
  if (p.needed > 0) return `${halfWidth(m, p.halfWidth)} now; ${count(p.needed)} more answers needed for ${target}`
  return `${halfWidth(m, p.halfWidth)}: precise enough (target ${target})`
}
