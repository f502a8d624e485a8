import type { Strings } from '../strings'

/** Finnish, informal (sinä), as Finnish web interfaces address customers. */
export default {
  close: 'Sulje kysely',
  thanks: 'Kiitos vastauksestasi!',
  opened: 'Lyhyt kysely avautui: %1',
  of: '/',
  step: 'Kysymys %1/%2',
  stepAt: 'Kysymys %1',
  next: 'Seuraava',
  send: 'Lähetä',
  other: 'Muu',
  otherText: 'Muu, mikä?',
  limit: 'Enintään %1 merkkiä',
  yes: 'Kyllä',
  no: 'Ei',
  feelings: ['Turhautunut', 'Pettynyt', 'Neutraali', 'Tyytyväinen', 'Ilahtunut'],
  templates: {
    goal: ['Saitko tehtyä sen, mitä tulit tekemään?'],
    effort: ['Oli helppoa tehdä se, mitä tulin tekemään.', 'Täysin eri mieltä', 'Täysin samaa mieltä'],
    feeling: ['Miltä se tuntui?'],
    csat: ['Kuinka tyytyväinen olet?', 'Erittäin tyytymätön', 'Erittäin tyytyväinen'],
    nps: ['Kuinka todennäköisesti suosittelisit meitä ystävällesi tai kollegallesi?', 'Erittäin epätodennäköisesti', 'Erittäin todennäköisesti'],
  },
} satisfies Strings
