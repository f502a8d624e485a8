import type { Strings } from '../strings'

/**
 * Polish, informal (ty), as Polish web interfaces usually address customers, in forms that do not
 * depend on the customer's gender (present and future tense, neuter labels for the experience).
 * The limit is a label ("Limit znaków: 500"), so the number needs no plural form.
 */
export default {
  close: 'Zamknij ankietę',
  thanks: 'Dziękujemy za odpowiedź!',
  opened: 'Otwarto krótką ankietę: %1',
  of: 'z',
  step: 'Pytanie %1 z %2',
  stepAt: 'Pytanie %1',
  next: 'Dalej',
  send: 'Wyślij',
  other: 'Inne',
  otherText: 'Inne, jakie?',
  limit: 'Limit znaków: %1',
  yes: 'Tak',
  no: 'Nie',
  feelings: ['Frustrujące', 'Rozczarowujące', 'Neutralne', 'Przyjemne', 'Wspaniałe'],
  templates: {
    goal: ['Czy udało ci się załatwić to, po co tu jesteś?'],
    effort: ['Łatwo było mi załatwić to, po co tu jestem.', 'Zdecydowanie się nie zgadzam', 'Zdecydowanie się zgadzam'],
    feeling: ['Jakie to było doświadczenie?'],
    csat: ['Jaki jest twój poziom zadowolenia?', 'Bardzo niski', 'Bardzo wysoki'],
    nps: ['Jak prawdopodobne jest, że polecisz nas znajomemu lub współpracownikowi?', 'Bardzo mało prawdopodobne', 'Bardzo prawdopodobne'],
  },
} satisfies Strings
