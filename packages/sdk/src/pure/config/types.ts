import type { Delivery } from './delivery'
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
  /**
   * The JSON Schema of this config, for editors (completion, docs on hover, errors as you type);
   * Hetki itself ignores it. E.g. `"https://unpkg.com/@hetki/sdk/config.schema.json"` or a
   * relative path such as `"./node_modules/@hetki/sdk/config.schema.json"`.
   */
  $schema?: string
  /** Where answers are POSTed as JSON (the wire format in the README). Relative URLs resolve against the page. */
  endpoint?: string
  /** How answers travel: content type, timeout, outbox bounds, opt-in personal data (docs/delivery.md). */
  delivery?: Delivery
  /** The surveys Hetki may show. When several qualify at once, the highest `priority` wins, then the first listed. */
  surveys: Survey[]
  /** The touchpoints of the customer journey that surveys refer to: where, and who owns them. */
  touchpoints?: Touchpoint[]
  /** Built-in journey sources to turn on (page views, clicks, scroll depth, …). */
  sources?: Sources
  /** What the journey trail keeps (it is sent with every answer). */
  journey?: JourneyConfig
  /** Language of the UI and of survey copy; default: the page's `lang`, then the browser's. */
  lang?: string
  /** When true, nothing is stored, sent or shown until `consent(true)`. */
  requireConsent?: boolean
  /**
   * URL of `hetki-widget.js`: all the lazy chunks (`hetki-engine.js`, `hetki-delivery.js`, …) are then imported from its folder.
   * Relative to `hetki.js` (script tag) or to the page (npm). Default: next to `hetki.js`, or wherever your bundler put them (npm).
   */
  widgetUrl?: string
  /** Log decisions and failures to `console.debug`. `?hetki_debug=1` in the page URL (or `debug(true)`) does too, and shows the debug panel (docs/debug.md). */
  debug?: boolean
  /** How often anyone may be asked, across all surveys and tabs (docs/pacing.md). */
  pacing?: PacingConfig
}

export interface Survey {
  /**
   * Stable id, sent with every answer and used to remember who has seen what.
   * @minLength 1
   */
  id: string
  /** The touchpoint (by id) this survey measures; its owner travels with every answer. */
  touchpoint?: string
  /** When to show the survey. Without a trigger it shows only through `show(id)`. */
  trigger?: Trigger
  /** Wait this long after the trigger (e.g. `"5s"`); cancelled if the customer leaves the page first. */
  delay?: Duration
  /** Who may be asked, and when. */
  audience?: Audience
  /** Higher wins when several surveys qualify at the same moment (default 0; ties: the first listed). */
  priority?: number
  /**
   * One to a few questions, asked in order; `when` on a question skips it.
   * @minItems 1
   */
  questions: Question[]
  /** Where the prompt shows: `popover` (corner, default), `bar` (bottom of the window), or `inline` in `target`. */
  placement?: 'popover' | 'bar' | 'inline'
  /**
   * CSS selector of the element an `inline` survey is put in; the survey does not show when nothing matches.
   * @minLength 1
   */
  target?: string
  /** Colours and shape as CSS custom properties without the `--hetki-` prefix, e.g. `{ "accent": "#0b6e4f" }`; `mode` forces `light` or `dark`. */
  theme?: Theme
  /** Replaces the built-in thank-you text. */
  thanks?: Copy
  /** An optional link shown with the thank-you; only http(s) URLs are rendered. */
  link?: { text: Copy; url: string }
  /** How often this survey may be asked (docs/pacing.md); default: once. */
  pacing?: SurveyPacing
}

/** A touchpoint: one encounter of the customer journey, with the person who owns its experience. */
export interface Touchpoint {
  /**
   * Stable id that surveys name in `touchpoint`; sent with every answer.
   * @minLength 1
   */
  id: string
  name?: string
  /** Who knows this touchpoint and acts on its feedback, e.g. "Payments team". */
  owner?: string
  /** Journey stage, e.g. "discover", "buy", "use", "get help". */
  stage?: string
  /** e.g. "web", "app", "phone", "store". */
  channel?: string
  /** Events that happen at this touchpoint; the journey trail labels them with its id. */
  events?: string[]
  /** Page paths of this touchpoint (`*` matches anything); events on them are labelled with its id. */
  urls?: string[]
}

/**
 * `"30s"`, `"10m"`, `"2h"`, `"7d"`, or a number of seconds.
 * @pattern ^\d+(\.\d+)?[smhd]?$
 * @minimum 0
 * @expected a duration such as "30m"
 * @hint a number followed by s, m, h or d, e.g. "90s", "10m", "2h", "7d"; a bare number counts seconds
 */
export type Duration = string | number

/**
 * Conditions on event properties (or user attributes), all of which must hold. A plain value means
 * "equals"; an object names operators: `{ "plan": "premium", "amount": { "gte": 100 } }`.
 */
export type Conditions = Record<string, unknown | Operators>

export interface Operators {
  eq?: unknown
  ne?: unknown
  in?: unknown[]
  notIn?: unknown[]
  gt?: number
  gte?: number
  lt?: number
  lte?: number
  /** Substring of a string, or member of an array. */
  contains?: unknown
  /** true: the property is present; false: it is absent. */
  exists?: boolean
}

/** A past event a trigger looks for, in a window before the trigger. */
export interface PastEvent {
  /**
   * The event name, as sent by `track(name)`.
   * @minLength 1
   */
  event: string
  where?: Conditions
  /** How far back to look; without it, the whole remembered journey. */
  within?: Duration
}

export interface Trigger {
  /**
   * The touchpoint event name that `track(name)` sends, e.g. `order.completed`.
   * @minLength 1
   */
  event: string
  /** Conditions on the event's properties. */
  where?: Conditions
  /**
   * Fire on the Nth matching event (e.g. 2 for "the second failed payment"), counted `within` a window when given.
   * @asType integer
   * @minimum 1
   */
  count?: number
  /** The window in which `count` events are counted, e.g. `"30m"`; without it, the whole remembered journey. */
  within?: Duration
  /** Sequence: fire only if this happened before ("A then B within T"). */
  after?: PastEvent
  /** Negation: fire only if this did not happen ("A and not B within T"); checked again when a delay ends. */
  unless?: PastEvent
}

export interface Audience {
  /** Page paths where the survey may show; `*` matches anything, e.g. `"/fi/*"`. */
  urls?: string[]
  /** Page paths where it never shows. */
  notUrls?: string[]
  /**
   * Devices where the survey may show: one, or a list.
   * @expected "desktop", "mobile", "tablet" or a list of them
   */
  device?: 'desktop' | 'mobile' | 'tablet' | Array<'desktop' | 'mobile' | 'tablet'>
  /** Language prefixes, e.g. `["fi", "sv"]`. */
  lang?: string[]
  /** Conditions on the attributes given to `identify()`; `{ "id": { "exists": true } }` means identified people only. */
  user?: Conditions
  /**
   * Schedule: ISO dates (inclusive) between which the survey may show, e.g. `"2025-03-01"`.
   * @pattern ^\d{4}-\d{2}-\d{2}
   * @expected an ISO date such as "2025-03-01"
   */
  from?: string
  /**
   * Last day (inclusive) the survey may show, e.g. `"2025-03-31"`; a full date-time ends at that moment.
   * @pattern ^\d{4}-\d{2}-\d{2}
   * @expected an ISO date such as "2025-03-31"
   */
  until?: string
  /**
   * Share of people asked, 0–1. Decided once per person and survey: the same verdict on every page and tab.
   * @minimum 0
   * @maximum 1
   */
  sample?: number
}

/** Built-in journey sources; each adds events to the journey as if the page had called `track()`. */
export interface Sources {
  /** `page.viewed` on load and on single-page-app navigation (history changes). */
  pageViews?: boolean
  /** A click on an element matching `selector` sends `event`. */
  clicks?: ClickSource[]
  /** `page.time` with `{ seconds }` after each of these numbers of seconds on a page. */
  timeOnPage?: Seconds[]
  /** `page.scrolled` with `{ percent }` when the page is scrolled this deep, once per page. */
  scrollDepth?: Percent[]
  /** `page.exit_intent` when the pointer leaves through the top of the window (desktop only), once per page. */
  exitIntent?: boolean
  /**
   * `user.idle` with `{ seconds }` after this many seconds without input.
   * @exclusiveMinimum 0
   */
  idle?: number
  /** `form.abandoned` with `{ form }` when a started form is left unsent (page left or SPA navigation). */
  formAbandon?: boolean
  /** `ui.rage_click` when the same spot is clicked 3 times within a second. */
  rageClick?: boolean
}

/** A click on an element matching `selector` sends `event`. */
export interface ClickSource {
  /**
   * CSS selector, e.g. `"#buy"`.
   * @minLength 1
   */
  selector: string
  /**
   * The event name sent, as if by `track(event)`.
   * @minLength 1
   */
  event: string
}

/**
 * A number of seconds.
 * @exclusiveMinimum 0
 */
export type Seconds = number

/**
 * A percentage, 0–100.
 * @minimum 0
 * @maximum 100
 */
export type Percent = number

export interface JourneyConfig {
  /**
   * How many recent events the trail keeps (default 20).
   * @asType integer
   * @minimum 0
   */
  keep?: number
  /** Event properties kept in the trail (and so sent with answers); all others are dropped. Default: none. */
  props?: string[]
}

/**
 * Survey copy: one text, or a text per language (`{ "en": "…", "fi": "…" }`, falling back to `en`). Always text, never HTML.
 * @expected a text, or a text per language such as { "en": "…", "fi": "…" }
 */
export type Copy = string | Record<string, string>

/** CSS custom properties without the `--hetki-` prefix (any name), plus `mode`. */
export interface Theme {
  /** `light` or `dark` forces that look; `auto` (default) follows the customer's system. */
  mode?: 'light' | 'dark' | 'auto'
  [property: string]: string | undefined
}

/** Built-in questions for the three touchpoint dimensions plus CSAT and NPS; their copy comes in English, Finnish and Swedish. */
export type Template = 'goal' | 'effort' | 'feeling' | 'csat' | 'nps'

interface QuestionBase {
  /**
   * Key of the answer in what is sent, and what `when` refers to; unique within the survey.
   * @minLength 1
   */
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
  /**
   * Highest point (default 5).
   * @asType integer
   * @minimum 2
   * @maximum 11
   */
  scale?: number
  /**
   * Lowest point, 0 or 1 (default 1).
   * @asType integer
   * @minimum 0
   * @maximum 1
   */
  from?: number
  /** Optional labels of the two ends, e.g. "Very unsatisfied" / "Very satisfied". */
  lowLabel?: Copy
  highLabel?: Copy
  display?: 'numbers' | 'stars' | 'emoji'
}

/** A set of feelings, each with a weight from −100 to 100; the answer is `{ id, weight }`. */
export interface EmotionQuestion extends QuestionBase {
  type: 'emotion'
  /** @minItems 1 */
  options?: EmotionOption[]
}

/** Yes or no ("did you reach your goal?"); the answer is `true` or `false`. */
export interface YesNoQuestion extends QuestionBase {
  type: 'yesno'
}

/** Single (answer: option id) or multiple choice (answer: ids), null when skipped; `other` adds a free-text option sent as `<id>_other`. */
export interface ChoiceQuestion extends QuestionBase {
  type: 'choice'
  /**
   * The choices, in order; each `id` is what the answer carries.
   * @minItems 1
   */
  options: ChoiceOption[]
  multiple?: boolean
  other?: boolean
}

/** Short open text; the answer is the trimmed text, or null when left empty (skipped). */
export interface TextQuestion extends QuestionBase {
  type: 'text'
  /**
   * At most this many characters (default 500).
   * @asType integer
   * @minimum 1
   */
  maxLength?: number
  placeholder?: Copy
}

/**
 * A built-in question, as it is (`{ "id": "goal", "template": "goal" }`) or adjusted: the fields of
 * its kind given next to it win over the template's, e.g. `{ "template": "csat", "display": "stars" }`.
 */
export interface TemplateQuestion extends QuestionBase {
  template: Template
  type?: undefined
  /**
   * Rating templates (effort, csat, nps): highest point.
   * @asType integer
   * @minimum 2
   * @maximum 11
   */
  scale?: number
  /**
   * Rating templates: lowest point, 0 or 1.
   * @asType integer
   * @minimum 0
   * @maximum 1
   */
  from?: number
  /** Rating templates: labels of the two ends, replacing the built-in ones. */
  lowLabel?: Copy
  highLabel?: Copy
  /** Rating templates: numbers, stars or faces. */
  display?: 'numbers' | 'stars' | 'emoji'
  /**
   * The feeling template: its own set of feelings.
   * @minItems 1
   */
  options?: EmotionOption[]
}

/**
 * One question: a `type` (rating, emotion, yesno, choice, text) or a built-in `template`.
 * @expected a question with a "type" (rating, emotion, yesno, choice, text) or a "template" (goal, effort, feeling, csat, nps)
 */
export type Question = RatingQuestion | EmotionQuestion | YesNoQuestion | ChoiceQuestion | TextQuestion | TemplateQuestion

/** One feeling of an emotion question. */
export interface EmotionOption {
  /** @minLength 1 */
  id: string
  label: Copy
  emoji?: string
  /**
   * From −100 (very negative) to 100 (very positive).
   * @minimum -100
   * @maximum 100
   */
  weight: number
}

/** One choice of a choice question. */
export interface ChoiceOption {
  /**
   * What the answer carries when this choice is picked; unique within the question.
   * @minLength 1
   */
  id: string
  label: Copy
}
