// The valid configs the fuzzers start from: the README recipes (as packages/sdk/src/pure/config/recipes.test.ts
// reads them), the demo's config, and one config that turns on every field the core reads.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

const root = resolve(__dirname, '../..')
const readme = readFileSync(resolve(root, 'README.md'), 'utf8')
const recipes = [...readme.matchAll(/```json\n(\{ "id"[\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!))
const demo = JSON.parse(readFileSync(resolve(root, 'demo/site/hetki.json'), 'utf8'))

const q = [{ id: 'q1', type: 'rating', scale: 5, text: 'How was it?' }]

/** A valid config with every field the core and the engine read. */
export const rich = {
  endpoint: '/collect',
  touchpoints: [
    { id: 'payment', name: 'Payment', owner: 'Payments', stage: 'buy', channel: 'web', events: ['payment.failed'], urls: ['/pay*'] },
    { id: 'orders', owner: 'Shop', events: ['order.completed'], urls: ['/fuzz/*'] },
    { id: 'help-centre', owner: 'Support', urls: ['/help*'] },
  ],
  sources: {
    pageViews: true,
    clicks: [{ selector: 'button', event: 'ui.clicked' }],
    scrollDepth: [50],
    timeOnPage: [30],
    rageClick: true,
    formAbandon: true,
    idle: 30,
  },
  journey: { keep: 10, props: ['plan', 'method', 'amount', 'tags'] },
  pacing: { cooldownDays: 0, maxPerSession: 100, sessionMinutes: 30 },
  delivery: { maxRecords: 50, maxAgeDays: 7 },
  surveys: [
    {
      id: 'where',
      trigger: { event: 'order.completed', where: { plan: { in: ['gold', 'silver'] }, amount: { gte: 10 }, tags: { contains: 'vip' } } },
      questions: q,
      pacing: { frequency: 'untilAnswered' },
    },
    {
      id: 'count',
      touchpoint: 'payment',
      trigger: {
        event: 'payment.failed',
        where: { method: 'card' },
        count: 2,
        within: '30m',
        unless: { event: 'payment.succeeded', where: { method: { exists: true } }, within: '30m' },
      },
      questions: q,
    },
    {
      id: 'after',
      trigger: { event: 'help.opened', after: { event: 'payment.failed', within: '10m' } },
      audience: { urls: ['/fuzz/*', '/help*'], notUrls: ['/admin*'], user: { plan: { ne: 'internal' } }, sample: 1, lang: ['en', 'fi'] },
      priority: 2,
      questions: q,
    },
    { id: 'delayed', trigger: { event: 'cart.left' }, delay: '1s', questions: q },
  ],
}

export const bases: { name: string; config: object }[] = [
  { name: 'rich', config: rich },
  { name: 'demo', config: demo },
  ...recipes.map((survey) => ({
    name: 'recipe ' + survey.id,
    config: { endpoint: '/collect', touchpoints: ['payment', 'orders', 'help-centre'].map((id) => ({ id })), sources: { exitIntent: true }, surveys: [survey] },
  })),
]
