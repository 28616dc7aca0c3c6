import {describe, expect, it} from 'vitest'

import {baseText} from './base-text.ts'
import {checkBaseLocale, checkLocaleCodes} from './localized-value.ts'

const item = (language: string | undefined, value: unknown, ...key: [string?]) => ({_key: key.length > 0 ? key[0] : language, _type: 'internationalizedArrayStringValue', language, value})

describe('checkLocaleCodes', () => {
  it('passes supported languages, each once, and no items', () => {
    expect(checkLocaleCodes([item('en', 'Pregnancy'), item('it', 'Gravidanza'), item('de', 'Schwangerschaft')])).toEqual([])
    expect(checkLocaleCodes(undefined)).toEqual([])
    expect(checkLocaleCodes([])).toEqual([])
  })

  it('refuses an item without language (nor a v4 key naming one), at its index', () => {
    expect(checkLocaleCodes([item('en', 'A'), item(undefined, 'B', undefined)])).toEqual([
      {message: 'This translation has no language. Remove it and add it again with the language buttons.', path: [1]},
    ])
  })

  it('refuses a language that is not supported, at its language field', () => {
    expect(checkLocaleCodes([item('fr', 'Grossesse', 'f1')])).toEqual([
      {message: '“fr” is not a supported language. Use one of: en, it, de.', path: [{_key: 'f1'}, 'language']},
    ])
  })

  it('refuses a second translation of one language, at the repeat only', () => {
    expect(checkLocaleCodes([item('it', 'A', 'a'), item('en', 'B', 'b'), item('it', 'C', 'c')])).toEqual([
      {message: 'There are two “it” translations. Keep one.', path: [{_key: 'c'}, 'language']},
    ])
  })

  it('reads the language of a v4 item from its key', () => {
    expect(checkLocaleCodes([{_key: 'en', value: 'A'}, {_key: 'en', value: 'B'}])).toEqual([
      {message: 'There are two “en” translations. Keep one.', path: [{_key: 'en'}, 'language']},
    ])
  })
})

describe('checkBaseLocale', () => {
  it('passes a field with visible English text', () => {
    expect(checkBaseLocale([item('it', ''), item('en', 'Pregnancy')], 'The contraindication')).toEqual([])
  })

  it('requires English text with a visible character, at its value', () => {
    const problem = {message: 'The contraindication is required in EN: it is the text every other language falls back to.', path: [{_key: 'e'}, 'value']}
    expect(checkBaseLocale([item('it', 'Gravidanza'), item('en', '\u200B ', 'e')], 'The contraindication')).toEqual([problem])
    expect(checkBaseLocale([item('en', undefined, 'e')], 'The contraindication')).toEqual([problem])
  })

  it('names the field itself when there is no English item, or it has no key', () => {
    const problem = {message: 'Text is required in EN: it is the text every other language falls back to.', path: []}
    expect(checkBaseLocale([item('it', 'Gravidanza')], 'Text')).toEqual([problem])
    expect(checkBaseLocale(undefined, 'Text')).toEqual([problem])
    expect(checkBaseLocale([item('en', '', undefined)], 'Text')).toEqual([problem])
  })
})

describe('baseText', () => {
  it('is the English text when it has a visible character', () => {
    expect(baseText([item('it', 'Gravidanza'), item('en', 'Pregnancy')])).toBe('Pregnancy')
  })

  it('is undefined without English, with invisible English, or a value that is not a string', () => {
    expect(baseText([item('it', 'Gravidanza')])).toBeUndefined()
    expect(baseText(undefined)).toBeUndefined()
    expect(baseText([item('en', '\u00AD')])).toBeUndefined()
    expect(baseText([item('en', [{_type: 'block', children: [{_type: 'span', text: 'Pregnancy'}]}])])).toBeUndefined()
  })
})
