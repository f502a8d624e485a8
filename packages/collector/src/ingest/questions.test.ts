import { describe, expect, it } from 'vitest'
import type { Question } from '../../../sdk/src/pure/config/types'
import { answersProblem, asked } from './questions'

const check = (question: Question, answer: unknown) => answersProblem([question], { [question.id]: answer })

describe('an answer against its question', () => {
  it('reads templates as the widget asks them: their type fixed, their scale overridable', () => {
    expect(asked({ id: 'n', template: 'nps' })).toMatchObject({ type: 'rating', from: 0, scale: 10 })
    expect(asked({ id: 'e', template: 'effort' })).toMatchObject({ type: 'rating', from: 1, scale: 7 })
    expect(asked({ id: 'e', template: 'effort', scale: 5 })).toMatchObject({ type: 'rating', from: 1, scale: 5 })
    expect(check({ id: 'n', template: 'nps' }, 0)).toBeUndefined()
    expect(check({ id: 'n', template: 'nps' }, 11)).toBe('answer n must be a whole number from 0 to 10')
    expect(check({ id: 'e', template: 'effort' }, 7)).toBeUndefined()
    expect(check({ id: 'e', template: 'effort' }, 2.5)).toBe('answer e must be a whole number from 1 to 7')
  })

  it('takes null as a skipped question, whatever its type', () => {
    for (const q of [
      { id: 'a', type: 'rating' },
      { id: 'a', type: 'text' },
      { id: 'a', template: 'goal' },
    ] as Question[])
      expect(check(q, null)).toBeUndefined()
  })

  it("checks feelings against the question's own options, else the built-in ones", () => {
    const own: Question = { id: 'f', type: 'emotion', options: [{ id: 'calm', label: 'Calm', weight: 40 }] }
    expect(check(own, { id: 'calm', weight: 40 })).toBeUndefined()
    expect(check(own, { id: 'pleased', weight: 50 })).toMatch(/one of its feelings \(calm\)/)
    expect(check({ id: 'f', template: 'feeling' }, { id: 'pleased', weight: 50 })).toBeUndefined()
  })

  it('takes "other" and its text only on a choice that offers it, and several ids only on a multiple choice', () => {
    const single: Question = { id: 'c', type: 'choice', options: [{ id: 'a', label: 'A' }] }
    const other: Question = { ...single, other: true }
    const multiple: Question = {
      ...single,
      multiple: true,
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
    }
    expect(check(single, 'other')).toBe('answer c has an unknown option "other"')
    expect(answersProblem([single], { c: 'a', c_other: 'x' })).toBe('unknown question "c_other" for this survey')
    expect(answersProblem([other], { c: 'other', c_other: 'x' })).toBeUndefined()
    expect(answersProblem([other], { c: 'other', c_other: 'x'.repeat(201) })).toBe('answer c_other is too long: 201 characters, at most 200')
    expect(check(single, ['a'])).toBe('answer c must be one option id')
    expect(check(multiple, ['a', 'b'])).toBeUndefined()
    expect(check(multiple, 'a')).toBe('answer c must be a list of option ids')
    expect(check(multiple, ['a', 'a'])).toBe('answer c names an option twice')
  })

  it('holds open text to maxLength (default 500, never past the widget’s 2000)', () => {
    expect(check({ id: 't', type: 'text' }, 'x'.repeat(500))).toBeUndefined()
    expect(check({ id: 't', type: 'text' }, 'x'.repeat(501))).toBe('answer t is too long: 501 characters, at most 500')
    expect(check({ id: 't', type: 'text', maxLength: 5000 }, 'x'.repeat(2001))).toBe('answer t is too long: 2001 characters, at most 2000')
    expect(check({ id: 't', type: 'text' }, 42)).toBe('answer t must be text')
  })
})
