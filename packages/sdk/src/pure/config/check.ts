import { ms } from '../rules/duration'

type Rec = Record<string, any>

const isObject = (v: unknown): v is Rec => !!v && typeof v === 'object' && !Array.isArray(v)
const isText = (v: unknown): v is string => typeof v === 'string' && v !== ''
const isDuration = (v: unknown) => v === undefined || ms(v as string) >= 0
const isTexts = (v: unknown) => v === undefined || (Array.isArray(v) && v.every(isText))
const DURATION = 'a duration such as "30m"'

/**
 * A problem the core's check finds, as data: where (a JSON path such as
 * `surveys[0].trigger.within`, `''` for the config itself), and what its words name. Which kind of
 * problem it is shows in which of `expected` and `type` it has: a `code` field would cost every
 * page view bytes the core's budget does not have.
 */
export type ConfigProblem =
  /** The value at `path` is not what the SDK can run with: `expected` says what would be. */
  | { path: string; expected: string; type?: undefined }
  /** A question names a `type` or `template` the widget does not know (`path` ends in `.type`). */
  | { path: string; type: string; expected?: undefined }

/**
 * A problem in words, after its path: `must be a non-empty array`, `"mood" is not a known question
 * type`. The one place they are worded: the core's console error and the validator both say them.
 */
export const says = (p: ConfigProblem): string => (p.expected ? 'must be ' + p.expected : '"' + p.type + '" is not a known question type')

/**
 * The cheap structural check the core can afford on every page: enough to refuse a config the
 * rest of the SDK cannot run with, or one whose rules would fail silently (a window that never
 * matches, a share outside 0–1, a missing touchpoint). Returns the first problem, or nothing. The
 * validator command checks everything else.
 */
export function configProblem(config: unknown): ConfigProblem | undefined {
  let problem: ConfigProblem | undefined
  /** Records the first failed expectation; true when this one holds. */
  const need = (ok: unknown, path: string, expected: string): boolean => {
    if (!ok) problem ||= { path, expected }
    return !!ok
  }
  try {
    if (!need(isObject(config), '', 'a JSON object')) return problem
    const c = config as Rec
    need(c.endpoint === undefined || typeof c.endpoint === 'string', 'endpoint', 'a string')
    need(c.widgetUrl === undefined || isText(c.widgetUrl), 'widgetUrl', 'a URL')
    for (const k of ['sources', 'delivery']) need(c[k] === undefined || isObject(c[k]), k, 'an object')
    const touchpoints = new Set<string>()
    if (need(c.touchpoints === undefined || Array.isArray(c.touchpoints), 'touchpoints', 'an array'))
      (c.touchpoints || []).forEach((t: Rec, i: number) => {
        if (need(isObject(t) && isText(t.id), `touchpoints[${i}].id`, 'a non-empty string')) touchpoints.add(t.id)
      })
    const ids = new Set<string>()
    if (need(Array.isArray(c.surveys), 'surveys', 'an array'))
      c.surveys.forEach((s: Rec, i: number) => {
        const at = `surveys[${i}]`
        if (!need(isObject(s) && isText(s.id) && !ids.has(s.id), at + '.id', 'a non-empty string used once')) return
        ids.add(s.id)
        const t = s.trigger
        if (t !== undefined && need(isObject(t) && isText(t.event), at + '.trigger.event', 'a non-empty string')) {
          need(t.where === undefined || isObject(t.where), at + '.trigger.where', 'an object')
          need(t.count === undefined || (Number.isInteger(t.count) && t.count > 0), at + '.trigger.count', 'a whole number above 0')
          need(isDuration(t.within), at + '.trigger.within', DURATION)
          for (const k of ['after', 'unless'])
            need(
              t[k] === undefined || (isObject(t[k]) && isText(t[k].event) && isDuration(t[k].within)),
              at + '.trigger.' + k,
              '{ "event": …, "within": "30m" }',
            )
        }
        need(isDuration(s.delay), at + '.delay', DURATION)
        const a = s.audience
        need(a === undefined || (isObject(a) && !(a.sample < 0 || a.sample > 1)), at + '.audience', 'an object, its sample a share from 0 to 1')
        for (const k of ['urls', 'notUrls', 'lang']) need(isTexts(a?.[k]), at + '.audience.' + k, 'a list of texts')
        need(s.touchpoint === undefined || touchpoints.has(s.touchpoint), at + '.touchpoint', 'the id of one of the touchpoints')
        if (need(Array.isArray(s.questions) && s.questions.length, at + '.questions', 'a non-empty array'))
          s.questions.forEach((q: Rec, j: number) => {
            const qat = `${at}.questions[${j}]`
            if (!need(isObject(q) && isText(q.id), qat + '.id', 'a non-empty string')) return
            // A template fixes the type and supplies the text. The names are those of TEMPLATES
            // (./templates.ts), spelled here because importing the table would cost the core its bytes;
            // templates.test.ts holds the two together.
            const kind = q.template ? '@' + q.template : q.type
            if (!/^(rating|emotion|yesno|choice|text|@(goal|effort|feeling|csat|nps))$/.test(kind))
              problem ||= { path: qat + '.type', type: String(q.template || q.type) }
            need(q.template || isText(q.text) || isObject(q.text), qat + '.text', 'a non-empty string')
            need(q.scale === undefined || (Number.isInteger(q.scale) && q.scale >= 2 && q.scale <= 11), qat + '.scale', 'a whole number from 2 to 11')
          })
      })
  } catch {
    // A value that cannot be read, e.g. an object where text belongs whose "toString" is not a function.
    return { path: '', expected: 'plain JSON' }
  }
  return problem
}

/** The first problem in words, with its path (`surveys[0].questions must be a non-empty array`): the core's console error. */
export function checkConfig(config: unknown): string | undefined {
  const p = configProblem(config)
  return p && (p.path || 'the config') + ' ' + says(p)
}
