import {describe, expect, it} from 'vitest'

import {GroqRunner} from './groq-runner.ts'

const documents = ['a', 'b', 'c'].map((id) => ({_id: id, _type: 'note'}))

// The Sanity Studio's lists and reference search slice with parameters (`[0...$limit]`).
describe('GroqRunner: slices with parameter bounds', () => {
  it('parses the query with its parameters and answers each parameter set', async () => {
    const runner = new GroqRunner()
    const query = '*[_type == "note"] | order(_id desc) [$start...$end]._id'
    expect(await runner.run(query, {start: 0, end: 2}, documents)).toEqual(['c', 'b'])
    expect(await runner.run(query, {start: 1, end: 3}, documents)).toEqual(['b', 'a'])
  })

  it('still refuses such a query without its parameters', () => {
    expect(() => new GroqRunner().parse('*[0...$limit]')).toThrow(/slicing must use constant numbers/)
  })
})
