import type { Strings } from '../strings'

/**
 * French, formal (vous), with French spacing: a narrow no-break space before ! and ?, a no-break
 * space before the colon. Feelings describe the experience ("c'était frustrant") and satisfaction
 * is a level, so no label depends on the customer's gender.
 */
export default {
  close: 'Fermer le questionnaire',
  thanks: 'Merci pour votre réponse\u202f!',
  opened: 'Un court questionnaire s’est ouvert\u00a0: %1',
  of: 'sur',
  step: 'Question %1 sur %2',
  stepAt: 'Question %1',
  next: 'Suivant',
  send: 'Envoyer',
  other: 'Autre',
  otherText: 'Autre, veuillez préciser',
  limit: '%1 caractères maximum',
  yes: 'Oui',
  no: 'Non',
  feelings: ['Frustrant', 'Décevant', 'Neutre', 'Agréable', 'Enthousiasmant'],
  templates: {
    goal: ['Avez-vous pu faire ce que vous vouliez faire ici\u202f?'],
    effort: ['J’ai pu facilement faire ce que je voulais faire ici.', 'Pas du tout d’accord', 'Tout à fait d’accord'],
    feeling: ['Comment l’avez-vous vécu\u202f?'],
    csat: ['Quel est votre niveau de satisfaction\u202f?', 'Très faible', 'Très élevé'],
    nps: ['Quelle est la probabilité que vous nous recommandiez à un ami ou à un collègue\u202f?', 'Pas du tout probable', 'Extrêmement probable'],
  },
} satisfies Strings
