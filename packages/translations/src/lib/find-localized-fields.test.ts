import {describe, expect, it} from 'vitest'

import {sampleDocument, stringItem} from '../test-support/documents.ts'
import {findLocalizedFields, isLocalizedArray, itemLanguage, localizedValue} from './find-localized-fields.ts'

describe('findLocalizedFields', () => {
  it('finds top-level and nested localized fields with their Sanity paths, in document order', async () => {
    const fields = findLocalizedFields(await sampleDocument())
    expect(fields.map((field) => [field.path, field.itemType])).toEqual([
      ['title', 'internationalizedArrayStringValue'],
      ['summary', 'internationalizedArrayStringValue'],
      ['body', 'internationalizedArrayBlockContentValue'],
      ['claims[_key=="c1"].statement', 'internationalizedArrayStringValue'],
    ])
  })

  it('discovers a field type it has never seen, at any depth, and uses an index for unkeyed items', () => {
    const document = {
      _id: 'x',
      _type: 'x',
      steps: [{notes: {caption: [{_key: 'en', _type: 'internationalizedArrayFancyValue', value: 'Hi'}]}}],
    }
    expect(findLocalizedFields(document).map((field) => field.path)).toEqual(['steps[0].notes.caption'])
  })

  it('skips the translations bookkeeping, system properties and empty arrays', () => {
    const document = {
      _id: 'x',
      _type: 'x',
      _hidden: [stringItem('en', 'no')],
      empty: [],
      translations: [{_key: 'it', _type: 'translationState', language: 'it'}],
      mixed: [stringItem('en', 'a'), {_key: 'b', _type: 'other'}],
    }
    expect(findLocalizedFields(document)).toEqual([])
  })

  it('reads the locale from `language`, or from `_key` in older data', () => {
    expect(itemLanguage({_key: 'x1', language: 'de'})).toBe('de')
    expect(itemLanguage({_key: 'it', _type: 'internationalizedArrayStringValue'})).toBe('it')
    expect(itemLanguage(null)).toBeUndefined()
    expect(localizedValue([{_key: 'it', _type: 'internationalizedArrayStringValue', value: 'Ciao'}], 'it')).toBe('Ciao')
    expect(isLocalizedArray([stringItem('en', 'a')])).toBe(true)
  })

  it('throws a TypeError for something that is not a document', () => {
    expect(() => findLocalizedFields('title')).toThrow(new TypeError('findLocalizedFields expects a document object, got the string "title"'))
    expect(() => findLocalizedFields([])).toThrow(new TypeError('findLocalizedFields expects a document object, got an array'))
  })
})
