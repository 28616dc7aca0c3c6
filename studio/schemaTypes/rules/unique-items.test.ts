import {describe, expect, it} from 'vitest'

import {checkTranslationStates, checkUniqueItems} from './unique-items.ts'

const ref = (key: string, id: string) => ({_key: key, _type: 'reference', _ref: id})

describe('checkUniqueItems', () => {
  it('passes distinct items and what is not a list', () => {
    expect(checkUniqueItems([ref('a', 'c1'), ref('b', 'c2')], 'Contraindications')).toEqual([])
    expect(checkUniqueItems(undefined, 'Contraindications')).toEqual([])
    expect(checkUniqueItems({0: ref('a', 'c1'), 1: ref('b', 'c1')}, 'Contraindications')).toEqual([])
  })

  it('names each repeat of a reference, at its key, whatever the key and field order', () => {
    const reordered = {_ref: 'c1', _key: 'c', _type: 'reference'}
    expect(checkUniqueItems([ref('a', 'c1'), ref('b', 'c2'), reordered, ref('d', 'c1')], 'Contraindications')).toEqual([
      {message: '“c1” is listed twice in Contraindications: keep one.', path: [{_key: 'c'}]},
      {message: '“c1” is listed twice in Contraindications: keep one.', path: [{_key: 'd'}]},
    ])
  })

  it('names repeated plain values as JSON, at their index', () => {
    expect(checkUniqueItems(['face', 'neck', 'face'], 'Body areas')).toEqual([{message: '"face" is listed twice in Body areas: keep one.', path: [2]}])
    expect(checkUniqueItems([{area: 'face'}, {area: 'face'}], 'Body areas')).toEqual([{message: '{"area":"face"} is listed twice in Body areas: keep one.', path: [1]}])
    expect(checkUniqueItems([null, null], 'Body areas')).toEqual([{message: 'null is listed twice in Body areas: keep one.', path: [1]}])
    expect(checkUniqueItems([[1], [1]], 'Lists')).toEqual([{message: '[1] is listed twice in Lists: keep one.', path: [1]}])
    expect(checkUniqueItems([undefined, undefined], 'Lists')).toEqual([{message: 'undefined is listed twice in Lists: keep one.', path: [1]}])
  })

  it('tells items apart by every field but the key', () => {
    expect(checkUniqueItems(['ab', {0: 'a', 1: 'b'}], 'Lists')).toEqual([])
    const fields = {_type: 'reference', _ref: 'c1', _weak: true, _strengthenOnPublish: {type: 'x'}}
    const reversed = Object.fromEntries(Object.entries(fields).reverse())
    expect(checkUniqueItems([{_key: 'a', ...fields}, {_key: 'b', ...reversed}], 'Contraindications')).toHaveLength(1)
    expect(checkUniqueItems([{_key: 'a', _ref: 'c1', weak: true}, {_key: 'b', _ref: 'c1'}], 'Contraindications')).toEqual([])
    expect(checkUniqueItems([{_key: 'a', _ref: 1}, {_key: 'b', _ref: 1}], 'Numbers')).toEqual([{message: '{"_key":"b","_ref":1} is listed twice in Numbers: keep one.', path: [{_key: 'b'}]}])
  })
})

describe('checkTranslationStates', () => {
  it('passes one state per language and what is not a list', () => {
    expect(checkTranslationStates([{language: 'it'}, {language: 'de'}])).toEqual([])
    expect(checkTranslationStates(undefined)).toEqual([])
    expect(checkTranslationStates([])).toEqual([])
  })

  it('reads past items that are not states', () => {
    expect(checkTranslationStates([null, {language: 'it'}])).toEqual([])
  })

  it('refuses two states for one language', () => {
    expect(checkTranslationStates([{language: 'it'}, {language: 'de'}, {language: 'it'}])).toEqual([
      {message: 'There are two translation states for “it”. Keep one.', path: []},
    ])
  })
})
