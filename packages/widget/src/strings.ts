/**
 * UI strings and the copy of the built-in templates. English is built in; every other language is
 * a locale file of its own (locales/*.ts, built to `hetki-locale-<code>.js` next to the widget),
 * imported only when a survey shows in that language. `%1` and `%2` are filled in by `fill`.
 */
const EN = {
  close: 'Close survey',
  thanks: 'Thank you for your answer!',
  opened: 'A short survey opened: %1',
  of: 'of',
  step: 'Question %1 of %2',
  stepAt: 'Question %1',
  next: 'Next',
  send: 'Send',
  other: 'Other',
  otherText: 'Other, please specify',
  limit: 'At most %1 characters',
  yes: 'Yes',
  no: 'No',
  feelings: ['Frustrated', 'Disappointed', 'Neutral', 'Pleased', 'Delighted'],
  templates: {
    goal: ['Did you get done what you came for?'],
    effort: ['It was easy to do what I came here for.', 'Strongly disagree', 'Strongly agree'],
    feeling: ['How did it feel?'],
    csat: ['How satisfied are you?', 'Very unsatisfied', 'Very satisfied'],
    nps: ['How likely are you to recommend us to a friend or colleague?', 'Not at all likely', 'Extremely likely'],
  },
}

export type Strings = typeof EN

/**
 * The locale files, as literal relative imports: the build (rollup.config.mjs) turns each into
 * `import('./hetki-locale-<code>.js')`, which the script tag build resolves against the widget's
 * own URL at run time and which bundlers follow and emit with the widget.
 */
const LOCALES: Record<string, () => Promise<{ default: Strings }>> = {
  ar: () => import('./locales/ar'),
  da: () => import('./locales/da'),
  de: () => import('./locales/de'),
  es: () => import('./locales/es'),
  et: () => import('./locales/et'),
  fi: () => import('./locales/fi'),
  fr: () => import('./locales/fr'),
  he: () => import('./locales/he'),
  it: () => import('./locales/it'),
  nb: () => import('./locales/nb'),
  nl: () => import('./locales/nl'),
  pl: () => import('./locales/pl'),
  pt: () => import('./locales/pt'),
  sv: () => import('./locales/sv'),
}

/** Tags whose language a locale file covers under another code: Norwegian (and Nynorsk) read Bokmål; `iw` is Hebrew's old code. */
const ALIASES: Record<string, string> = { no: 'nb', nn: 'nb', iw: 'he' }

/** The locale file a language tag needs: `fi-FI` → `fi`, `no` → `nb`; English and unknown languages → `en`. */
export function localeOf(lang: string): string {
  const code = lang.toLowerCase().split(/[-_]/)[0]!
  const known = ALIASES[code] || code
  return LOCALES[known] ? known : 'en'
}

const loaded: Record<string, Strings> = { en: EN }
const loading: Record<string, Promise<void>> = {}

/** The UI strings for a language tag: its locale's once loaded (see `loadStrings`), English until then. */
export const stringsFor = (lang: string): Strings => loaded[localeOf(lang)] || EN

/**
 * Imports the locale file a language needs, once; undefined when there is nothing to wait for
 * (English, an unknown language, or already loaded). A locale that fails to load leaves English in
 * its place, and is tried again the next time.
 */
export function loadStrings(lang: string): Promise<void> | undefined {
  const code = localeOf(lang)
  if (loaded[code]) return
  return (loading[code] ||= LOCALES[code]!().then(
    (m) => void (loaded[code] = m.default),
    () => void delete loading[code],
  ))
}

/** Fills `%1`, `%2` … in a UI string. */
export const fill = (text: string, ...values: (string | number)[]): string => text.replace(/%(\d)/g, (_, i) => String(values[i - 1]))
