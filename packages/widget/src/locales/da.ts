import type { Strings } from '../strings'

/** Danish, informal (du), as Danish addresses everyone. */
export default {
  close: 'Luk undersøgelsen',
  thanks: 'Tak for dit svar!',
  opened: 'En kort undersøgelse blev åbnet: %1',
  of: 'af',
  step: 'Spørgsmål %1 af %2',
  stepAt: 'Spørgsmål %1',
  next: 'Næste',
  send: 'Send',
  other: 'Andet',
  otherText: 'Andet, nemlig',
  limit: 'Højst %1 tegn',
  yes: 'Ja',
  no: 'Nej',
  feelings: ['Frustreret', 'Skuffet', 'Neutral', 'Tilfreds', 'Begejstret'],
  templates: {
    goal: ['Fik du gjort det, du kom for?'],
    effort: ['Det var nemt at gøre det, jeg kom for.', 'Helt uenig', 'Helt enig'],
    feeling: ['Hvordan føltes det?'],
    csat: ['Hvor tilfreds er du?', 'Meget utilfreds', 'Meget tilfreds'],
    nps: ['Hvor sandsynligt er det, at du vil anbefale os til en ven eller kollega?', 'Slet ikke sandsynligt', 'Meget sandsynligt'],
  },
} satisfies Strings
