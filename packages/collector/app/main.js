// The results app: signs in with a token, reads the view and filters from the URL's hash, asks
// the collector's API, and draws. Served by the collector at /app/ under a strict CSP (no inline
// script or style); no build step.
import { Refused, get, token } from './api.js'
import { fill, h } from './dom.js'
import * as f from './format.js'
import { diagnosticsView } from './diagnostics.js'
import { DIAGNOSTICS_FILTERS, FILTERS, diagnosticsQuery, parse, scorecardsQuery, serialize, textsQuery } from './state.js'
import { quote } from './texts.js'
import { touchpointCard } from './touchpoint.js'
import { coverage, definitionsList, legend, ownerCard } from './views.js'

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id))
const form = /** @type {HTMLFormElement} */ ($('filters'))
const view = $('view')
const status = $('status')
const problem = $('problem')

/** What the token has shown so far, for the filters' choices (a filtered answer lists fewer). */
const known = {
  touchpoints: /** @type {Map<string, string>} */ (new Map()),
  owners: /** @type {Set<string>} */ (new Set()),
  surveys: /** @type {Set<string>} */ (new Set()),
  channels: /** @type {Set<string>} */ (new Set()),
  questions: /** @type {Map<string, string>} */ (new Map()),
}

/** @type {AbortController | null} */
let inflight = null

// The filters stand open where there is room; on a phone they fold into one line that says what is chosen.
const filtersBox = /** @type {HTMLDetailsElement} */ ($('filters-box'))
filtersBox.open = matchMedia('(min-width: 48rem)').matches

function showSignin(/** @type {string} */ message) {
  $('app').hidden = true
  $('signout').hidden = true
  $('signin').hidden = false
  $('signin-error').textContent = message
  $('token').focus()
}

function showApp() {
  $('signin').hidden = true
  $('app').hidden = false
  $('signout').hidden = false
}

$('signin-form').addEventListener('submit', (e) => {
  e.preventDefault()
  const input = /** @type {HTMLInputElement} */ ($('token'))
  const value = input.value.trim()
  if (!value) return
  token.set(value)
  input.value = ''
  showApp()
  route()
})

$('signout').addEventListener('click', () => {
  token.clear()
  inflight?.abort()
  for (const v of Object.values(known)) v.clear()
  fill(view)
  showSignin('Signed out. The token was removed from this tab.')
})

// Every change of a filter is a new address: shareable, and Back goes to the previous view.
form.addEventListener('change', (e) => {
  const target = /** @type {HTMLInputElement} */ (e.target)
  if (target.name === 'period') for (const el of form.querySelectorAll('.custom')) /** @type {HTMLElement} */ (el).hidden = target.value !== 'custom'
  if (target.name === 'compare') for (const el of form.querySelectorAll('.base')) /** @type {HTMLElement} */ (el).hidden = target.value !== 'custom'
  if ((target.name === 'period' || target.name === 'compare') && target.value === 'custom') return
  if (target.type !== 'text') apply()
})
form.addEventListener('submit', (e) => {
  e.preventDefault()
  apply()
})
$('f-clear').addEventListener('click', () => {
  const state = parse(location.hash)
  for (const key of FILTERS) state[key] = ''
  Object.assign(state, { q: '', bfrom: '', bto: '' })
  location.hash = serialize(state)
})

function apply() {
  const state = parse(location.hash)
  const data = new FormData(form)
  const period = String(data.get('period'))
  if (period === 'custom') {
    const from = String(data.get('from') || '')
    const to = String(data.get('to') || '')
    if (!from || !to || from > to) {
      problem.textContent = 'Choose a custom period: a “From” date on or before the “To” date.'
      return
    }
    Object.assign(state, { days: null, from, to })
  } else Object.assign(state, { days: Number(period), from: '', to: '' })
  if (data.get('compare') === 'custom') {
    const bfrom = String(data.get('bfrom') || '')
    const bto = String(data.get('bto') || '')
    if (!bfrom || !bto || bfrom > bto) {
      problem.textContent = 'Choose the baseline: a “Baseline from” date on or before the “Baseline to” date.'
      return
    }
    Object.assign(state, { bfrom, bto })
  } else Object.assign(state, { bfrom: '', bto: '' })
  for (const key of FILTERS) state[key] = String(data.get(key) || '').trim()
  const next = serialize(state)
  if (next === location.hash) route()
  else location.hash = next
}

/** Puts the state into the form and the view links. @param {ReturnType<typeof parse>} state */
function syncForm(state) {
  const period = /** @type {HTMLSelectElement} */ (form.elements.namedItem('period'))
  period.value = state.days ? String(state.days) : 'custom'
  const input = (/** @type {string} */ name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name))
  input('from').value = state.from
  input('to').value = state.to
  input('bfrom').value = state.bfrom
  input('bto').value = state.bto
  const compare = /** @type {HTMLSelectElement} */ (form.elements.namedItem('compare'))
  compare.value = state.bfrom ? 'custom' : 'previous'
  options('f-touchpoint', [...known.touchpoints], state.touchpoint)
  options(
    'f-owner',
    [...known.owners].map((o) => [o, o]),
    state.owner,
  )
  options(
    'f-survey',
    [...known.surveys].map((s) => [s, s]),
    state.survey,
  )
  options(
    'f-channel',
    [...known.channels].map((c) => [c, c]),
    state.channel,
  )
  for (const key of /** @type {const} */ (['lang', 'path'])) input(key).value = state[key]
  // Open answers are filtered by touchpoint, survey and words only: the other fields step aside.
  // Why not shown: diagnostics carry no page or language, and are not compared with a baseline.
  /** @type {HTMLElement} */ for (const el of form.querySelectorAll('[data-scope="scorecards"]'))
    el.hidden =
      state.view === 'texts' ||
      (el.classList.contains('custom') && !!state.days) ||
      (el.classList.contains('base') && !state.bfrom) ||
      (state.view === 'diagnostics' && /** @type {HTMLElement} */ (el).dataset.off === 'diagnostics')
  const why = state.view === 'diagnostics'
  const chosen = [
    state.days ? `last ${state.days} days` : `${state.from} to ${state.to}`,
    state.bfrom && !why ? `against ${state.bfrom} to ${state.bto}` : null,
  ]
  for (const key of why ? DIAGNOSTICS_FILTERS : FILTERS)
    if (state[key])
      chosen.push(
        `${key === 'lang' ? 'language' : key === 'path' ? 'page' : key}: ${key === 'touchpoint' ? (known.touchpoints.get(state[key]) ?? state[key]) : state[key]}`,
      )
  $('filters-summary').textContent =
    state.view === 'texts'
      ? `Filters: ${
          chosen
            .slice(2)
            .filter((c) => /^(touchpoint|survey):/.test(String(c)))
            .join(', ') || 'none'
        }`
      : `Period and filters: ${chosen.filter(Boolean).join(', ')}`
  for (const a of document.querySelectorAll('nav.views a')) {
    const link = /** @type {HTMLAnchorElement} */ (a)
    const target = { ...state, view: /** @type {any} */ (link.dataset.view) }
    link.href = serialize(target)
    if (link.dataset.view === state.view) link.setAttribute('aria-current', 'page')
    else link.removeAttribute('aria-current')
  }
}

/** Fills a select with "All" and the choices known, keeping the chosen one even if unknown. */
function options(/** @type {string} */ id, /** @type {[string, string][]} */ choices, /** @type {string} */ chosen) {
  const select = /** @type {HTMLSelectElement} */ ($(id))
  const all = new Map(choices)
  if (chosen && !all.has(chosen)) all.set(chosen, chosen)
  fill(
    select,
    h('option', { value: '' }, 'All'),
    [...all].sort((a, b) => a[1].localeCompare(b[1])).map(([v, label]) => h('option', { value: v }, label)),
  )
  select.value = chosen
}

/** @param {any} sc Scorecards */
function learn(sc) {
  for (const t of sc.touchpoints) {
    if (t.id) known.touchpoints.set(t.id, t.name)
    if (t.owner) known.owners.add(t.owner)
    if (t.channel) known.channels.add(t.channel)
    for (const q of t.dropoff) {
      known.surveys.add(q.survey)
      known.questions.set(`${q.survey}/${q.question}`, q.text)
    }
  }
  for (const stage of sc.coverage)
    for (const t of stage.touchpoints) {
      known.touchpoints.set(t.id, t.name)
      if (t.owner) known.owners.add(t.owner)
      for (const s of t.surveys) known.surveys.add(s)
    }
  for (const o of sc.owners) known.owners.add(o.owner)
}

async function route() {
  if (!token.get()) return showSignin('')
  showApp()
  const state = parse(location.hash)
  syncForm(state)
  inflight?.abort()
  const controller = (inflight = new AbortController())
  problem.textContent = ''
  status.textContent = 'Loading…'
  view.setAttribute('aria-busy', 'true')
  try {
    const sc = await get('/api/scorecards', scorecardsQuery(state, new Date()), controller.signal)
    learn(sc)
    syncForm(state)
    if (state.view === 'texts') await texts(state, sc, controller.signal)
    else if (state.view === 'diagnostics') await whyNotShown(state, controller.signal)
    else draw(state, sc)
  } catch (e) {
    if (controller.signal.aborted) return
    fill(view)
    if (e instanceof Refused && e.status === 401) {
      token.clear()
      return showSignin(e.message)
    }
    status.textContent = ''
    problem.textContent = e instanceof Error ? e.message : String(e)
  } finally {
    if (inflight === controller) view.removeAttribute('aria-busy')
  }
}

/** @param {ReturnType<typeof parse>} state @param {any} sc Scorecards */
function draw(state, sc) {
  const names = known.touchpoints
  const when = h('p', { class: 'period' }, `${f.period(sc.period)}, compared with ${f.period(sc.baseline)}.`)
  if (state.view === 'owners') {
    fill(
      view,
      h('h2', { class: 'visually-hidden' }, 'By owner'),
      when,
      legend(),
      sc.owners.length
        ? h(
            'div',
            { class: 'cards' },
            sc.owners.map((/** @type {any} */ o) => ownerCard(o, names, sc.definitions)),
          )
        : nothing(),
      definitionsList(sc.definitions),
    )
    status.textContent = `Showing ${sc.owners.length} owners.`
  } else if (state.view === 'coverage') {
    fill(
      view,
      h('h2', { class: 'visually-hidden' }, 'Coverage'),
      when,
      h(
        'p',
        { class: 'muted' },
        'A touchpoint is covered when every score its surveys measure has enough answers in the period for a 95 % interval of ±10 points (CES: ±0.6). A touchpoint with no survey of its own can still show up in the root causes of other touchpoints.',
      ),
      h('div', { class: 'cards' }, coverage(sc.coverage)),
    )
    status.textContent = `Showing the coverage of ${sc.coverage.length} journey stages.`
  } else {
    fill(
      view,
      h('h2', { class: 'visually-hidden' }, 'By touchpoint'),
      when,
      legend(),
      sc.touchpoints.length
        ? h(
            'div',
            { class: 'cards' },
            sc.touchpoints.map((/** @type {any} */ t) => touchpointCard(t, sc.definitions, names)),
          )
        : nothing(),
      definitionsList(sc.definitions),
    )
    status.textContent = `Showing ${sc.touchpoints.length} touchpoints.`
  }
}

/** The "why not shown" funnels. @param {ReturnType<typeof parse>} state @param {AbortSignal} signal */
async function whyNotShown(state, signal) {
  const d = await get('/api/diagnostics', diagnosticsQuery(state, new Date()), signal)
  for (const s of d.surveys) known.surveys.add(s.survey)
  syncForm(state)
  fill(
    view,
    h('h2', { class: 'visually-hidden' }, 'Why not shown'),
    h('p', { class: 'period' }, `${f.period(d.period)}.`),
    diagnosticsView(d),
    definitionsList(d.definitions),
  )
  status.textContent = `Showing why ${d.surveys.length === 1 ? '1 survey was' : `${d.surveys.length} surveys were`} not shown.`
}

const nothing = () => h('p', { class: 'muted' }, 'Nothing matches these filters in this period.')

/** @param {ReturnType<typeof parse>} state @param {any} sc @param {AbortSignal} signal */
async function texts(state, sc, signal) {
  const list = h('ol', { class: 'quotes', 'aria-label': 'Open answers, newest first' })
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Show older answers')
  const search = h(
    'form',
    { class: 'search', role: 'search', 'aria-label': 'Search the open answers' },
    h('label', { for: 'q' }, 'Search the answers'),
    h('input', { id: 'q', name: 'q', type: 'search', value: state.q, autocomplete: 'off' }),
    h('button', { type: 'submit' }, 'Search'),
  )
  search.addEventListener('submit', (e) => {
    e.preventDefault()
    location.hash = serialize({ ...state, q: String(new FormData(/** @type {HTMLFormElement} */ (search)).get('q') || '').trim() })
  })
  fill(
    view,
    h('h2', { class: 'visually-hidden' }, 'Open answers'),
    h(
      'p',
      { class: 'period' },
      `Newest first${state.touchpoint ? ` at ${known.touchpoints.get(state.touchpoint) ?? state.touchpoint}` : ''}${state.q ? `, containing “${state.q}”` : ''}. Use the touchpoint and survey filters above to narrow them.`,
    ),
    search,
    list,
    more,
  )
  let shown = 0
  /** @param {string | undefined} cursor */
  const page = async (cursor) => {
    const answer = await get('/api/texts', textsQuery(state, cursor), signal)
    for (const t of answer.texts) list.append(quote(t, known.touchpoints, known.questions))
    shown += answer.texts.length
    more.hidden = !answer.next
    more.onclick = () => page(answer.next).catch((e) => (problem.textContent = String(e.message || e)))
    status.textContent = shown ? `${shown} open answers shown${answer.next ? '; older ones follow' : ''}.` : 'No open answers match.'
    if (!shown) list.replaceWith(h('p', { class: 'muted' }, 'No open answers match these filters.'))
  }
  void sc
  await page(undefined)
}

window.addEventListener('hashchange', route)
route()
