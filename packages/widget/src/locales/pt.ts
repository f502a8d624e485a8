import type { Strings } from '../strings'

/**
 * Portuguese, addressing the customer in the third person (você / o senhor alike), in words and
 * spelling that read right in Portugal and Brazil. Feelings describe the experience and satisfaction
 * is a level, so no label depends on the customer's gender.
 */
export default {
  close: 'Fechar questionário',
  thanks: 'Agradecemos a sua resposta!',
  opened: 'Um breve questionário foi aberto: %1',
  of: 'de',
  step: 'Pergunta %1 de %2',
  stepAt: 'Pergunta %1',
  next: 'Avançar',
  send: 'Enviar',
  other: 'Outro',
  otherText: 'Outro (especifique)',
  limit: 'Máximo de %1 caracteres',
  yes: 'Sim',
  no: 'Não',
  feelings: ['Frustrante', 'Fraca', 'Indiferente', 'Agradável', 'Excelente'],
  templates: {
    goal: ['Conseguiu fazer o que veio fazer?'],
    effort: ['Foi fácil fazer o que vim fazer.', 'Discordo totalmente', 'Concordo totalmente'],
    feeling: ['Como foi a experiência?'],
    csat: ['Qual é o seu nível de satisfação?', 'Muito baixo', 'Muito alto'],
    nps: ['Qual é a probabilidade de nos recomendar a um amigo ou colega?', 'Nada provável', 'Extremamente provável'],
  },
} satisfies Strings
