// What the page shows, kept in the URL's hash so a view can be shared: the view, the period and
// the filters. Never the token (that stays in sessionStorage). Pure: no DOM.

export const VIEWS = /** @type {const} */ (['touchpoints', 'owners', 'coverage', 'diagnostics', 'texts'])
export const PRESETS = [7, 28, 90]
/** The filters the API takes, in the order the form shows them. */
export const FILTERS = /** @type {const} */ (['touchpoint', 'owner', 'survey', 'lang', 'path', 'channel'])
const DAY = 86_400_000

/**
 * @typedef {{ view: typeof VIEWS[number], days: number | null, from: string, to: string,
 *   bfrom: string, bto: string,
 *   touchpoint: string, owner: string, survey: string, lang: string, path: string, channel: string, q: string }} State
 */

/** @param {string} hash @returns {State} */
export function parse(hash) {
  const p = new URLSearchParams(hash.replace(/^#/, ''))
  const view = /** @type {State['view']} */ (VIEWS.includes(/** @type {any} */ (p.get('view'))) ? p.get('view') : 'touchpoints')
  const from = isDate(p.get('from')) ? /** @type {string} */ (p.get('from')) : ''
  const to = isDate(p.get('to')) ? /** @type {string} */ (p.get('to')) : ''
  const preset = Number(p.get('days'))
  const days = from && to ? null : PRESETS.includes(preset) ? preset : 28
  /** @type {State} */
  // The baseline: the period before, unless two dates say otherwise.
  const bfrom = isDate(p.get('bfrom')) ? /** @type {string} */ (p.get('bfrom')) : ''
  const bto = isDate(p.get('bto')) ? /** @type {string} */ (p.get('bto')) : ''
  const custom = bfrom && bto && bfrom <= bto
  const state = {
    view,
    days,
    from: days ? '' : from,
    to: days ? '' : to,
    bfrom: custom ? bfrom : '',
    bto: custom ? bto : '',
    touchpoint: '',
    owner: '',
    survey: '',
    lang: '',
    path: '',
    channel: '',
    q: '',
  }
  for (const key of [...FILTERS, 'q']) state[/** @type {typeof FILTERS[number]} */ (key)] = (p.get(key) || '').slice(0, 200)
  return state
}

/** @param {State} state */
export function serialize(state) {
  const p = new URLSearchParams()
  if (state.view !== 'touchpoints') p.set('view', state.view)
  if (state.days) p.set('days', String(state.days))
  else {
    p.set('from', state.from)
    p.set('to', state.to)
  }
  if (state.bfrom && state.bto) {
    p.set('bfrom', state.bfrom)
    p.set('bto', state.bto)
  }
  for (const key of [...FILTERS, 'q']) if (state[/** @type {typeof FILTERS[number]} */ (key)]) p.set(key, state[/** @type {typeof FILTERS[number]} */ (key)])
  return '#' + p.toString()
}

/** @param {string | null} s */
const isDate = (s) => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s))

/**
 * The period asked for, as ISO times [from, to): a preset ends with today (UTC, whole days); a
 * custom one includes its last day.
 * @param {State} state @param {Date} now
 */
export function periodOf(state, now) {
  if (!state.days) return { from: new Date(state.from).toISOString(), to: new Date(Date.parse(state.to) + DAY).toISOString() }
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY
  return { from: new Date(end - state.days * DAY).toISOString(), to: new Date(end).toISOString() }
}

/** The query of GET /api/scorecards. @param {State} state @param {Date} now */
export function scorecardsQuery(state, now) {
  const { from, to } = periodOf(state, now)
  const p = new URLSearchParams({ from, to })
  if (state.bfrom && state.bto) {
    p.set('baseline_from', new Date(state.bfrom).toISOString())
    p.set('baseline_to', new Date(Date.parse(state.bto) + DAY).toISOString())
  }
  for (const key of FILTERS) if (state[key]) p.set(key, state[key])
  return p
}

/** The query of GET /api/texts. @param {State} state @param {string} [cursor] */
export function textsQuery(state, cursor) {
  const p = new URLSearchParams()
  if (state.touchpoint) p.set('touchpoint', state.touchpoint)
  if (state.survey) p.set('survey', state.survey)
  if (state.q) p.set('q', state.q)
  if (cursor) p.set('cursor', cursor)
  return p
}

/** The filters GET /api/diagnostics reads: diagnostics carry no page or language. */
export const DIAGNOSTICS_FILTERS = /** @type {const} */ (['touchpoint', 'owner', 'survey', 'channel'])

/** The query of GET /api/diagnostics. @param {State} state @param {Date} now */
export function diagnosticsQuery(state, now) {
  const { from, to } = periodOf(state, now)
  const p = new URLSearchParams({ from, to })
  for (const key of DIAGNOSTICS_FILTERS) if (state[key]) p.set(key, state[key])
  return p
}
