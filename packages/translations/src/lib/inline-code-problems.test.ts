import {describe, expect, it} from 'vitest'

import {inlineCodeProblems} from './inline-code-problems.ts'
import type {InlineNode} from './inline-content.ts'

const text = (value: string): InlineNode => ({kind: 'text', text: value})
const link = (children: InlineNode[], extra: Partial<InlineNode> = {}): InlineNode =>
  ({kind: 'pc', id: 'm1', type: 'link', dataRefStart: 'd1', children, ...extra}) as InlineNode
const bold = (children: InlineNode[]): InlineNode => ({kind: 'pc', id: 'm2', type: 'fmt', subType: 'xlf:b', dataRefStart: 'd2', children})
const source = [text('See '), link([text('the '), bold([text('bold')])]), text('.')]
const describe_ = (id: string) => `<pc id="${id}">`

describe('inlineCodeProblems', () => {
  it('accepts a target that keeps every code, even reordered text around them', () => {
    expect(inlineCodeProblems(source, [link([bold([text('fett')]), text(' die')]), text(' siehe.')], describe_)).toEqual([])
  })

  it('names a dropped link, a repeated code and an added code', () => {
    expect(inlineCodeProblems(source, [text('Siehe '), bold([text('fett')])], describe_)).toEqual([
      'the target drops <pc id="m1">',
      'the target moves <pc id="m2"> outside any <pc>; in the source it is inside <pc id="m1">',
    ])
    expect(inlineCodeProblems(source, [link([bold([text('a')]), bold([text('b')])])], describe_)).toEqual([
      'the target repeats <pc id="m2"> 2 times',
    ])
    expect(
      inlineCodeProblems(source, [link([bold([text('a')])]), {kind: 'ph', id: 'x9', type: 'other'}], describe_),
    ).toEqual(['the target has <ph id="x9">, which is not in the source'])
  })

  it('rejects a code whose type or data reference changed, or that lost its text', () => {
    expect(inlineCodeProblems(source, [link([bold([text('a')])], {type: 'fmt', dataRefStart: 'd9'} as Partial<InlineNode>)], describe_)).toEqual([
      'the target changes "type", "dataRefStart" of <pc id="m1">',
    ])
    expect(inlineCodeProblems(source, [link([text(' '), bold([text('a')])]), text('x')], describe_)).toEqual([])
    expect(inlineCodeProblems(source, [link([bold([])]), text('x')], describe_)).toEqual([
      'the target leaves <pc id="m1"> without text',
      'the target leaves <pc id="m2"> without text',
    ])
  })
})
