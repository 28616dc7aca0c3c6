import {describe, expect, it} from 'vitest'

import type {DatasetDocument} from '@treatments/content/dataset'
import {findStrongReferrers, strongReferences} from './strong-references.ts'

const documents: DatasetDocument[] = [
  {_id: 'page', _type: 'page', body: [{_type: 'block', markDefs: [{_key: 'm', _type: 'link', target: {_ref: 'a'}}]}]},
  {_id: 'list', _type: 'list', items: [{_key: 'i', _type: 'reference', _ref: 'a'}, {_type: 'reference', _ref: 'b', _weak: true}]},
  {_id: 'weak-only', _type: 'x', ref: {_ref: 'b', _weak: true}, weakFalse: {_ref: 'c', _weak: false}},
]

describe('findStrongReferrers', () => {
  it('finds strong references at any depth, per target, in dataset order, ignoring _weak: true', () => {
    expect(findStrongReferrers(documents, new Set(['a', 'b', 'c', 'unreferenced']))).toEqual(
      new Map([
        ['a', ['page', 'list']],
        ['c', ['weak-only']],
      ]),
    )
  })

  it('does not look at documents when there are no targets', () => {
    expect(findStrongReferrers(documents, new Set()).size).toBe(0)
  })
})

describe('strongReferences', () => {
  it('lists each strong reference once, breadth first, ignoring _weak: true', () => {
    expect(strongReferences({deep: {deeper: {_ref: 'c'}}, list: [{_ref: 'b'}, {_ref: 'a', _weak: true}], top: {_ref: 'a'}, again: {_ref: 'b'}})).toEqual(['a', 'b', 'c'])
  })

  it('walks a document with a list of 200,000 items (an argument list that long overflowed the stack)', () => {
    const items = Array.from({length: 200_000}, (_, index) => index)
    expect(strongReferences({_id: 'big', numbers: items, objects: items.map((index) => ({n: index})), ref: {_ref: 'x'}})).toEqual(['x'])
  })
})
