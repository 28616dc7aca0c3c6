import {describe, expect, it} from 'vitest'

import {collectReferences, referenceGroups, referenceOrder} from './reference-order.ts'

const doc = (id: string, ...refs: string[]) => ({_id: id, _type: 't', refs: refs.map((ref) => ({_type: 'reference', _ref: ref}))})

describe('referenceOrder', () => {
  it('puts referenced documents first and otherwise keeps the input order', () => {
    const documents = [doc('treatment', 'condition', 'ingredient'), doc('unrelated'), doc('condition'), doc('ingredient', 'condition')]
    expect(referenceOrder(documents).map((document) => document._id)).toEqual(['unrelated', 'condition', 'ingredient', 'treatment'])
  })

  it('keeps documents that reference each other together, and ignores references to unknown documents', () => {
    const groups = referenceGroups([doc('a', 'b', 'elsewhere'), doc('b', 'a'), doc('c', 'a')])
    expect(groups.map((group) => group.map((document) => document._id))).toEqual([['a', 'b'], ['c']])
  })

  it('finds references at any depth', () => {
    expect([...collectReferences({a: [{b: {_ref: 'x'}}], c: {_ref: 'y', d: [{_ref: 'x'}]}})]).toEqual(['x', 'y'])
  })
})
