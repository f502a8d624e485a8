// Open-text answers per touchpoint, newest first, searchable: the customers' own words, with the
// scores they gave beside them.
import { h } from './dom.js'
import * as f from './format.js'

const SCORE = { csat: 'CSAT', nps: 'NPS', ces: 'CES', goal: 'Goal', emotion: 'Feeling' }

/**
 * @param {any} t an OpenText @param {Map<string, string>} names touchpoint ids → names
 * @param {Map<string, string>} questions "survey/question" → question text
 */
export function quote(t, names, questions) {
  const scores = t.scores.map(
    (/** @type {any} */ s) => `${SCORE[/** @type {keyof typeof SCORE} */ (s.metric)] ?? s.metric} ${s.metric === 'goal' ? (s.value ? 'yes' : 'no') : s.value}`,
  )
  return h(
    'li',
    { class: 'quote' },
    h(
      'figure',
      null,
      h('blockquote', { lang: t.lang || null }, t.text),
      h(
        'figcaption',
        null,
        h('span', { class: 'q' }, questions.get(`${t.survey}/${t.question}`) ?? t.question),
        h(
          'span',
          { class: 'meta' },
          [t.touchpoint ? (names.get(t.touchpoint) ?? t.touchpoint) : null, scores.join(', ') || null, t.lang, t.path, f.when(t.at)]
            .filter(Boolean)
            .join(' · '),
        ),
      ),
    ),
  )
}
