import {describe, expect, it} from 'vitest'

import {checkPositiveRange} from './ranges.ts'

const names = {min: 'sessionsMin', max: 'sessionsMax'}
const check = (range: Record<string, unknown> | undefined) => checkPositiveRange(range, 'Number of sessions', names)

describe('checkPositiveRange', () => {
  it('passes whole numbers of 1 or more with min ≤ max', () => {
    expect(check({sessionsMin: 1, sessionsMax: 1})).toEqual([])
    expect(check({sessionsMin: 3, sessionsMax: 6})).toEqual([])
  })

  it('asks for both ends, at each missing one', () => {
    const missing = (path: string) => ({message: 'Number of sessions: set both the lowest and the highest number.', path: [path]})
    expect(check(undefined)).toEqual([missing('sessionsMin'), missing('sessionsMax')])
    expect(check({sessionsMin: 2, sessionsMax: null})).toEqual([missing('sessionsMax')])
    expect(check({sessionsMax: 2})).toEqual([missing('sessionsMin')])
  })

  it('refuses zero, negatives, fractions and non-numbers, quoting the value', () => {
    expect(check({sessionsMin: 0, sessionsMax: 2})).toEqual([{message: 'Number of sessions must be a whole number of 1 or more (got 0).', path: ['sessionsMin']}])
    expect(check({sessionsMin: 1, sessionsMax: -3})).toEqual([{message: 'Number of sessions must be a whole number of 1 or more (got -3).', path: ['sessionsMax']}])
    expect(check({sessionsMin: 1.5, sessionsMax: 2})[0]!.path).toEqual(['sessionsMin'])
    expect(check({sessionsMin: '2', sessionsMax: 3})).toEqual([{message: 'Number of sessions must be a whole number of 1 or more (got "2").', path: ['sessionsMin']}])
  })

  it('refuses a lowest number above the highest, at the highest, only when both are valid', () => {
    expect(check({sessionsMin: 6, sessionsMax: 3})).toEqual([
      {message: 'Number of sessions: the lowest number (6) is higher than the highest (3). Swap them.', path: ['sessionsMax']},
    ])
    expect(check({sessionsMin: 6, sessionsMax: 0})).toEqual([{message: 'Number of sessions must be a whole number of 1 or more (got 0).', path: ['sessionsMax']}])
  })
})
