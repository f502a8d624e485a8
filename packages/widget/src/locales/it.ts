import type { Strings } from '../strings'

/**
 * Italian, formal (Lei). Feelings describe the experience and satisfaction is a level, so no label
 * depends on the customer's gender.
 */
export default {
  close: 'Chiudi il sondaggio',
  thanks: 'Grazie per la risposta!',
  opened: 'Si è aperto un breve sondaggio: %1',
  of: 'di',
  step: 'Domanda %1 di %2',
  stepAt: 'Domanda %1',
  next: 'Avanti',
  send: 'Invia',
  other: 'Altro',
  otherText: 'Altro (specificare)',
  limit: 'Massimo %1 caratteri',
  yes: 'Sì',
  no: 'No',
  feelings: ['Frustrante', 'Deludente', 'Neutrale', 'Piacevole', 'Entusiasmante'],
  templates: {
    goal: ['Ha potuto fare quello che voleva fare qui?'],
    effort: ['Mi è stato facile fare quello che volevo fare qui.', 'Per niente d’accordo', 'Completamente d’accordo'],
    feeling: ['Com’è stata l’esperienza?'],
    csat: ['Qual è il suo livello di soddisfazione?', 'Molto basso', 'Molto alto'],
    nps: ['Con quale probabilità ci consiglierebbe a un amico o a un collega?', 'Per niente probabile', 'Estremamente probabile'],
  },
} satisfies Strings
