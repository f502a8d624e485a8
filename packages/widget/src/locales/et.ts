import type { Strings } from '../strings'

/** Estonian, formal (teie), as Estonian customer surveys usually ask; "8/10" as in Finnish. */
export default {
  close: 'Sulge küsitlus',
  thanks: 'Täname vastuse eest!',
  opened: 'Avanes lühike küsitlus: %1',
  of: '/',
  step: 'Küsimus %1/%2',
  stepAt: 'Küsimus %1',
  next: 'Edasi',
  send: 'Saada',
  other: 'Muu',
  otherText: 'Muu, palun täpsustage',
  limit: 'Kuni %1 tähemärki',
  yes: 'Jah',
  no: 'Ei',
  feelings: ['Ärritunud', 'Pettunud', 'Neutraalne', 'Rahul', 'Vaimustuses'],
  templates: {
    goal: ['Kas saite tehtud selle, mille pärast tulite?'],
    effort: ['Mul oli lihtne teha seda, mille pärast tulin.', 'Ei ole üldse nõus', 'Olen täiesti nõus'],
    feeling: ['Milline tunne see oli?'],
    csat: ['Kui rahul te olete?', 'Väga rahulolematu', 'Väga rahul'],
    nps: ['Kui tõenäoliselt soovitaksite meid sõbrale või kolleegile?', 'Üldse mitte tõenäoliselt', 'Väga tõenäoliselt'],
  },
} satisfies Strings
