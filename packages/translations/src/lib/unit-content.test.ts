import {describe, expect, it} from 'vitest'

import {block, linkedBody} from '../test-support/documents.ts'
import {blockMarksTree} from './block-marks-tree.ts'
import {unitContent} from './unit-content.ts'
import {unitId, xliffToken} from './xliff-token.ts'

describe('unitContent', () => {
  it('makes one segment of a string', () => {
    const content = unitContent('Hello & <goodbye>')!
    expect(content.kind).toBe('text')
    expect(content.segments).toEqual([{nodes: [{kind: 'text', text: 'Hello & <goodbye>'}]}])
  })

  it('makes one segment per text block, nesting a link around a bold word into paired codes with original data', () => {
    const content = unitContent(linkedBody)!
    expect(content.kind).toBe('portableText')
    expect(content.segments.map((segment) => [segment.id, segment.block])).toEqual([
      ['b1', {key: 'b1', style: 'h2'}],
      ['b2', {key: 'b2', style: 'normal'}],
      ['b3', {key: 'b3', style: 'normal', listItem: 'bullet', level: 1}],
    ])
    expect(content.segments[1]!.nodes).toEqual([
      {kind: 'text', text: 'See '},
      {
        kind: 'pc',
        id: 'm1',
        type: 'link',
        dataRefStart: 'd1',
        children: [
          {kind: 'text', text: 'the '},
          {kind: 'pc', id: 'm2', type: 'fmt', subType: 'xlf:b', dataRefStart: 'd2', children: [{kind: 'text', text: 'bold'}]},
        ],
      },
      {kind: 'text', text: ' and more.'},
    ])
    expect([...content.data]).toEqual([
      ['d1', 'https://example.org/en'],
      ['d2', 'strong'],
    ])
    expect([...content.codes]).toEqual([
      ['m1', {kind: 'mark', mark: 'link', annotation: true}],
      ['m2', {kind: 'mark', mark: 'strong', annotation: false}],
    ])
  })

  it('keeps inline objects as placeholders and other decorators and annotations with their data', () => {
    const value = [
      {
        ...block('p', [['code', 'code'], ['x', 'note']], {markDefs: [{_type: 'footnote', _key: 'note', text: 'Fn'}]}),
        children: [
          {_type: 'span', _key: 's1', text: 'code', marks: ['code']},
          {_type: 'chemical', _key: 'c1', formula: 'H2O'},
          {_type: 'span', _key: 's2', text: 'x', marks: ['note']},
        ],
      },
      {_type: 'image', _key: 'img', asset: {_ref: 'image-1'}},
    ]
    const content = unitContent(value)!
    expect(content.segments).toHaveLength(1)
    expect(content.segments[0]!.nodes).toEqual([
      {kind: 'pc', id: 'm1', type: 'fmt', dataRefStart: 'd1', children: [{kind: 'text', text: 'code'}]},
      {kind: 'ph', id: 'o1', type: 'other', dataRef: 'd2'},
      {kind: 'pc', id: 'm2', type: 'other', dataRefStart: 'd3', children: [{kind: 'text', text: 'x'}]},
    ])
    expect([...content.data.values()]).toEqual(['code', '{"_type":"chemical","formula":"H2O"}', '{"_type":"footnote","text":"Fn"}'])
  })

  it('never gives an inline code the id of a segment', () => {
    const content = unitContent([block('m1', [['bold', 'strong']])])!
    expect(content.segments[0]!.id).toBe('m1')
    expect(content.segments[0]!.nodes[0]).toMatchObject({kind: 'pc', id: 'm2'})
  })

  it('returns undefined for values that are neither text nor Portable Text', () => {
    expect(unitContent({a: 1})).toBeUndefined()
    expect(unitContent(42)).toBeUndefined()
  })
})

describe('blockMarksTree', () => {
  it('opens the mark that lasts longest outermost and closes marks as soon as a span lacks them', () => {
    const spans = [
      {_type: 'span', text: 'a', marks: ['strong', 'em']},
      {_type: 'span', text: 'b', marks: ['em']},
      {_type: 'span', text: 'c', marks: []},
    ]
    expect(blockMarksTree(spans)).toEqual([
      {kind: 'mark', mark: 'em', children: [{kind: 'mark', mark: 'strong', children: [{kind: 'text', text: 'a'}]}, {kind: 'text', text: 'b'}]},
      {kind: 'text', text: 'c'},
    ])
  })
})

describe('unit ids', () => {
  it('turns field paths and keys into XML NMTOKENs', () => {
    expect(unitId('title')).toBe('title')
    expect(unitId('ingredients[_key=="pc"].role')).toBe('ingredients:pc.role')
    expect(unitId('steps[3].caption')).toBe('steps:3.caption')
    expect(xliffToken('a b/ü')).toBe('a_20_b_2f__fc_')
  })
})
