import {describe, expect, it} from 'vitest'

import {checkSlug} from './slug.ts'

describe('checkSlug', () => {
  it('passes lowercase words joined by single dashes, and no slug yet', () => {
    for (const current of ['botox', 'mesotherapy-cellulite', 'a1-b2-c3']) expect(checkSlug({current})).toEqual([])
    expect(checkSlug(undefined)).toEqual([])
    expect(checkSlug({})).toEqual([])
    expect(checkSlug({current: null})).toEqual([])
  })

  it('refuses anything else at `current`, quoting it', () => {
    for (const current of ['Botox', 'two--dashes', '-lead', 'trail-', 'with space', 'a/b', 'x\ny', '', 7]) {
      expect(checkSlug({current})).toEqual([
        {message: `Use lowercase letters, digits and single dashes, like “mesotherapy-cellulite” (got ${JSON.stringify(current)}).`, path: ['current']},
      ])
    }
  })
})
