// The corpus: configs with every problem the validator must report (path, severity, a fragment of
// the message and of the hint), the README's recipes and the demo's config, which must pass; and
// ajv, as an independent oracle, must agree with the schema walker on each of them.
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import Ajv from 'ajv'
import { describe, expect, it } from 'vitest'
import schema from '../../../config.schema.json'
import type { Problem } from './problem'
import type { Schema } from './schema'
import { validate } from './validate'
import { walkSchema } from './walk'

const dir = resolve(__dirname, 'corpus')
const corpus = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(resolve(dir, f), 'utf8'))] as [string, { config: unknown; problems: Partial<Problem>[] }])

const repo = resolve(__dirname, '../../../../..')
const readme = readFileSync(resolve(repo, 'README.md'), 'utf8')
const recipes = [...readme.matchAll(/```json\n(\{ "id"[\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!))
const touchpoints = ['payment', 'orders', 'help-centre'].map((id) => ({ id }))
const good: [string, unknown][] = [
  ...recipes.map((r): [string, unknown] => ['README recipe ' + r.id, { touchpoints, sources: { exitIntent: true }, surveys: [r] }]),
  ['demo/site/hetki.json', JSON.parse(readFileSync(resolve(repo, 'demo/site/hetki.json'), 'utf8'))],
]

const matches = (p: Problem, want: Partial<Problem>) =>
  p.path == want.path && p.severity == want.severity && p.message.includes(want.message!) && (!want.hint || !!p.hint?.includes(want.hint))

describe('the corpus', () => {
  it.each(corpus)('%s: exactly the expected problems', (_, { config, problems: wanted }) => {
    const found = validate(config)
    const missing = wanted.filter((w) => !found.some((p) => matches(p, w)))
    const unexpected = found.filter((p) => !wanted.some((w) => matches(p, w)))
    expect({ missing, unexpected }).toEqual({ missing: [], unexpected: [] })
  })

  it('gives every error an expectation or a hint', () => {
    for (const [, { config }] of corpus) for (const p of validate(config)) if (p.severity == 'error') expect(p.expected || p.hint, p.path).toBeTruthy()
  })
})

describe('good configs', () => {
  it('include the README recipes', () => expect(recipes.length).toBeGreaterThanOrEqual(3))
  it.each(good)('%s has no problems', (_, config) => expect(validate(config)).toEqual([]))
})

describe('the schema walker agrees with ajv', () => {
  // ajv compiles with new Function (forbidden by a strict CSP) and is far bigger: a test oracle only.
  // strict: false because of the editor keywords (markdownDescription…) and our expected/hint.
  const ajv = new Ajv({ strict: false, allErrors: true })
  const check = ajv.compile(schema)
  it.each([...corpus.map(([f, c]): [string, unknown] => [f, c.config]), ...good])('on %s', (_, config) => {
    expect(walkSchema(config, schema as Schema).length == 0).toBe(check(config))
  })
})
