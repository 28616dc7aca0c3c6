import {describe, expect, it} from 'vitest'

import type {DatasetDocument} from '@treatments/content/dataset'
import {findStrongReferrers} from './strong-references.ts'

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
