import { describe, expect, it } from 'vitest'
import { checkConfig } from './check'

const withQuestion = (q: unknown) => ({ surveys: [{ id: 's', questions: [q] }] })

describe('the structural check of questions', () => {
  it('accepts every question type and every template', () => {
    for (const q of [
      { id: 'a', type: 'rating', text: 'Rate', scale: 10, from: 0, display: 'stars' },
      { id: 'b', type: 'emotion', text: { en: 'Feeling?', fi: 'Tunne?' } },
      { id: 'c', type: 'yesno', text: 'Done?' },
      { id: 'd', type: 'choice', text: 'Which?', options: [{ id: 'x', label: 'X' }], multiple: true, other: true },
      { id: 'e', type: 'text', text: 'Why?', maxLength: 200, when: { question: 'a', atMost: 3 } },
      { id: 'f', template: 'goal' },
      { id: 'g', template: 'effort', text: 'Was it easy?' },
      { id: 'h', template: 'feeling' },
      { id: 'i', template: 'csat' },
      { id: 'j', template: 'nps' },
    ])
      expect(checkConfig(withQuestion(q))).toBeUndefined()
  })

  it('refuses unknown types and templates, with the path', () => {
    expect(checkConfig(withQuestion({ id: 'a', type: 'slider', text: 'x' }))).toBe('surveys[0].questions[0].type "slider" is not a known question type')
    expect(checkConfig(withQuestion({ id: 'a', template: 'mood' }))).toBe('surveys[0].questions[0].type "mood" is not a known question type')
    expect(checkConfig(withQuestion({ id: 'a', type: 'goal', text: 'x' }))).toMatch(/not a known question type/)
    expect(checkConfig(withQuestion({ id: 'a', text: 'x' }))).toMatch(/not a known question type/)
  })

  it('wants question text unless a template gives it', () => {
    expect(checkConfig(withQuestion({ id: 'a', type: 'yesno' }))).toBe('surveys[0].questions[0].text must be a non-empty string')
    expect(checkConfig(withQuestion({ id: 'a', type: 'yesno', text: '' }))).toMatch(/text must be/)
  })
})
