// One touchpoint's scorecard: who owns it, its metrics, how many of those asked answered, where
// people stop answering, what happened before the low scores, and who did not answer.
import { h, table, uid } from './dom.js'
import { metric } from './metric.js'
import * as f from './format.js'

/**
 * @param {any} tp a TouchpointScorecard @param {Record<string, string>} definitions
 * @param {Map<string, string>} names touchpoint ids → names (BiasRow names its touchpoint by id)
 */
export function touchpointCard(tp, definitions, names) {
  const title = uid('tp')
  const meta = h(
    'p',
    { class: 'meta' },
    [tp.owner ? `Owner: ${tp.owner}` : 'No owner named', tp.stage ? `stage: ${tp.stage}` : null, tp.channel ? `channel: ${tp.channel}` : null]
      .filter(Boolean)
      .join(' · '),
  )
  // A touchpoint nobody is asked about (the card payment): what it is, and where it still shows.
  if (!tp.metrics.length && !tp.funnel.shown)
    return h(
      'section',
      { class: 'card touchpoint quiet', 'aria-labelledby': title, 'data-touchpoint': tp.id ?? '' },
      h('h2', { id: title }, tp.name),
      meta,
      h(
        'p',
        { class: 'muted' },
        'No survey was shown here in this period. Its events still count in the root causes of the touchpoints that were asked about; see Coverage.',
      ),
    )
  return h(
    'section',
    { class: 'card touchpoint', 'aria-labelledby': title, 'data-touchpoint': tp.id ?? '' },
    h('h2', { id: title }, tp.name),
    meta,
    tp.metrics.length
      ? h(
          'div',
          { class: 'metrics' },
          tp.metrics.map((/** @type {any} */ m) => metric(m, tp.name, definitions)),
        )
      : h('p', { class: 'muted' }, 'No survey here measures a score.'),
    funnel(tp.funnel),
    dropoff(tp.dropoff),
    rootCause(tp.rootCause, tp.name),
    nonResponse(tp.nonResponse, tp.name, names),
    perPerson(tp.promptsPerPerson),
  )
}

/** shown → answered (completed, partial) → dismissed → ignored, each as a share of shown. @param {any} fu */
export function funnel(fu) {
  const share = (/** @type {number} */ n) => (fu.shown ? (100 * n) / fu.shown : 0)
  const row = (/** @type {string} */ label, /** @type {number} */ n, /** @type {string} */ kind) => {
    const bar = h('span', { class: `bar ${kind}` })
    bar.style.width = `${share(n).toFixed(1)}%`
    return h(
      'li',
      { class: kind },
      h('span', { class: 'step' }, label),
      h('span', { class: 'num' }, `${f.count(n)} (${f.pct(share(n))})`),
      h('span', { class: 'track', 'aria-hidden': 'true' }, bar),
    )
  }
  const r = fu.rate
  return h(
    'section',
    { class: 'block funnel' },
    h('h3', null, 'Response rate'),
    h(
      'p',
      { class: 'rate' },
      h('strong', null, f.pct(r.value)),
      fu.shown
        ? ` of ${f.count(fu.shown)} prompts shown were answered · 95 % interval ${f.ppInterval(r.low, r.high, '%')} (${f.method(r.method)})`
        : ' · no prompt shown in this period',
    ),
    h(
      'ol',
      { class: 'steps' },
      row('Shown', fu.shown, 'shown'),
      row('Answered', fu.answered, 'answered'),
      h('li', { class: 'sub' }, h('span', { class: 'step' }, `of which complete ${f.count(fu.completed)}, partial ${f.count(fu.partial)}`)),
      row('Dismissed', fu.dismissed, 'dismissed'),
      row('Ignored', fu.ignored, 'ignored'),
    ),
    h('p', { class: 'definition' }, fu.definition),
  )
}

/** @param {any[]} rows QuestionDropoff */
function dropoff(rows) {
  if (!rows.length) return null
  return h(
    'section',
    { class: 'block dropoff' },
    h('h3', null, 'Drop-off per question'),
    table({
      caption: 'Answers per question, of the responses that reached it',
      captionHidden: true,
      columns: ['Question', 'Reached', 'Answered', 'Share answered'],
      numeric: [1, 2, 3],
      rows: rows.map((q) => [q.text, f.count(q.reached), f.count(q.answered), q.reached ? f.pct((100 * q.answered) / q.reached) : '–']),
    }),
  )
}

/** Where the event happened and who owns it: "Card payment (Payments team)". @param {any} d */
const where = (d) => (d.touchpointName ? `${d.touchpointName}${d.owner ? ` (${d.owner})` : ''}` : 'not at a touchpoint')

/** @param {boolean} real @param {string} yes @param {string} no */
const verdict = (real, yes, no) =>
  h('span', { class: real ? 'verdict real' : 'verdict noise' }, h('span', { 'aria-hidden': 'true' }, real ? '● ' : '○ '), real ? yes : no)

/** @param {any[]} drivers Driver[] @param {string} name */
function rootCause(drivers, name) {
  return h(
    'section',
    { class: 'block cause' },
    h('h3', null, 'Root cause: what happened before the low scores'),
    h(
      'p',
      { class: 'muted' },
      `Events in the journeys before low scores at ${name}, against the journeys before the other scores. Lift = share with low scores − share with the others, in percentage points (pp).`,
    ),
    drivers.length
      ? table({
          caption: `Events before low scores at ${name}`,
          captionHidden: true,
          className: 'drivers',
          columns: ['Event', 'Lift (95 % interval)', 'Where, owner', 'Before low scores', 'Before the others', 'Verdict'],
          rows: drivers.map((d) => [
            d.label,
            h('span', { class: 'lift' }, h('strong', null, f.pp(d.lift.value)), ` (${f.ppInterval(d.lift.low, d.lift.high, 'pp')})`),
            where(d),
            `${f.pct(d.withLow.value)} of ${f.count(d.withLow.n)}`,
            `${f.pct(d.withOthers.value)} of ${f.count(d.withOthers.n)}`,
            verdict(d.real, 'real: precedes low scores', 'could be noise'),
          ]),
        })
      : h('p', { class: 'muted' }, 'No low scores with a journey in this period.'),
  )
}

/** @param {any[]} rows BiasRow[] @param {string} name @param {Map<string, string>} names */
function nonResponse(rows, name, names) {
  return h(
    'section',
    { class: 'block bias' },
    h('h3', null, 'Non-response bias: who did not answer'),
    h(
      'p',
      { class: 'muted' },
      `The journeys of those who answered at ${name}, against those shown the survey who did not. A real difference means the answers under-represent (or over-represent) people with that event.`,
    ),
    rows.length
      ? table({
          caption: `Events before answered and unanswered prompts at ${name}`,
          captionHidden: true,
          className: 'bias',
          columns: ['Event', 'Difference (95 % interval)', 'Where, owner', 'Answered', 'Not answered', 'Verdict'],
          rows: rows.map((b) => [
            b.label,
            h('span', { class: 'lift' }, h('strong', null, f.pp(b.difference.value)), ` (${f.ppInterval(b.difference.low, b.difference.high, 'pp')})`),
            b.touchpointName ? where(b) : b.touchpoint ? (names.get(b.touchpoint) ?? b.touchpoint) : 'not at a touchpoint',
            `${f.pct(b.answered.value)} of ${f.count(b.answered.n)}`,
            `${f.pct(b.unanswered.value)} of ${f.count(b.unanswered.n)}`,
            verdict(b.real, 'real: answers are skewed', 'no clear difference'),
          ]),
        })
      : h('p', { class: 'muted' }, 'No prompts with a journey in this period.'),
  )
}

/** @param {any} p PromptsPerPerson */
function perPerson(p) {
  return h(
    'section',
    { class: 'block ppp' },
    h('h3', null, 'Prompts per person'),
    p.available
      ? h('p', null, `${f.count(p.people)} people; prompts each: mean ${p.mean.toFixed(1)}, median ${p.median}, 95th percentile ${p.p95}, most ${p.max}.`)
      : h('p', { class: 'muted' }, p.reason),
  )
}
