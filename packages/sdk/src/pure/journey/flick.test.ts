import { describe, expect, it } from 'vitest'
import { validate } from '../validate'
import { flickUp } from './flick'

const SCREEN = 844

/** Feeds scroll positions one frame (16 ms) apart from `start` ms; whether any of them was a flick. */
function scroll(flick: ReturnType<typeof flickUp>, from: number, to: number, ms: number, start = 0): boolean {
  const frames = Math.max(1, Math.round(ms / 16))
  let hit = false
  for (let i = 1; i <= frames; i++) hit = flick(from + ((to - from) * i) / frames, start + i * 16, SCREEN) || hit
  return hit
}

describe('a flick up toward the address bar', () => {
  it('is half a screen up within 400 ms', () => {
    const flick = flickUp()
    expect(scroll(flick, 0, 3000, 2000)).toBe(false) // reading down
    expect(scroll(flick, 3000, 2500, 250, 5000)).toBe(true)
  })

  it('is not reading back up slowly, however far', () => {
    const flick = flickUp()
    expect(scroll(flick, 3000, 1500, 3000)).toBe(false)
    expect(scroll(flick, 1500, 1300, 300, 4000)).toBe(false)
  })

  it('is not scrolling down fast', () => {
    expect(scroll(flickUp(), 0, 2000, 200)).toBe(false)
  })

  it('counts a jump made in one frame from where the page rested', () => {
    const flick = flickUp()
    expect(flick(3000, 0, SCREEN)).toBe(false)
    expect(flick(2300, 5000, SCREEN)).toBe(true)
    expect(flick(2100, 9000, SCREEN)).toBe(false)
  })

  it('counts from where the page rested before a pause, not from long ago', () => {
    const flick = flickUp()
    expect(scroll(flick, 3000, 2800, 1000)).toBe(false)
    // After a pause, 300 px quickly: under half a screen even counted from the start of the slow run.
    expect(scroll(flick, 2800, 2500, 200, 10_000)).toBe(false)
    expect(scroll(flick, 2500, 2000, 200, 20_000)).toBe(true)
  })
})

describe('the config turns it on', () => {
  const config = (exitIntent: unknown) => ({
    sources: { exitIntent },
    surveys: [{ id: 's', trigger: { event: 'page.exit_intent' }, questions: [{ id: 'q', template: 'goal' }] }],
  })

  it('as exitIntent: { touch: true }, and says what is wrong with anything else', () => {
    expect(validate(config(true))).toEqual([])
    expect(validate(config({ touch: true }))).toEqual([])
    expect(validate(config({ touch: 'yes' })).map((p) => p.path)).toEqual(['sources.exitIntent.touch'])
    expect(validate(config({ tuch: true })).map((p) => p.path)).toEqual(['sources.exitIntent.tuch'])
  })
})
