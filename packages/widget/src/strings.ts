/**
 * UI strings and the copy of the built-in templates, in English, Finnish and Swedish. Survey copy
 * written in the config comes from there; `%1` and `%2` are filled in by `fill`.
 */
const STRINGS = {
  en: {
    close: 'Close survey',
    thanks: 'Thank you for your answer!',
    opened: 'A short survey opened: %1',
    of: 'of',
    step: 'Question %1 of %2',
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
  },
  fi: {
    close: 'Sulje kysely',
    thanks: 'Kiitos vastauksestasi!',
    opened: 'Lyhyt kysely avautui: %1',
    of: '/',
    step: 'Kysymys %1/%2',
    next: 'Seuraava',
    send: 'Lähetä',
    other: 'Muu',
    otherText: 'Muu, mikä?',
    limit: 'Enintään %1 merkkiä',
    yes: 'Kyllä',
    no: 'Ei',
    feelings: ['Turhautunut', 'Pettynyt', 'Neutraali', 'Tyytyväinen', 'Ilahtunut'],
    templates: {
      goal: ['Saitko tehtyä sen, mitä tulit tekemään?'],
      effort: ['Oli helppoa tehdä se, mitä tulin tekemään.', 'Täysin eri mieltä', 'Täysin samaa mieltä'],
      feeling: ['Miltä se tuntui?'],
      csat: ['Kuinka tyytyväinen olet?', 'Erittäin tyytymätön', 'Erittäin tyytyväinen'],
      nps: ['Kuinka todennäköisesti suosittelisit meitä ystävällesi tai kollegallesi?', 'Erittäin epätodennäköisesti', 'Erittäin todennäköisesti'],
    },
  },
  sv: {
    close: 'Stäng enkäten',
    thanks: 'Tack för ditt svar!',
    opened: 'En kort enkät öppnades: %1',
    of: 'av',
    step: 'Fråga %1 av %2',
    next: 'Nästa',
    send: 'Skicka',
    other: 'Annat',
    otherText: 'Annat, nämligen',
    limit: 'Högst %1 tecken',
    yes: 'Ja',
    no: 'Nej',
    feelings: ['Frustrerad', 'Besviken', 'Neutral', 'Nöjd', 'Förtjust'],
    templates: {
      goal: ['Fick du gjort det du kom för?'],
      effort: ['Det var lätt att göra det jag kom för.', 'Instämmer inte alls', 'Instämmer helt'],
      feeling: ['Hur kändes det?'],
      csat: ['Hur nöjd är du?', 'Mycket missnöjd', 'Mycket nöjd'],
      nps: ['Hur troligt är det att du skulle rekommendera oss till en vän eller kollega?', 'Inte alls troligt', 'Mycket troligt'],
    },
  },
}

export type Strings = (typeof STRINGS)['en']

/** `fi-FI` → Finnish; anything unknown → English. */
export const stringsFor = (lang: string): Strings =>
  STRINGS[lang.slice(0, 2).toLowerCase() as keyof typeof STRINGS] || STRINGS.en

/** Fills `%1`, `%2` … in a UI string. */
export const fill = (text: string, ...values: (string | number)[]): string =>
  text.replace(/%(\d)/g, (_, i) => String(values[i - 1]))
