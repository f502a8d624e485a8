// The README's recipes are configs people copy: each must pass the check as written.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkConfig } from './check'

const readme = readFileSync(resolve(__dirname, '../../../../../README.md'), 'utf8')
const recipes = [...readme.matchAll(/```json\n(\{ "id"[\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!))

const touchpoints = ['payment', 'orders', 'help-centre'].map((id) => ({ id }))

describe('the README recipes', () => {
  it('are there', () => expect(recipes.length).toBeGreaterThanOrEqual(3))
  it.each(recipes.map((r) => [r.id, r]))('%s passes the check', (_, survey) => {
    expect(checkConfig({ touchpoints, sources: { exitIntent: true }, surveys: [survey] })).toBeUndefined()
  })
})
