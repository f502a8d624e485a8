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

/** Interval methods in words, when the API's definitions do not name them. */
const METHODS = {
  wilson: 'Wilson score interval',
  'nps-trinomial-wald': 'interval for NPS from its three categories (promoters, passives, detractors)',
  t: 't interval of the mean',
  bootstrap: 'bootstrap percentile interval',
  newcombe: 'Newcombe interval of a difference of two shares',
}

/** @param {string} method @param {Record<string, string>} definitions */
export const method = (method, definitions) => definitions[method] || METHODS[/** @type {keyof typeof METHODS} */ (method)] || method

/**
 * The change line: "▲ +18 points, real change (95 % interval +9…+27)" or "No clear change".
 * @param {any} m a Metric @returns {{ real: boolean, better: boolean | null, text: string, detail: string }}
 */
export function change(m) {
  const c = m.change
  if (!c) return { real: false, better: null, text: 'No previous period to compare with', detail: '' }
  const against = `against ${period(c.baseline)} (${value(m, c.before.value)}, n = ${count(c.before.n)})`
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
  if (m.n === 0) return `No answers yet: ${count(p.needed)} needed for ${target}`
  if (p.needed > 0) return `${halfWidth(m, p.halfWidth)} now; ${count(p.needed)} more answers needed for ${target}`
  return `${halfWidth(m, p.halfWidth)}: precise enough (target ${target})`
}
