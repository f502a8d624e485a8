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
}

export interface Survey {
  /** Stable id, sent with every answer and used to remember who has seen what. */
  id: string
  /** When to show the survey. Without a trigger it shows only through `show(id)`. */
  trigger?: Trigger
  /** One to a few questions, asked in order; `when` on a question skips it. */
  questions: Question[]
  /** Where the prompt shows: `popover` (corner, default), `bar` (bottom of the window), or `inline` in `target`. */
  placement?: 'popover' | 'bar' | 'inline'
  /** CSS selector of the element an `inline` survey is put in; the survey does not show when nothing matches. */
  target?: string
  /** Colours and shape as CSS custom properties without the `--hetki-` prefix, e.g. `{ "accent": "#0b6e4f" }`; `mode` forces `light` or `dark`. */
  theme?: Theme
  /** Replaces the built-in thank-you text. */
  thanks?: Copy
  /** An optional link shown with the thank-you; only http(s) URLs are rendered. */
  link?: { text: Copy; url: string }
}

export interface Trigger {
  /** The touchpoint event name that `track(name)` sends, e.g. `order.completed`. */
  event: string
}

/** Survey copy: one text, or a text per language (`{ "en": "…", "fi": "…" }`, falling back to `en`). Always text, never HTML. */
export type Copy = string | Record<string, string>

export interface Theme {
  mode?: 'light' | 'dark' | 'auto'
  [property: string]: string | undefined
}

/** Built-in questions for the three touchpoint dimensions plus CSAT and NPS; their copy comes in English, Finnish and Swedish. */
export type Template = 'goal' | 'effort' | 'feeling' | 'csat' | 'nps'

interface QuestionBase {
  id: string
  /** A built-in question; fields given next to it override the template's. */
  template?: Template
  /** The question as the customer reads it (required unless a template gives it). */
  text?: Copy
  /** Ask only when an earlier answer matches, e.g. `{ "question": "effort", "atMost": 3 }`. */
  when?: Condition
}

export interface Condition {
  /** Id of an earlier question; when it was not answered the condition is false. */
  question: string
  equals?: string | number | boolean
  atMost?: number
  atLeast?: number
}

/** CSAT (1–5), CES (1–7), NPS (`from: 0`, `scale: 10`) or any 2…11-point scale, as numbers, stars or faces. */
export interface RatingQuestion extends QuestionBase {
  type: 'rating'
  /** Highest point (default 5). */
  scale?: number
  /** Lowest point, 0 or 1 (default 1). */
  from?: number
  /** Optional labels of the two ends, e.g. "Very unsatisfied" / "Very satisfied". */
  lowLabel?: Copy
  highLabel?: Copy
  display?: 'numbers' | 'stars' | 'emoji'
}

/** A set of feelings, each with a weight from −100 to 100; the answer is `{ id, weight }`. */
export interface EmotionQuestion extends QuestionBase {
  type: 'emotion'
  options?: { id: string; label: Copy; emoji?: string; weight: number }[]
}

/** Yes or no ("did you reach your goal?"); the answer is `true` or `false`. */
export interface YesNoQuestion extends QuestionBase {
  type: 'yesno'
}

/** Single (answer: option id) or multiple choice (answer: ids), null when skipped; `other` adds a free-text option sent as `<id>_other`. */
export interface ChoiceQuestion extends QuestionBase {
  type: 'choice'
  options: { id: string; label: Copy }[]
  multiple?: boolean
  other?: boolean
}

/** Short open text; the answer is the trimmed text, or null when left empty (skipped). */
export interface TextQuestion extends QuestionBase {
  type: 'text'
  /** At most this many characters (default 500). */
  maxLength?: number
  placeholder?: Copy
}

/** A built-in question used as it is, e.g. `{ "id": "goal", "template": "goal" }`. */
export interface TemplateQuestion extends QuestionBase {
  template: Template
  type?: undefined
}

export type Question = RatingQuestion | EmotionQuestion | YesNoQuestion | ChoiceQuestion | TextQuestion | TemplateQuestion
