import type { Strings } from '../strings'

/** Norwegian Bokmål, informal (du), as Norwegian addresses everyone; also used for `no` and `nn`. */
export default {
  close: 'Lukk undersøkelsen',
  thanks: 'Takk for svaret ditt!',
  opened: 'En kort undersøkelse ble åpnet: %1',
  of: 'av',
  step: 'Spørsmål %1 av %2',
  stepAt: 'Spørsmål %1',
  next: 'Neste',
  send: 'Send',
  other: 'Annet',
  otherText: 'Annet, nemlig',
  limit: 'Høyst %1 tegn',
  yes: 'Ja',
  no: 'Nei',
  feelings: ['Frustrert', 'Skuffet', 'Nøytral', 'Fornøyd', 'Begeistret'],
  templates: {
    goal: ['Fikk du gjort det du kom for?'],
    effort: ['Det var enkelt å gjøre det jeg kom for.', 'Helt uenig', 'Helt enig'],
    feeling: ['Hvordan føltes det?'],
    csat: ['Hvor fornøyd er du?', 'Svært misfornøyd', 'Svært fornøyd'],
    nps: ['Hvor sannsynlig er det at du vil anbefale oss til en venn eller kollega?', 'Svært lite sannsynlig', 'Svært sannsynlig'],
  },
} satisfies Strings
