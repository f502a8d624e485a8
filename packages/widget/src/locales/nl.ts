import type { Strings } from '../strings'

/** Dutch, informal (je), as most Dutch web interfaces address customers. */
export default {
  close: 'Enquête sluiten',
  thanks: 'Bedankt voor je antwoord!',
  opened: 'Er is een korte enquête geopend: %1',
  of: 'van',
  step: 'Vraag %1 van %2',
  stepAt: 'Vraag %1',
  next: 'Volgende',
  send: 'Versturen',
  other: 'Anders',
  otherText: 'Anders, namelijk',
  limit: 'Maximaal %1 tekens',
  yes: 'Ja',
  no: 'Nee',
  feelings: ['Gefrustreerd', 'Teleurgesteld', 'Neutraal', 'Tevreden', 'Enthousiast'],
  templates: {
    goal: ['Is het gelukt om te doen waarvoor je kwam?'],
    effort: ['Het was makkelijk om te doen waarvoor ik kwam.', 'Helemaal mee oneens', 'Helemaal mee eens'],
    feeling: ['Hoe voelde het?'],
    csat: ['Hoe tevreden ben je?', 'Zeer ontevreden', 'Zeer tevreden'],
    nps: ['Hoe waarschijnlijk is het dat je ons aanbeveelt bij een vriend of collega?', 'Zeer onwaarschijnlijk', 'Zeer waarschijnlijk'],
  },
} satisfies Strings
