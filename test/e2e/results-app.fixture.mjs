// @ts-check
// A TEST FIXTURE FOR THE RESULTS APP'S UI ONLY: a small server that serves packages/collector/app/
// and uPlot the way the collector will (at /app/, under the collector's CSP), checks a bearer
// token, and answers GET /api/scorecards and /api/texts with Scorecards built by hand here,
// following packages/collector/src/scorecards/contract.ts. Nothing here is computed from records:
// the numbers are chosen to exercise the page (a real change at the checkout, noise elsewhere, an
// under-covered stage, greyed trend steps, an owner's token that sees one touchpoint). The real
// API is the collector's (branches collector, scoreapi, stats); once it exists the e2e should
// run against it and the demo's seed instead (see docs/demo.md).
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/** @typedef {import('../../packages/collector/src/scorecards/contract').Scorecards} Scorecards */
/** @typedef {import('../../packages/collector/src/scorecards/contract').Metric} Metric */
/** @typedef {import('../../packages/collector/src/scorecards/contract').TouchpointScorecard} TouchpointScorecard */
/** @typedef {import('../../packages/collector/src/scorecards/contract').OpenText} OpenText */

const APP = fileURLToPath(new URL('../../packages/collector/app/', import.meta.url))
const UPLOT = join(createRequire(import.meta.url).resolve('uplot/package.json'), '..', 'dist')
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' }
const DAY = 86_400_000

/** The demo's server config: its tokens (demo tokens, public, not secrets) and its event labels. */
const DEMO = JSON.parse(readFileSync(new URL('../../demo/collector.json', import.meta.url), 'utf8'))
/** @type {Record<string, { role: 'admin' } | { role: 'owner', owner: string }>} */
const ACCESS = Object.fromEntries([[DEMO.adminToken, { role: 'admin' }], ...DEMO.tokens.map((/** @type {any} */ t) => [t.token, { role: 'owner', owner: t.owner }])])
export const TOKENS = {
  admin: DEMO.adminToken,
  webShop: DEMO.tokens.find((/** @type {any} */ t) => t.owner === 'Web shop team').token,
}

const TOUCHPOINTS = [
  { id: 'checkout', name: 'Web shop checkout', owner: 'Web shop team', stage: 'buy', channel: 'web', surveys: ['csat-order'], paths: ['/', '/fi/'] },
  { id: 'payment', name: 'Card payment', owner: 'Payments team', stage: 'buy', channel: 'web', surveys: [], paths: [] },
  { id: 'help-centre', name: 'Help centre', owner: 'Support', stage: 'get help', channel: 'web', surveys: ['goal-help'], paths: ['/help.html', '/fi/help.html'] },
  { id: 'moving', name: 'Moving home', owner: 'Customer service', stage: 'use', channel: 'web', surveys: ['ces-move'], paths: ['/move.html', '/fi/move.html'] },
  { id: 'invoices', name: 'Invoices', owner: 'Billing team', stage: 'use', channel: 'web', surveys: ['nps-invoice'], paths: ['/invoices.html', '/fi/invoices.html'] },
]

/** @type {Record<string, string>} */
const LABELS = DEMO.labels

const META = {
  csat: { label: 'CSAT', formula: 'CSAT = share of 4–5 answers on the 1–5 scale, in %', scale: { min: 0, max: 100, unit: '%' }, method: 'wilson', target: 10 },
  goal: { label: 'Goal reached', formula: 'Goal reached = share of "yes" answers, in %', scale: { min: 0, max: 100, unit: '%' }, method: 'wilson', target: 10 },
  nps: { label: 'NPS', formula: 'NPS = % promoters (9–10) − % detractors (0–6), −100…100', scale: { min: -100, max: 100, unit: 'points' }, method: 'nps-adjusted-wald', target: 10 },
  ces: { label: 'Effort (CES)', formula: 'CES = mean agreement on the 1–7 scale ("…made it easy for me…"; 7: it was easy)', scale: { min: 1, max: 7, unit: 'mean' }, method: 't', target: 0.6 },
  emotion: { label: 'Emotional value', formula: 'Emotional value = mean weight of the chosen feelings, −100…100', scale: { min: -100, max: 100, unit: 'points' }, method: 't', target: 10 },
}

/**
 * What each metric is, per 28 days, now and before. `after`: the level since the card gateway was
 * fixed 28 days ago (only the checkout moves); `sd`: the spread of one answer (for means and NPS).
 */
const TRUTH = [
  { touchpoint: 'checkout', metric: 'csat', perDay: 8.5, before: 63, after: 81, fi: -5 },
  { touchpoint: 'help-centre', metric: 'goal', perDay: 5.6, before: 70, after: 72, fi: -3 },
  { touchpoint: 'help-centre', metric: 'emotion', perDay: 5.6, before: 24, after: 21, sd: 55, fi: 4 },
  { touchpoint: 'moving', metric: 'ces', perDay: 0.7, before: 4.8, after: 4.6, sd: 1.7, fi: -0.2 },
  { touchpoint: 'invoices', metric: 'nps', perDay: 4.2, before: 11, after: 14, sd: 80, fi: -6 },
]

/** mulberry32: the fixture's noise is the same on every run (screenshots do not change by chance). */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const Z = 1.959964
/** @param {number} p share 0–1 @param {number} n */
function wilson(p, n) {
  const d = 1 + (Z * Z) / n
  const c = (p + (Z * Z) / (2 * n)) / d
  const w = (Z * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n))) / d
  return [Math.max(0, c - w), Math.min(1, c + w)]
}

/** An estimate of one metric at level `v` on n answers, with its interval. */
function estimate(/** @type {keyof typeof META} */ name, /** @type {number} */ v, /** @type {number} */ n, /** @type {number} */ sd = 0) {
  const meta = META[name]
  if (n === 0) return { value: null, n, low: null, high: null, method: meta.method }
  if (meta.scale.unit === '%') {
    const [lo, hi] = wilson(v / 100, n)
    return { value: round(v), n, low: round(100 * lo), high: round(100 * hi), method: meta.method }
  }
  const half = (Z * sd) / Math.sqrt(n)
  const clamp = (/** @type {number} */ x) => Math.min(meta.scale.max, Math.max(meta.scale.min, x))
  return { value: round(v), n, low: round(clamp(v - half)), high: round(clamp(v + half)), method: meta.method }
}
const round = (/** @type {number} */ x) => Math.round(x * 10) / 10
/** The standard error of one estimate, on its scale. */
const se = (/** @type {{value: number|null, n: number, low: number|null, high: number|null}} */ e) => (e.high === null || e.low === null ? 0 : (e.high - e.low) / (2 * Z))

/** Answers needed for a half width of `target`. */
function needed(/** @type {keyof typeof META} */ name, /** @type {number} */ v, /** @type {number} */ n, /** @type {number} */ sd = 0) {
  const meta = META[name]
  const spread = meta.scale.unit === '%' ? Math.sqrt((v / 100) * (1 - v / 100)) * 100 : sd
  const want = Math.ceil(((Z * Math.max(spread, 1)) / meta.target) ** 2)
  const half = n ? (Z * spread) / Math.sqrt(n) : meta.scale.max - meta.scale.min
  return { halfWidth: round(half), target: meta.target, needed: Math.max(0, want - n) }
}

/**
 * The level of a metric over [from, to): the mean of its daily levels, the fix 28 days before `now`.
 * @param {(typeof TRUTH)[number]} t @param {number} from @param {number} to @param {number} fixedAt @param {string} lang
 */
function level(t, from, to, fixedAt, lang) {
  const days = Math.max(1, Math.round((to - from) / DAY))
  let sum = 0
  for (let d = 0; d < days; d++) sum += from + d * DAY >= fixedAt ? t.after : t.before
  return sum / days + (lang === 'fi' ? t.fi : 0)
}

/**
 * One metric of one touchpoint for the request: now, before, the change, the trend.
 * @returns {Metric}
 */
function metric(/** @type {(typeof TRUTH)[number]} */ t, /** @type {any} */ q, /** @type {number} */ share) {
  const name = /** @type {keyof typeof META} */ (t.metric)
  const meta = META[name]
  const rnd = random(q.seed + name.length * 31 + t.touchpoint.length)
  const noisy = (/** @type {number} */ v, /** @type {number} */ n, amount = 1) => {
    if (!n) return v
    const s = meta.scale.unit === '%' ? Math.sqrt((v / 100) * (1 - v / 100)) * 100 : t.sd ?? 0
    return Math.min(meta.scale.max, Math.max(meta.scale.min, v + ((rnd() + rnd() + rnd() - 1.5) * 2 * amount * s) / Math.sqrt(n)))
  }
  const nOf = (/** @type {number} */ from, /** @type {number} */ to) => Math.round((t.perDay * share * (to - from)) / DAY)
  const n = nOf(q.from, q.to)
  const nb = nOf(q.baseFrom, q.baseTo)
  // The periods' own noise is kept small, so only the checkout's fix reads as a real change.
  const now = estimate(name, noisy(level(t, q.from, q.to, q.fixedAt, q.lang), n, 0.3), n, t.sd)
  const before = estimate(name, noisy(level(t, q.baseFrom, q.baseTo, q.fixedAt, q.lang), nb, 0.3), nb, t.sd)
  let change = null
  if (now.value !== null && before.value !== null) {
    const d = now.value - before.value
    const s = Math.sqrt(se(now) ** 2 + se(before) ** 2)
    const low = round(d - Z * s)
    const high = round(d + Z * s)
    const real = low > 0 || high < 0
    change = { baseline: { from: iso(q.baseFrom), to: iso(q.baseTo) }, before, difference: round(d), low, high, method: meta.scale.unit === '%' ? 'newcombe-hybrid-score' : name === 'nps' ? 'nps-adjusted-wald-difference' : 'welch', real, better: real ? d > 0 : null }
  }
  const step = q.to - q.from > 14 * DAY ? 7 * DAY : DAY
  const trend = []
  for (let a = q.from; a < q.to; a += step) {
    const b = Math.min(q.to, a + step)
    // Steps differ in traffic, as weeks do; a step with fewer than 5 answers is greyed, not drawn.
    const tn = Math.round(nOf(a, b) * (0.6 + 0.8 * rnd()))
    const e = estimate(name, noisy(level(t, a, b, q.fixedAt, q.lang), tn), tn, t.sd)
    trend.push({ ...e, from: iso(a), to: iso(b), enough: tn >= 5 })
  }
  const tone = now.value === null || now.n < 10 ? null : toneOf(name, now.value)
  const precision = needed(name, now.value ?? 50, n, t.sd)
  return { name, label: meta.label, formula: meta.formula, scale: /** @type {any} */ (meta.scale), ...now, tone, targets: TARGETS[name], precision: { ...precision, halfWidth: n ? precision.halfWidth : null }, change, trend }
}

/** The targets tones are judged against (as the stats branch's definitions state them). */
const TARGETS = { csat: { good: 80, poor: 60 }, goal: { good: 80, poor: 60 }, nps: { good: 30, poor: 0 }, ces: { good: 5.5, poor: 4 }, emotion: { good: 30, poor: 0 } }

/** @returns {'good'|'fair'|'poor'} */
function toneOf(/** @type {keyof typeof TARGETS} */ name, /** @type {number} */ v) {
  const { good, poor } = TARGETS[name]
  return v >= good ? 'good' : v >= poor ? 'fair' : 'poor'
}
const iso = (/** @type {number} */ t) => new Date(t).toISOString()

/** Builds the answer of GET /api/scorecards for a query and an access. @returns {Scorecards | { status: number }} */
export function scorecards(/** @type {URLSearchParams} */ params, /** @type {any} */ access, /** @type {number} */ now) {
  const from = Date.parse(params.get('from') ?? '')
  const to = Date.parse(params.get('to') ?? '')
  if (!(from < to)) return { status: 400 }
  const bf = Date.parse(params.get('baseline_from') ?? '')
  const bt = Date.parse(params.get('baseline_to') ?? '')
  const baseFrom = bf < bt ? bf : from - (to - from)
  const baseTo = bf < bt ? bt : from
  const filters = Object.fromEntries(['touchpoint', 'owner', 'survey', 'lang', 'path', 'channel'].flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : [])))
  if (access.role === 'owner') {
    const tp = TOUCHPOINTS.find((t) => t.id === filters.touchpoint)
    if ((filters.owner && filters.owner !== access.owner) || (tp && tp.owner !== access.owner)) return { status: 403 }
  }
  const visible = TOUCHPOINTS.filter(
    (t) =>
      (access.role === 'admin' || t.owner === access.owner) &&
      (!filters.touchpoint || t.id === filters.touchpoint) &&
      (!filters.owner || t.owner === filters.owner) &&
      (!filters.survey || t.surveys.includes(filters.survey)) &&
      (!filters.channel || t.channel === filters.channel) &&
      (!filters.path || t.paths.includes(filters.path)),
  )
  // Share of the answers a filter keeps: Finnish pages bring about a third, one page of two half.
  const share = (filters.lang === 'fi' ? 0.3 : filters.lang && filters.lang !== 'en' ? 0 : filters.lang === 'en' ? 0.7 : 1) * (filters.path ? 0.5 : 1)
  const fixedAt = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate()) - 27 * DAY
  const q = { from, to, baseFrom, baseTo, fixedAt, lang: filters.lang ?? '', seed: Math.round(share * 100) + Math.round((to - from) / DAY) }
  // Like the real API, a touchpoint without a survey (the card payment) is listed too, with nothing shown.
  const cards = visible.map((t) => touchpoint(t, q, share))
  const owners = [...new Set(visible.map((t) => t.owner))].map((owner) => {
    const mine = cards.filter((c) => c.owner === owner)
    return {
      owner,
      touchpoints: visible.filter((t) => t.owner === owner).map((t) => t.id),
      shown: sum(mine, 'shown'),
      answered: sum(mine, 'answered'),
      dismissed: sum(mine, 'dismissed'),
      metrics: mine.flatMap((c) => c.metrics),
      funnel: poolFunnels(mine.map((c) => c.funnel)),
    }
  })
  const coverage = [...new Set(visible.map((t) => t.stage))].map((stage) => ({
    stage,
    touchpoints: visible
      .filter((t) => t.stage === stage)
      .map((t) => {
        const metrics = cards.find((c) => c.id === t.id && t.surveys.length)?.metrics.map((m) => ({ name: m.name, n: m.n, needed: m.precision.needed })) ?? []
        return { id: t.id, name: t.name, owner: t.owner, surveys: t.surveys, metrics, status: /** @type {const} */ (!t.surveys.length ? 'no survey' : metrics.some((m) => m.needed > 0) ? 'too few answers' : 'covered') }
      }),
  }))
  return {
    period: { from: iso(from), to: iso(to) },
    baseline: { from: iso(baseFrom), to: iso(baseTo) },
    filters,
    touchpoints: cards,
    owners,
    coverage,
    // Shortened from the stats branch's definitions.ts: the page shows whatever the API gives.
    definitions: {
      interval: 'Every number comes with its 95 % interval; n is the number of answers it rests on.',
      wilson: 'Wilson score interval for shares: CSAT, goal reached, response rate, shares of trails.',
      'nps-adjusted-wald': 'Adjusted Wald interval for NPS: promoters, passives and detractors as three categories.',
      t: 'Student t interval for a mean (CES, emotional value), held to the scale.',
      'newcombe-hybrid-score': 'Difference of two shares with Newcombe’s hybrid score interval, from the two Wilson intervals.',
      'nps-adjusted-wald-difference': 'Difference of two NPS from the two adjusted-Wald estimates.',
      welch: 'Difference of two means with Welch’s t interval.',
      change: 'Change = this period − the baseline; a real change only when the 95 % interval of the difference excludes 0.',
      targets: 'Targets: CSAT and goal reached good ≥ 80 %, poor < 60 %; NPS good ≥ 30, poor < 0; CES good ≥ 5.5, poor < 4; emotional value good ≥ 30, poor < 0.',
      precision: 'Answers needed for ±10 points (CES: ±0.6): n = (1.96 × σ / 10)², minus the answers already in.',
      rootCause: 'Lift = share of low responses with the event in their trail − share of the other responses with it, in percentage points; real when its 95 % interval excludes 0.',
    },
    generatedAt: iso(now),
  }
}

const sum = (/** @type {any[]} */ list, /** @type {string} */ key) => list.reduce((s, x) => s + x[key], 0)

/** An owner's funnel: their touchpoints' counts added up. @param {any[]} funnels */
function poolFunnels(funnels) {
  const shown = sum(funnels, 'shown')
  const answered = sum(funnels, 'answered')
  const [lo, hi] = shown ? wilson(answered / shown, shown) : [0, 0]
  return {
    shown,
    answered,
    completed: sum(funnels, 'completed'),
    partial: sum(funnels, 'partial'),
    dismissed: sum(funnels, 'dismissed'),
    ignored: sum(funnels, 'ignored'),
    rate: { value: shown ? round((100 * answered) / shown) : null, n: shown, low: shown ? round(100 * lo) : null, high: shown ? round(100 * hi) : null, method: 'wilson' },
    definition: FUNNEL,
  }
}

const FUNNEL = 'Response rate = answered ÷ shown. Shown: prompts that appeared. Answered: at least one answer (complete: every question; partial: closed halfway). Dismissed: closed without answering. Ignored: shown, neither answered nor closed. Previews are left out.'

/** @returns {TouchpointScorecard} */
function touchpoint(/** @type {(typeof TOUCHPOINTS)[number]} */ t, /** @type {any} */ q, /** @type {number} */ share) {
  const metrics = TRUTH.filter((x) => x.touchpoint === t.id).map((x) => metric(x, q, share))
  const answered = Math.max(0, ...metrics.map((m) => m.n))
  const shown = t.surveys.length ? Math.round(answered / (t.id === 'checkout' ? 0.36 : 0.42)) : 0
  const partial = Math.round(answered * 0.08)
  const dismissed = Math.round((shown - answered) * 0.35)
  const [rl, rh] = shown ? wilson(answered / shown, shown) : [0, 0]
  const checkout = t.id === 'checkout'
  const n = answered
  const low = Math.round(n * 0.2)
  const driver = (/** @type {string} */ event, /** @type {string} */ where, /** @type {number} */ a, /** @type {number} */ b) => {
    const place = TOUCHPOINTS.find((x) => x.id === where)
    const [al, ah] = low ? wilson(a, low) : [0, 0]
    const [bl, bh] = n - low ? wilson(b, n - low) : [0, 0]
    const d = 100 * (a - b)
    const s = 100 * Math.sqrt(((ah - al) / (2 * Z)) ** 2 + ((bh - bl) / (2 * Z)) ** 2)
    return {
      event,
      label: LABELS[event] ?? event,
      touchpoint: where,
      touchpointName: place?.name ?? null,
      owner: place?.owner ?? null,
      withLow: { value: round(100 * a), n: low, low: round(100 * al), high: round(100 * ah), method: 'wilson' },
      withOthers: { value: round(100 * b), n: n - low, low: round(100 * bl), high: round(100 * bh), method: 'wilson' },
      lift: { value: round(d), n, low: round(d - Z * s), high: round(d + Z * s), method: 'newcombe-hybrid-score' },
      real: d - Z * s > 0 || d + Z * s < 0,
    }
  }
  const rootCause = n
    ? checkout
      ? [driver('payment.failed', 'payment', 0.52, 0.06), driver('page.viewed', 'checkout', 1, 0.98), driver('order.completed', 'checkout', 1, 1)]
      : t.id === 'moving'
        ? [driver('help.article_read', 'help-centre', 0.8, 0.45), driver('move.completed', 'moving', 1, 1)]
        : [driver('help.searched', 'help-centre', 0.62, 0.5), driver('page.viewed', t.id, 1, 1)]
    : []
  const bias = (/** @type {string} */ event, /** @type {string} */ where, /** @type {number} */ a, /** @type {number} */ b) => {
    const [al, ah] = wilson(a, answered || 1)
    const [bl, bh] = wilson(b, shown - answered || 1)
    const d = 100 * (a - b)
    const s = 100 * Math.sqrt(((ah - al) / (2 * Z)) ** 2 + ((bh - bl) / (2 * Z)) ** 2)
    return {
      event,
      label: LABELS[event] ?? event,
      touchpoint: where,
      touchpointName: TOUCHPOINTS.find((x) => x.id === where)?.name ?? null,
      owner: TOUCHPOINTS.find((x) => x.id === where)?.owner ?? null,
      answered: { value: round(100 * a), n: answered, low: round(100 * al), high: round(100 * ah), method: 'wilson' },
      unanswered: { value: round(100 * b), n: shown - answered, low: round(100 * bl), high: round(100 * bh), method: 'wilson' },
      difference: { value: round(d), n: shown, low: round(d - Z * s), high: round(d + Z * s), method: 'newcombe-hybrid-score' },
      real: d - Z * s > 0 || d + Z * s < 0,
    }
  }
  const nonResponse = shown ? (checkout ? [bias('payment.failed', 'payment', 0.09, 0.22), bias('page.viewed', 'checkout', 1, 1)] : [bias('help.searched', 'help-centre', 0.55, 0.52)]) : []
  const survey = t.surveys[0] ?? ''
  const questions = {
    'csat-order': [['q1', 'How satisfied are you with your order?', 1], ['why', 'What went wrong?', 0.2]],
    'goal-help': [['goal', 'Did you get done what you came for?', 1], ['feeling', 'How do you feel now?', 0.93]],
    'ces-move': [['effort', 'Moving my contract was easy.', 1], ['hard', 'What made it hard?', 0.3]],
    'nps-invoice': [['nps', 'How likely are you to recommend Voltti Energy to a friend or colleague?', 1]],
  }[survey] ?? []
  return {
    id: t.id,
    name: t.name,
    owner: t.owner,
    stage: t.stage,
    channel: t.channel,
    shown,
    answered,
    dismissed,
    funnel: {
      shown,
      answered,
      completed: answered - partial,
      partial,
      dismissed,
      ignored: shown - answered - dismissed,
      rate: { value: shown ? round((100 * answered) / shown) : null, n: shown, low: shown ? round(100 * rl) : null, high: shown ? round(100 * rh) : null, method: 'wilson' },
      definition: FUNNEL,
    },
    metrics,
    dropoff: questions.map(([id, text, reach], i) => ({ survey, question: /** @type {string} */ (id), text: /** @type {string} */ (text), reached: Math.round(answered * /** @type {number} */ (reach)), answered: Math.round(answered * /** @type {number} */ (reach) * (i ? 0.7 : 1)) })),
    rootCause,
    nonResponse,
    promptsPerPerson: { available: false, reason: 'Not counted: the config does not send pseudonymous ids (delivery.userId is off), so one person cannot be told from another.' },
  }
}

const QUOTES = [
  ['checkout', 'csat-order', 'why', 'My card was declined twice, then it went through with no explanation.', 2, 'en', '/', 40],
  ['checkout', 'csat-order', 'why', 'Maksu epäonnistui enkä tiennyt miksi.', 1, 'fi', '/fi/', 37],
  ['checkout', 'csat-order', 'why', 'Payment failed, no idea why.', 2, 'en', '/', 33],
  ['checkout', 'csat-order', 'why', 'The delivery date was not shown before paying.', 2, 'en', '/', 12],
  ['checkout', 'csat-order', 'why', 'Too many steps to choose a plan.', 1, 'en', '/', 3],
  ['moving', 'ces-move', 'hard', 'I had to call to find the form.', 2, 'en', '/move.html', 20],
  ['moving', 'ces-move', 'hard', 'The help article was out of date.', 3, 'en', '/move.html', 9],
  ['moving', 'ces-move', 'hard', 'Ohjeartikkeli oli vanhentunut.', 2, 'fi', '/fi/move.html', 2],
]

/** GET /api/texts: newest first, five per page, the cursor an offset. @returns {{ texts: OpenText[], next?: string }} */
export function texts(/** @type {URLSearchParams} */ params, /** @type {any} */ access, /** @type {number} */ now) {
  const q = (params.get('q') ?? '').toLowerCase()
  const all = QUOTES.map(([touchpoint, survey, question, text, score, lang, path, daysAgo], i) => {
    const owner = TOUCHPOINTS.find((t) => t.id === touchpoint)?.owner ?? null
    const metric = /** @type {const} */ (survey === 'ces-move' ? 'ces' : 'csat')
    return { responseId: `fixture-${i}`, survey: String(survey), question: String(question), touchpoint: String(touchpoint), owner, text: String(text), at: iso(now - Number(daysAgo) * DAY - i * 3_600_000), lang: String(lang), path: String(path), scores: [{ metric, value: Number(score) }] }
  })
    .filter((t) => access.role === 'admin' || t.owner === access.owner)
    .filter((t) => (!params.get('touchpoint') || t.touchpoint === params.get('touchpoint')) && (!params.get('survey') || t.survey === params.get('survey')) && (!q || t.text.toLowerCase().includes(q)))
    .sort((a, b) => b.at.localeCompare(a.at))
  const start = Number(params.get('cursor') ?? 0) || 0
  const page = all.slice(start, start + 5)
  return start + 5 < all.length ? { texts: page, next: String(start + 5) } : { texts: page }
}

/**
 * Starts the fixture on 127.0.0.1 (port 0: a free one). `now`: the clock of its answers.
 * @param {{ now?: () => number }} [options]
 */
export function startResultsFixture({ now = () => Date.now() } = {}) {
  /** @type {string[]} */
  const requests = []
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const send = (/** @type {number} */ status, /** @type {unknown} */ body) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-security-policy': CSP, 'cache-control': 'no-store' })
      res.end(JSON.stringify(body))
    }
    if (url.pathname.startsWith('/api/')) {
      requests.push(url.pathname + url.search)
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]
      const access = bearer ? ACCESS[bearer] : undefined
      if (!access) return send(401, { error: 'a valid token is needed' })
      if (url.pathname === '/api/scorecards') {
        const answer = scorecards(url.searchParams, access, now())
        return 'status' in answer ? send(answer.status, { error: 'refused' }) : send(200, answer)
      }
      if (url.pathname === '/api/texts') {
        const tp = TOUCHPOINTS.find((t) => t.id === url.searchParams.get('touchpoint'))
        if (access.role === 'owner' && tp && tp.owner !== access.owner) return send(403, { error: 'not your touchpoint' })
        return send(200, texts(url.searchParams, access, now()))
      }
      return send(404, { error: 'no such route' })
    }
    if (url.pathname === '/' || url.pathname === '/app') {
      res.writeHead(302, { location: '/app/' })
      return res.end()
    }
    const file =
      url.pathname === '/app/vendor/uplot.js' ? join(UPLOT, 'uPlot.esm.js') : url.pathname === '/app/vendor/uplot.css' ? join(UPLOT, 'uPlot.min.css') : url.pathname.startsWith('/app/') ? normalize(join(APP, decodeURIComponent(url.pathname.slice(5)) || 'index.html')) : ''
    if (!file || !(file.startsWith(resolve(APP) + sep) || file.startsWith(UPLOT)) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-security-policy': CSP })
      return res.end('not found')
    }
    res.writeHead(200, { 'content-type': TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream', 'content-security-policy': CSP, 'cache-control': 'no-cache' })
    createReadStream(file).pipe(res)
  })
  return new Promise((resolvePromise) =>
    server.listen(0, '127.0.0.1', () => {
      const address = /** @type {import('node:net').AddressInfo} */ (server.address())
      resolvePromise({
        url: `http://127.0.0.1:${address.port}`,
        requests,
        close: () => new Promise((r) => server.close(() => r(undefined))),
      })
    }),
  )
}
