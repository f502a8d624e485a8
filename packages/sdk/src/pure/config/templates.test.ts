import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkConfig } from './check'
import { FEELINGS } from './feelings'
import { TEMPLATES } from './templates'

const withTemplate = (template: string) => ({ surveys: [{ id: 's', questions: [{ id: 'q', template }] }] })

describe('the one table of templates', () => {
  it("is what the core's check accepts, no more and no less", () => {
    // The check spells the names in a pattern of its own, to keep the table out of the core.
    const source = readFileSync(resolve(__dirname, 'check.ts'), 'utf8')
    const spelled = /@\(([\w|]+)\)/.exec(source)![1]!.split('|')
    expect(spelled.sort()).toEqual(Object.keys(TEMPLATES).sort())
    for (const name of Object.keys(TEMPLATES)) expect(checkConfig(withTemplate(name))).toBeUndefined()
    expect(checkConfig(withTemplate('toString'))).toMatch(/is not a known question type/)
  })

  it('gives the built-in feelings from worst to best, their weights from −100 to 100', () => {
    expect(FEELINGS.map((f) => f.id)).toEqual(['frustrated', 'disappointed', 'neutral', 'pleased', 'delighted'])
    const weights = FEELINGS.map((f) => f.weight)
    expect(weights).toEqual([...weights].sort((a, b) => a - b))
    expect([weights[0], weights.at(-1)]).toEqual([-100, 100])
  })
})
