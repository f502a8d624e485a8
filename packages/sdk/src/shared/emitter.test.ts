import { describe, expect, it, vi } from 'vitest'
import { createEmitter } from './emitter'

type Events = { ping: number; pong: string }

describe('createEmitter', () => {
  it('calls the handlers of a type in the order they were added, with the payload', () => {
    const e = createEmitter<Events>()
    const seen: string[] = []
    e.on('ping', (n) => seen.push('a' + n))
    e.on('ping', (n) => seen.push('b' + n))
    e.on('pong', (s) => seen.push('pong ' + s))
    e.emit('ping', 1)
    expect(seen).toEqual(['a1', 'b1'])
  })

  it('keeps calling the other handlers when one throws, and does not throw itself', () => {
    const e = createEmitter<Events>()
    const after = vi.fn()
    e.on('ping', () => {
      throw new Error('host bug')
    })
    e.on('ping', after)
    expect(() => e.emit('ping', 2)).not.toThrow()
    expect(after).toHaveBeenCalledWith(2)
  })

  it('removes a handler with off, ignores unknown ones, and a handler may remove itself mid-emit', () => {
    const e = createEmitter<Events>()
    const second = vi.fn()
    const once = () => e.off('ping', once)
    e.on('ping', once)
    e.on('ping', second)
    e.off('ping', () => {})
    e.emit('ping', 1)
    e.emit('ping', 2)
    expect(second).toHaveBeenCalledTimes(2)
  })

  it('ignores a handler that is not a function', () => {
    const e = createEmitter<Events>()
    e.on('ping', 5 as never)
    expect(() => e.emit('ping', 1)).not.toThrow()
  })
})
