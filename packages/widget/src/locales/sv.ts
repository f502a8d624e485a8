import type { Strings } from '../strings'

/** Swedish, informal (du), as Swedish addresses everyone. */
export default {
  close: 'Stäng enkäten',
  thanks: 'Tack för ditt svar!',
  opened: 'En kort enkät öppnades: %1',
  of: 'av',
  step: 'Fråga %1 av %2',
  stepAt: 'Fråga %1',
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
} satisfies Strings
