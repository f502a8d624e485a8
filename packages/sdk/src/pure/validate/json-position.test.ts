import { describe, expect, it } from 'vitest'
import { syntaxErrorAt } from './json-position'

describe('syntaxErrorAt', () => {
  it('finds nothing wrong in valid JSON', () => {
    for (const text of ['{}', ' [1, -2.5e3, "a\\n\\u00e9", true, null, {"a": []}] ', '"x"']) expect(syntaxErrorAt(text), text).toBeUndefined()
    expect(() => JSON.parse('{"a": [1, {"b": "\\""}]}')).not.toThrow()
  })

  it('points at the first mistake, 1-based', () => {
    expect(syntaxErrorAt('{"a": 1,\n "b": tru}')).toEqual({ line: 2, column: 7 })
    expect(syntaxErrorAt('{ "a": 1, }')).toEqual({ line: 1, column: 11 })
    expect(syntaxErrorAt('{"a": 1} x')).toEqual({ line: 1, column: 10 })
    expect(syntaxErrorAt('{"a": "x')).toEqual({ line: 1, column: 9 })
    expect(syntaxErrorAt("{'a': 1}")).toEqual({ line: 1, column: 2 })
    expect(syntaxErrorAt('')).toEqual({ line: 1, column: 1 })
  })
})
