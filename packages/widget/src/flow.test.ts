import { describe, expect, it } from 'vitest'
import type { Question } from '../../sdk/src/pure/config/types'
import { holds, next, remaining } from './flow'

const questions: Question[] = [
  { id: 'effort', type: 'rating', scale: 7, text: 'Easy?' },
  { id: 'why', type: 'text', text: 'Why?', when: { question: 'effort', atMost: 3 } },
  { id: 'feel', type: 'emotion', text: 'Feeling?' },
  { id: 'sorry', type: 'text', text: 'Sorry, what went wrong?', when: { question: 'feel', atMost: -50 } },
  { id: 'goal', type: 'yesno', text: 'Goal?', when: { question: 'feel', equals: 'delighted' } },
]

describe('branching', () => {
  it('asks "why" only when effort is 3 or less', () => {
    expect(next(questions, 0, { effort: 3 })).toBe(1)
    expect(next(questions, 0, { effort: 4 })).toBe(2)
  })

  it('compares a feeling by its weight (atMost) and by its id (equals)', () => {
    expect(next(questions, 2, { feel: { id: 'frustrated', weight: -100 } })).toBe(3)
    expect(next(questions, 2, { feel: { id: 'delighted', weight: 100 } })).toBe(4)
    expect(next(questions, 2, { feel: { id: 'neutral', weight: 0 } })).toBe(-1)
  })

  it('treats a condition on an unanswered (skipped) question as not met', () => {
    expect(holds({ question: 'effort', atMost: 3 }, {})).toBeUndefined()
    expect(next(questions, 0, {})).toBe(2)
  })

  it('matches equals against any id of a multiple choice', () => {
    expect(holds({ question: 'q', equals: 'price' }, { q: ['speed', 'price'] })).toBe(true)
    expect(holds({ question: 'q', equals: 'price' }, { q: ['speed'] })).toBe(false)
    expect(holds({ question: 'q', equals: false }, { q: false })).toBe(true)
  })

  it('starts at the first question that may be asked, and ends with -1', () => {
    expect(next(questions, -1, {})).toBe(0)
    expect(next([{ id: 'a', type: 'yesno', text: 'A', when: { question: 'x', equals: 1 } }], -1, {})).toBe(-1)
  })

  it('counts the questions still possible for the progress text', () => {
    // Before effort is answered every later question may still come (but "sorry" and "goal" depend on feel).
    expect(remaining(questions, 0, {})).toBe(4)
    expect(remaining(questions, 0, { effort: 6 })).toBe(3)
    expect(remaining(questions, 2, { effort: 6, feel: { id: 'neutral', weight: 0 } })).toBe(0)
  })
})
