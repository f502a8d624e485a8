// One metric as an owner reads it: the value with its verdict in words, the n and the 95 %
// interval with its method, the formula, how precise it is, the change against the previous
// period (marked only when real), and its trend.
import { h } from './dom.js'
import { trend } from './chart.js'
import * as f from './format.js'

/**
 * @param {any} m a Metric @param {string} subject whose metric (for the chart's name)
 * @param {Record<string, string>} definitions the API's formulas and methods in words
 */
export function metric(m, subject, definitions) {
  const t = f.tone(m)
  const c = f.change(m)
  return h(
    'div',
    { class: 'metric', 'data-metric': m.name, 'data-tone': t },
    h(
      'p',
      { class: 'headline' },
      h('span', { class: 'label' }, m.label),
      ' ',
      h('strong', { class: 'value' }, f.value(m, m.value)),
      ' ',
      h('span', { class: `tone tone-${t}` }, h('span', { 'aria-hidden': 'true' }, f.TONES[t].icon), ' ', f.TONES[t].word),
    ),
    h(
      'p',
      { class: 'stats' },
      `n = ${f.count(m.n)}`,
      m.n ? ` · 95 % interval ${f.interval(m, m.low, m.high)} (${f.method(m.method)})` : ' · no interval without answers',
    ),
    h(
      'p',
      { class: `change ${c.real ? (c.better === false ? 'real worse' : 'real better') : 'none'}` },
      h('span', { class: 'change-text' }, c.text),
      c.detail ? h('span', { class: 'change-detail' }, ' ' + c.detail) : null,
    ),
    f.targets(m) ? h('p', { class: 'targets' }, f.targets(m)) : null,
    h('p', { class: 'precision' }, f.precision(m)),
    h('p', { class: 'formula' }, m.formula),
    m.trend?.length ? trend(m, subject) : null,
    definitions[m.method]
      ? h(
          'details',
          { class: 'how' },
          h('summary', null, `How ${m.label} is computed`),
          h('p', null, m.formula),
          h('p', null, definitions[m.method]),
          definitions.precision ? h('p', null, definitions.precision) : null,
        )
      : null,
  )
}
