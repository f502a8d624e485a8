// "Why not shown": one card per survey with the fleet's funnel (trigger seen → in the audience →
// in the sample → allowed by pacing → won the tab claim → shown), the biggest loss said in a
// sentence a PM can act on, and a plain "too few devices to read" when the sample cannot carry it.
// Counts come from GET /api/diagnostics: sampled devices, counts only.
import { h, table, uid } from './dom.js'
import * as f from './format.js'

/** How a stage's losses read in a sentence: "62 % of triggers were held back by the 14-day cooldown". */
const VERBS = {
  audience: 'were stopped by',
  sample: 'were stopped by',
  pacing: 'were held back by',
  claim: 'were lost to',
  shown: 'were lost to',
}

/** @param {string} stage */
const verb = (stage) => VERBS[/** @type {keyof typeof VERBS} */ (stage)] ?? 'were stopped by'

/** "1 device", "12 devices". @param {number} n @param {string} word */
const plural = (n, word) => `${f.count(n)} ${word}${n === 1 ? '' : 's'}`

/**
 * The sentence that heads a survey's card.
 * @param {any} s SurveyDiagnostics @param {number} precision
 * @returns {{ text: string, tone: 'read' | 'few' | 'none' }}
 */
export function headline(s, precision) {
  const loss = s.biggestLoss
  if (!loss) return { text: `Every trigger reported was shown (${plural(s.triggered, 'trigger')}).`, tone: s.enough ? 'read' : 'few' }
  const sentence = `${f.pct(loss.share)} of triggers ${verb(loss.stage)} ${loss.label}.`
  if (s.enough) return { text: sentence, tone: 'read' }
  return {
    text: `Too few devices to read yet: ${plural(s.devices, 'device')} reported. The biggest loss so far, ${loss.label} (${f.pct(loss.share)} of triggers), could be anywhere from ${f.pct(loss.low)} to ${f.pct(loss.high)}; it is read out once it is known to ±${precision} points.`,
    tone: 'few',
  }
}

/** @param {any} s SurveyDiagnostics @param {number} precision */
export function diagnosticsCard(s, precision) {
  const title = uid('why')
  const head = headline(s, precision)
  const sampled = s.samples.length ? s.samples.map((/** @type {number} */ r) => f.pct(100 * r)).join(' and ') : null
  const steps = h(
    'ol',
    { class: 'why-steps', 'aria-label': `Funnel of ${s.survey}` },
    s.funnel.map((/** @type {any} */ st, /** @type {number} */ i) => {
      const bar = h('span', { class: `bar why-${st.stage}` })
      bar.style.width = `${st.share.toFixed(1)}%`
      return h(
        'li',
        { 'data-stage': st.stage },
        h('span', { class: 'step' }, st.label),
        h('span', { class: 'num' }, `${f.count(st.count)} (${f.pct(st.share)})`),
        h('span', { class: 'track', 'aria-hidden': 'true' }, bar),
        i > 0 && st.lost
          ? h(
              'ul',
              { class: 'losses' },
              st.reasons.map((/** @type {any} */ r) =>
                h('li', { 'data-reason': r.reason }, `− ${f.count(r.count)} (${f.pct(r.share)}) ${verb(st.stage)} ${r.label}`),
              ),
            )
          : null,
      )
    }),
  )
  return h(
    'section',
    { class: 'card why', 'aria-labelledby': title, 'data-survey': s.survey },
    h('h2', { id: title }, s.touchpointName ? `${s.survey} · ${s.touchpointName}` : s.survey),
    h('p', { class: `why-headline why-${head.tone}` }, head.text),
    h(
      'p',
      { class: 'meta' },
      `${plural(s.devices, 'device')} reported ${plural(s.triggered, 'trigger')}` +
        (sampled ? ` (${sampled} of devices report: about ${f.count(s.estimatedTriggered)} triggers across all devices)` : '') +
        (s.owner ? ` · owner: ${s.owner}` : ''),
    ),
    steps,
    h(
      'details',
      { class: 'data' },
      h('summary', null, `Data table: why ${s.survey} was not shown`),
      table({
        caption: `Outcomes of ${s.survey}'s triggers`,
        captionHidden: true,
        columns: ['Stage', 'Reached', 'Lost on the way', 'Reasons'],
        numeric: [1, 2],
        rows: s.funnel.map((/** @type {any} */ st) => [
          st.label,
          f.count(st.count),
          f.count(st.lost),
          st.reasons.map((/** @type {any} */ r) => `${r.label}: ${f.count(r.count)}`).join('; ') || '–',
        ]),
      }),
    ),
  )
}

/**
 * The whole view: a line on what the counts are, the cards, or why there are none.
 * @param {any} d Diagnostics
 */
export function diagnosticsView(d) {
  const intro = h(
    'p',
    { class: 'muted' },
    'Across every reporting device: how often each survey’s trigger happened, and what stopped the survey on the way to the screen. Devices report counts only (no ids, pages or answers), when the config turns on diagnostics.',
  )
  if (!d.surveys.length)
    return [
      intro,
      h(
        'p',
        { class: 'muted empty' },
        d.enabled
          ? 'No device reported a decision in this period.'
          : 'No device reported a decision in this period. Diagnostics are off in the config: add "diagnostics": { "sample": 0.1 } to hetki.json to have one device in ten report.',
      ),
    ]
  return [
    intro,
    h(
      'div',
      { class: 'cards' },
      d.surveys.map((/** @type {any} */ s) => diagnosticsCard(s, d.precision)),
    ),
  ]
}
