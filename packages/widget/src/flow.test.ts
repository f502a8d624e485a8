import { describe, expect, it } from 'vitest'
import type { Question } from '../../sdk/src/pure/config/types'
import { ahead, holds, next, progress } from './flow'

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

  it('knows which later questions will be asked, and which an answer still to come decides', () => {
    // Before effort is answered, "why" hangs on it, "feel" is always asked, "sorry" and "goal" hang on feel.
    expect(ahead(questions, 0, {})).toEqual([undefined, true, undefined, undefined])
    expect(ahead(questions, 0, { effort: 6 })).toEqual([false, true, undefined, undefined])
    expect(ahead(questions, 2, { effort: 6, feel: { id: 'neutral', weight: 0 } })).toEqual([false, false])
    // A condition on a question that was never asked stays false: that answer can no longer come.
    const chain: Question[] = [
      { id: 'a', type: 'yesno', text: 'A' },
      { id: 'b', type: 'yesno', text: 'B', when: { question: 'a', equals: false } },
      { id: 'c', type: 'yesno', text: 'C', when: { question: 'b', equals: false } },
      { id: 'd', type: 'yesno', text: 'D', when: { question: 'e', equals: true } },
      { id: 'e', type: 'yesno', text: 'E' },
    ]
    expect(ahead(chain, 0, {})).toEqual([undefined, undefined, false, true])
    expect(ahead(chain, 0, { a: true })).toEqual([false, false, false, true])
    expect(ahead(chain, 1, { a: false })).toEqual([undefined, false, true])
  })
})

describe('the progress line', () => {
  const ces: Question[] = [
    { id: 'effort', type: 'rating', scale: 7, text: 'Easy?' },
    { id: 'why', type: 'text', text: 'Why?', when: { question: 'effort', atMost: 3 } },
  ]

  it('promises no second question that only a low score brings (the bug: "Question 1 of 2")', () => {
    expect(progress(1, ahead(ces, 0, {}))).toEqual([])
    // The low score came: now the total is certain.
    expect(progress(2, ahead(ces, 1, { effort: 2 }))).toEqual([2, 2])
  })

  it('counts the questions certain to come, and drops the total while a branch may change it', () => {
    const three: Question[] = [
      { id: 'goal', type: 'yesno', text: 'Goal?' },
      { id: 'feel', type: 'emotion', text: 'Feeling?' },
      { id: 'why', type: 'text', text: 'Why not?', when: { question: 'goal', equals: false } },
    ]
    expect(progress(1, ahead(three, 0, {}))).toEqual([1])
    expect(progress(2, ahead(three, 1, { goal: true }))).toEqual([2, 2])
    expect(progress(2, ahead(three, 1, { goal: false }))).toEqual([2, 3])
    const plain: Question[] = [three[0]!, three[1]!]
    expect(progress(1, ahead(plain, 0, {}))).toEqual([1, 2])
    expect(progress(1, ahead([three[0]!], 0, {}))).toEqual([])
  })
})
