import { afterEach, describe, expect, it, vi } from 'vitest'
import { debug, isDebug, setDebug } from './log'

afterEach(() => setDebug(false))

describe('the debug log', () => {
  it("follows the core's flag live when a chunk is given its isDebug, so hetki.debug() reaches every chunk", () => {
    const say = vi.spyOn(console, 'debug').mockImplementation(() => {})
    let core = false
    setDebug(() => core)
    debug('quiet')
    core = true
    debug('heard')
    expect(isDebug()).toBe(true)
    core = false
    debug('quiet again')
    expect(say.mock.calls).toEqual([['[hetki]', 'heard']])
    say.mockRestore()
  })
})
