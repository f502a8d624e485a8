// The command's settings from its flags and environment: the knobs the README documents.
import { describe, expect, it } from 'vitest'
import { settingsFromEnvironment } from './settings'

describe('the settings from the environment', () => {
  const settings = (env: NodeJS.ProcessEnv) => settingsFromEnvironment({ config: 'hetki.json' }, env)

  it('read HETKI_READERS as the number of report readers, unset by default (the collector then picks)', () => {
    expect(settings({}).readers).toBeUndefined()
    expect(settings({ HETKI_READERS: '' }).readers).toBeUndefined()
    expect(settings({ HETKI_READERS: '0' }).readers).toBe(0)
    expect(settings({ HETKI_READERS: '3' }).readers).toBe(3)
  })

  it('refuse a HETKI_READERS that is not a whole number from 0 to 64, saying so', () => {
    for (const bad of ['-1', 'two', '1.5', '65']) expect(() => settings({ HETKI_READERS: bad })).toThrow(/HETKI_READERS must be a whole number from 0 to 64/)
  })
})
