import {describe, expect, it} from 'vitest'

import {toValidation} from './to-validation.ts'

describe('toValidation', () => {
  it('is true (valid) without problems, and each problem’s message at its path otherwise', () => {
    expect(toValidation([])).toBe(true)
    expect(toValidation([{message: 'Keep one.', path: [{_key: 'a'}, 'language']}])).toEqual([{message: 'Keep one.', path: [{_key: 'a'}, 'language']}])
  })
})
