import { describe, expect, it } from 'vitest'
import { configProblem } from '../config/check'
import { backstops } from './backstops'

const q = { id: 'q', type: 'rating', text: 'How was it?' }

describe("the core's check, as the validator reads it", () => {
  it('is data: a path and what its words name', () => {
    expect(configProblem([])).toEqual({ path: '', expected: 'a JSON object' })
    expect(configProblem({ surveys: [{ id: 's', questions: [] }] })).toEqual({ path: 'surveys[0].questions', expected: 'a non-empty array' })
    expect(configProblem({ surveys: [{ id: 's', questions: [{ id: 'q', template: 'mood' }] }] })).toEqual({
      path: 'surveys[0].questions[0].type',
      type: 'mood',
    })
    expect(configProblem({ surveys: [{ id: 's', questions: [q] }] })).toBeUndefined()
  })

  it('becomes a problem at its path, with what was expected, in the words of the core', () => {
    expect(backstops(null)).toEqual([{ path: '', severity: 'error', message: 'must be a JSON object', expected: 'a JSON object' }])
    expect(backstops({ surveys: [{ id: 's', delay: 'soon', questions: [q] }] })).toEqual([
      { path: 'surveys[0].delay', severity: 'error', message: 'must be a duration such as "30m"', expected: 'a duration such as "30m"' },
    ])
    expect(backstops({ surveys: [{ id: 's', questions: [{ id: 'q', type: 'slider', text: 'x' }] }] })).toEqual([
      { path: 'surveys[0].questions[0].type', severity: 'error', message: '"slider" is not a known question type' },
    ])
  })
})
