import { TEMPLATES } from '../config/templates'
import type { Template } from '../config/types'
import { didYouMean } from './nearest'
import { child, type Problem } from './problem'
import { num, record, records, text } from './read'

type Rec = Record<string, unknown>
type Report = (p: Problem) => void

/** Where copy may be given per language, besides the question's `text`. */
const QUESTION_COPY = ['text', 'lowLabel', 'highLabel', 'placeholder']

const KIND_FIELDS: Record<string, string[]> = { rating: ['scale', 'from', 'lowLabel', 'highLabel', 'display'], emotion: ['options'], yesno: [] }

/** A rating field next to the goal template (yes/no) does nothing: the PM expected it to. */
function checkTemplateFields(q: Rec, at: string, report: Report): void {
  // What the template asks, so that fields of another kind next to it can be pointed out.
  const name = text(q.template)
  if (!name || !Object.prototype.hasOwnProperty.call(TEMPLATES, name)) return
  const kind = TEMPLATES[name as Template].type
  for (const field of Object.values(KIND_FIELDS).flat())
    if (q[field] !== undefined && !KIND_FIELDS[kind]!.includes(field))
      report({
        path: child(at, field),
        severity: 'warning',
        message: `does nothing with the "${q.template}" template, which asks a ${kind} question`,
        hint: `remove "${field}", or use a template or type it belongs to`,
      })
}

/**
 * Copy given per language but not in the default one: customers whose language has no text see
 * whichever the widget falls back to (English, then the first given), most likely not what was meant.
 */
function checkCopy(copy: unknown, at: string, lang: string, report: Report): void {
  const perLanguage = record(copy)
  if (!perLanguage) return
  const given = Object.keys(perLanguage)
  if (given.length && !given.some((l) => l.toLowerCase() === lang.toLowerCase() || l.toLowerCase() === lang.slice(0, 2).toLowerCase()))
    report({
      path: at,
      severity: 'warning',
      message: `has no text in the default language "${lang}" (given: ${given.join(', ')})`,
      expected: `a text for "${lang}"`,
      hint: `add "${lang.slice(0, 2)}": "…", or set the config's "lang"`,
    })
}

function checkWhen(q: Rec, j: number, ids: string[], at: string, report: Report): void {
  const when = record(q.when)
  if (!when) return
  const atWhen = child(at, 'when')
  const target = text(when.question)
  if (target !== undefined) {
    const index = ids.indexOf(target)
    if (index < 0)
      report({
        path: child(atWhen, 'question'),
        severity: 'error',
        message: `"${target}" is not a question of this survey`,
        expected: 'the id of an earlier question',
        hint:
          didYouMean(target, ids.slice(0, j)) ??
          'the earlier questions are ' +
            (ids
              .slice(0, j)
              .map((id) => `"${id}"`)
              .join(', ') || 'none'),
      })
    else if (index >= j)
      report({
        path: child(atWhen, 'question'),
        severity: 'error',
        message: `"${target}" is ${index === j ? 'this question itself' : 'asked later'}, so it has no answer yet and the question is never asked`,
        expected: 'the id of an earlier question',
        hint: 'move this question after it, or refer to an earlier one',
      })
  }
  const atMost = num(when.atMost)
  const atLeast = num(when.atLeast)
  if (atMost !== undefined && atLeast !== undefined && atMost < atLeast)
    report({
      path: child(atWhen, 'atMost'),
      severity: 'error',
      message: `(${atMost}) is below atLeast (${atLeast}), so the question is never asked`,
      hint: 'swap the two numbers',
    })
}

/** Questions, their copy and the thank-you: what the schema cannot say about them. */
export function checkQuestions(config: Rec, report: Report): void {
  const lang = text(config.lang) || 'en'
  for (const [survey, i] of records(config.surveys)) {
    const at = child('surveys', i)
    const questions = records(survey.questions)
    const ids = questions.map(([q]) => text(q.id) ?? '')
    for (const [q, j] of questions) {
      const atQ = child(child(at, 'questions'), j)
      if (q.template === undefined && q.text === undefined)
        report({
          path: child(atQ, 'text'),
          severity: 'error',
          message: 'is missing: a question needs a text unless it uses a template',
          expected: 'a text, or one per language',
        })
      for (const key of QUESTION_COPY) checkCopy(q[key], child(atQ, key), lang, report)
      for (const [option, k] of records(q.options)) checkCopy(option.label, child(child(child(atQ, 'options'), k), 'label'), lang, report)
      checkWhen(q, j, ids, atQ, report)
      checkTemplateFields(q, atQ, report)
    }
    checkCopy(survey.thanks, child(at, 'thanks'), lang, report)
    const link = record(survey.link)
    if (link) {
      checkCopy(link.text, child(child(at, 'link'), 'text'), lang, report)
      const url = text(link.url)
      // Relative URLs resolve against the page (http or https); any other scheme is never rendered.
      if (url !== undefined && /^[a-z][a-z\d+.-]*:/i.test(url) && !/^https?:/i.test(url))
        report({
          path: child(child(at, 'link'), 'url'),
          severity: 'error',
          message: `"${url}" is not an http(s) link, so it is not shown`,
          expected: 'an http(s) URL, or a path on the site',
          hint: 'use https://…',
        })
    }
    if (survey.placement === 'inline' && survey.target === undefined)
      report({
        path: child(at, 'target'),
        severity: 'error',
        message: 'is missing: an inline survey needs the CSS selector of the element it goes in, else it never shows',
        expected: 'a CSS selector such as "#feedback"',
      })
    if (survey.target !== undefined && survey.placement !== 'inline')
      report({
        path: child(at, 'target'),
        severity: 'warning',
        message: 'is used only with "placement": "inline"',
        hint: 'add "placement": "inline", or remove "target"',
      })
  }
}
