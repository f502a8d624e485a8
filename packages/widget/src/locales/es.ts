import type { Strings } from '../strings'

/**
 * Spanish, formal (usted), worded for Spain and Latin America alike. Feelings describe the
 * experience and satisfaction is a level, so no label depends on the customer's gender.
 */
export default {
  close: 'Cerrar encuesta',
  thanks: '¡Gracias por su respuesta!',
  opened: 'Se abrió una encuesta breve: %1',
  of: 'de',
  step: 'Pregunta %1 de %2',
  stepAt: 'Pregunta %1',
  next: 'Siguiente',
  send: 'Enviar',
  other: 'Otro',
  otherText: 'Otro (especifique)',
  limit: 'Máximo %1 caracteres',
  yes: 'Sí',
  no: 'No',
  feelings: ['Frustrante', 'Decepcionante', 'Normal', 'Agradable', 'Excelente'],
  templates: {
    goal: ['¿Pudo hacer lo que vino a hacer?'],
    effort: ['Me resultó fácil hacer lo que vine a hacer.', 'Totalmente en desacuerdo', 'Totalmente de acuerdo'],
    feeling: ['¿Cómo fue la experiencia?'],
    csat: ['¿Cuál es su nivel de satisfacción?', 'Muy bajo', 'Muy alto'],
    nps: ['¿Qué probabilidad hay de que nos recomiende a un amigo o colega?', 'Nada probable', 'Extremadamente probable'],
  },
} satisfies Strings
