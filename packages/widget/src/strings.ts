/** UI strings built in; survey copy itself comes from the config. */
const STRINGS = {
  en: { close: 'Close survey', thanks: 'Thank you for your answer!', of: 'of' },
  fi: { close: 'Sulje kysely', thanks: 'Kiitos vastauksestasi!', of: '/' },
  sv: { close: 'Stäng enkäten', thanks: 'Tack för ditt svar!', of: 'av' },
}

export type Strings = (typeof STRINGS)['en']

/** `fi-FI` → Finnish; anything unknown → English. */
export const stringsFor = (lang: string): Strings =>
  STRINGS[lang.slice(0, 2).toLowerCase() as keyof typeof STRINGS] || STRINGS.en
