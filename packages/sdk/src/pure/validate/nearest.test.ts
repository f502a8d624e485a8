import { describe, expect, it } from 'vitest'
import { distance, nearest } from './nearest'

describe('nearest', () => {
  it('counts a swap of neighbours as one edit', () => expect(distance('cuont', 'count')).toBe(1))
  it('suggests close names only', () => {
    expect(nearest('surveyz', ['surveys', 'sources'])).toBe('surveys')
    expect(nearest('Placement', ['placement'])).toBe('placement')
    expect(nearest('colour', ['id', 'theme', 'target'])).toBeUndefined()
  })
})
