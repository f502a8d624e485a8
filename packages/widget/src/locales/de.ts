import type { Strings } from '../strings'

/** German, formal (Sie). */
export default {
  close: 'Umfrage schließen',
  thanks: 'Vielen Dank für Ihre Antwort!',
  opened: 'Eine kurze Umfrage wurde geöffnet: %1',
  of: 'von',
  step: 'Frage %1 von %2',
  stepAt: 'Frage %1',
  next: 'Weiter',
  send: 'Senden',
  other: 'Sonstiges',
  otherText: 'Sonstiges, bitte angeben',
  limit: 'Höchstens %1 Zeichen',
  yes: 'Ja',
  no: 'Nein',
  feelings: ['Frustriert', 'Enttäuscht', 'Neutral', 'Zufrieden', 'Begeistert'],
  templates: {
    goal: ['Konnten Sie erledigen, weswegen Sie gekommen sind?'],
    effort: ['Ich konnte leicht erledigen, weswegen ich gekommen bin.', 'Stimme überhaupt nicht zu', 'Stimme voll und ganz zu'],
    feeling: ['Wie hat es sich angefühlt?'],
    csat: ['Wie zufrieden sind Sie?', 'Sehr unzufrieden', 'Sehr zufrieden'],
    nps: ['Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen weiterempfehlen?', 'Überhaupt nicht wahrscheinlich', 'Äußerst wahrscheinlich'],
  },
} satisfies Strings
