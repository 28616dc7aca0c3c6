import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {headingSlug, unicodeHeadingSlug} from './heading-slug.ts'
import {createHeadingSlugger} from './heading-slugger.ts'
import {propertyRuns} from '../../test-support/property-runs.ts'

describe('headingSlug', () => {
  it('lower-cases, strips diacritics and joins words with single dashes', () => {
    expect(headingSlug('Who cannot have this treatment?')).toBe('who-cannot-have-this-treatment')
    expect(headingSlug('Perché è sicuro')).toBe('perche-e-sicuro')
    expect(headingSlug('Größe & Übelkeit')).toBe('grosse-ubelkeit')
    expect(headingSlug('  --3–4 sessions--  ')).toBe('3-4-sessions')
  })

  it('gives `section` for text with no letters or digits', () => {
    expect(headingSlug('?!')).toBe('section')
    expect(headingSlug('')).toBe('section')
  })

  it('gives ASCII text (its fast path) the slug of the Unicode rules', () => {
    const unicode = unicodeHeadingSlug
    fc.assert(fc.property(fc.string({unit: 'binary-ascii', maxLength: 40}), (text) => headingSlug(text) === unicode(text)), {numRuns: propertyRuns(500)})
    fc.assert(fc.property(fc.string({maxLength: 40}), (text) => headingSlug(text) === unicode(text)), {numRuns: propertyRuns(500)})
  })
})

describe('createHeadingSlugger', () => {
  it('numbers repeats and never reuses an id, even one that looks numbered', () => {
    const slug = createHeadingSlugger('')
    expect(['Risks', 'Risks', 'Risks 1', 'Risks'].map(slug)).toEqual(['risks', 'risks-1', 'risks-1-1', 'risks-2'])
  })

  it('puts the prefix in front of every id', () => {
    const slug = createHeadingSlugger('body-')
    expect(['Risks', 'Risks'].map(slug)).toEqual(['body-risks', 'body-risks-1'])
  })
})
