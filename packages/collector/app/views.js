// The views beside the touchpoint cards: one card per owner (their touchpoints together), and the
// coverage of the journey (stages and touchpoints with no survey or too few answers).
import { h, table, uid } from './dom.js'
import { metric } from './metric.js'
import { funnel } from './touchpoint.js'
import * as f from './format.js'

/** @param {any} o an OwnerScorecard @param {Map<string, string>} names @param {Record<string, string>} definitions */
export function ownerCard(o, names, definitions) {
  const id = uid('owner')
  const rate = o.shown ? f.pct((100 * o.answered) / o.shown) : '–'
  return h(
    'section',
    { class: 'card owner', 'aria-labelledby': id, 'data-owner': o.owner },
    h('h2', { id }, o.owner),
    h('p', { class: 'meta' }, `Touchpoints: ${o.touchpoints.map((/** @type {string} */ t) => names.get(t) ?? t).join(', ') || 'none'}`),
    h('p', { class: 'meta' }, `${f.count(o.shown)} prompts shown, ${f.count(o.answered)} answered (${rate}), ${f.count(o.dismissed)} dismissed`),
    o.metrics.length
      ? h(
          'div',
          { class: 'metrics' },
          o.metrics.map((/** @type {any} */ m) => metric(m, o.owner, definitions)),
        )
      : h('p', { class: 'muted' }, 'No scores measured at these touchpoints.'),
    o.funnel ? funnel(o.funnel) : null,
  )
}

const STATUS = {
  covered: { icon: '✓', word: 'Covered', tone: 'good' },
  'too few answers': { icon: '◐', word: 'Too few answers', tone: 'fair' },
  'no survey': { icon: '✗', word: 'No survey', tone: 'poor' },
}

/** @param {any[]} stages CoverageStage[] */
export function coverage(stages) {
  if (!stages.length) return [h('p', { class: 'muted' }, 'No journey stages in the config.')]
  return stages.map((stage) => {
    const id = uid('stage')
    const gaps = stage.touchpoints.filter((/** @type {any} */ t) => t.status !== 'covered').length
    return h(
      'section',
      { class: 'card stage', 'aria-labelledby': id, 'data-stage': stage.stage },
      h('h2', { id }, `Stage: ${stage.stage}`),
      h(
        'p',
        { class: 'meta' },
        gaps
          ? `${gaps} of ${plural(stage.touchpoints.length, 'touchpoint')} not covered`
          : stage.touchpoints.length === 1
            ? 'Its touchpoint is covered'
            : `All ${stage.touchpoints.length} touchpoints covered`,
      ),
      table({
        caption: `Coverage of the stage ${stage.stage}`,
        captionHidden: true,
        className: 'coverage',
        columns: ['Touchpoint', 'Status', 'Answers in the period', 'Owner', 'Surveys'],
        rows: stage.touchpoints.map((/** @type {any} */ t) => {
          const s = STATUS[/** @type {keyof typeof STATUS} */ (t.status)] ?? { icon: '', word: t.status, tone: 'none' }
          return [
            t.name,
            h('span', { class: `tone tone-${s.tone}` }, h('span', { 'aria-hidden': 'true' }, s.icon), ' ', s.word),
            t.metrics.length
              ? h(
                  'ul',
                  { class: 'plain' },
                  t.metrics.map((/** @type {any} */ m) =>
                    h(
                      'li',
                      null,
                      `${metricName(m.name)}: ${plural(m.n, 'answer')}${m.needed ? `, ${f.count(m.needed)} more needed for ${m.name === 'ces' ? '±0.6' : '±10 points'}` : `, enough for ${m.name === 'ces' ? '±0.6' : '±10 points'}`}`,
                    ),
                  ),
                )
              : 'no survey measures a score here',
            t.owner ?? '–',
            t.surveys.length ? t.surveys.join(', ') : 'none',
          ]
        }),
      }),
    )
  })
}

/** "1 answer", "12 answers". @param {number} n @param {string} word */
const plural = (n, word) => `${f.count(n)} ${word}${n === 1 ? '' : 's'}`

const NAMES = { csat: 'CSAT', nps: 'NPS', ces: 'Effort (CES)', goal: 'Goal reached', emotion: 'Emotional value' }
/** @param {string} name */
const metricName = (name) => NAMES[/** @type {keyof typeof NAMES} */ (name)] ?? name

/** The tone legend: what each colour means, in words. */
export function legend() {
  const badge = (/** @type {keyof typeof f.TONES} */ key) =>
    h('span', { class: `tone tone-${key}` }, h('span', { 'aria-hidden': 'true' }, f.TONES[key].icon), ' ', f.TONES[key].word)
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Legend' },
    h('li', null, badge('good'), ' ', badge('fair'), ' ', badge('poor'), ' against the metric’s target; ', badge('none')),
    h('li', null, h('span', { class: 'change real better' }, '▲ real change'), ': the 95 % interval of the difference excludes 0; otherwise “no clear change”'),
  )
}

/** Every definition the API gives, for the page's foot. @param {Record<string, string>} definitions */
export function definitionsList(definitions) {
  const entries = Object.entries(definitions)
  if (!entries.length) return null
  return h(
    'details',
    { class: 'definitions' },
    h('summary', null, 'Definitions and methods'),
    h(
      'dl',
      null,
      entries.map(([k, v]) => [h('dt', null, f.definitionTitle(k)), h('dd', null, v)]),
    ),
  )
}
