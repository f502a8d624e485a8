import type { PacingConfig, SurveyPacing } from './pacing'

/**
 * The config a web team hands to Hetki, as JSON (`data-config`, an inline script, or `init()`).
 * The core below is pinned for good; later fields only ever add to it.
 *
 * ```json
 * { "endpoint": "/collect",
 *   "surveys": [ { "id": "csat-order", "trigger": { "event": "order.completed" },
 *                  "questions": [ { "id": "q1", "type": "rating", "scale": 5,
 *                                   "text": "How satisfied are you with your order?" } ] } ] }
 * ```
 */
export interface Config {
  /** Where answers are POSTed as JSON (the wire format in the README). Relative URLs resolve against the page. */
  endpoint?: string
  /** The surveys Hetki may show, in priority order for now: the first that qualifies wins. */
  surveys: Survey[]
  /** Language of the UI and of survey copy; default: the page's `lang`, then the browser's. */
  lang?: string
  /** When true, nothing is stored, sent or shown until `consent(true)`. */
  requireConsent?: boolean
  /** URL of `hetki-widget.js`; default: next to `hetki.js` (script tag) or to `hetki.mjs` (npm). */
  widgetUrl?: string
  /** Log decisions and failures to `console.debug`; `?hetki_debug=1` in the page URL does the same. */
  debug?: boolean
  /** How often anyone may be asked, across all surveys and tabs (docs/pacing.md). */
  pacing?: PacingConfig
}

export interface Survey {
  /** Stable id, sent with every answer and used to remember who has seen what. */
  id: string
  /** When to show the survey. Without a trigger it shows only through `show(id)`. */
  trigger?: Trigger
  /** One to a few questions, asked in order. */
  questions: Question[]
  /** How often this survey may be asked (docs/pacing.md); default: once. */
  pacing?: SurveyPacing
}

export interface Trigger {
  /** The touchpoint event name that `track(name)` sends, e.g. `order.completed`. */
  event: string
}

/** Survey copy is always text: Hetki never renders it as HTML. */
export interface Question {
  id: string
  type: 'rating'
  text: string
  /** Number of points, 1…scale (default 5). */
  scale?: number
  /** Optional labels of the two ends, e.g. "Very unsatisfied" / "Very satisfied". */
  lowLabel?: string
  highLabel?: string
}
