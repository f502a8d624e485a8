// The committed config.schema.json is generated from the TypeScript types: regenerate it and
// compare, so nobody can change one without the other (`npm run schema` updates it).
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ms } from '../rules/duration'
import schema from '../../../config.schema.json'

const repo = resolve(__dirname, '../../../../..')

describe('config.schema.json', () => {
  it('is what `npm run schema` generates from the types today', () => {
    const fresh = execFileSync(process.execPath, [resolve(repo, 'scripts/schema.mjs'), '--stdout'], { cwd: repo, encoding: 'utf8' })
    const committed = readFileSync(resolve(repo, 'packages/sdk/config.schema.json'), 'utf8')
    expect(committed === fresh, 'config.schema.json is stale: run `npm run schema` and commit it').toBe(true)
  }, 60_000)

  it('accepts exactly the durations the rules can read', () => {
    const pattern = new RegExp(schema.definitions.Duration.pattern)
    for (const d of ['30s', '10m', '2h', '7d', '90', '1.5h', 'ten minutes', '10 m', '-5s', '1w', '', 'm']) expect(pattern.test(d), d).toBe(!Number.isNaN(ms(d)))
  })

  it('lets a config name its schema', () => {
    expect(schema.definitions.Config.properties.$schema.type).toBe('string')
  })
})
