import {describe, expect, it} from 'vitest'

import {linkedBody} from '../test-support/documents.ts'
import type {InlineNode} from './inline-content.ts'
import {targetValue} from './target-value.ts'
import {unitContent} from './unit-content.ts'

const prefix = (nodes: readonly InlineNode[]): InlineNode[] =>
  nodes.map((node) => (node.kind === 'text' ? {...node, text: `[DE] ${node.text}`} : node.kind === 'pc' ? {...node, children: prefix(node.children)} : node))

describe('targetValue', () => {
  it('returns the target text of a string field', () => {
    const content = unitContent('Hello')!
    expect(targetValue('Hello', content, [[{kind: 'text', text: 'Hallo'}]])).toBe('Hallo')
  })

  it('rebuilds Portable Text with the source’s blocks, styles, lists and markDefs and the target’s words', () => {
    const content = unitContent(linkedBody)!
    const value = targetValue(linkedBody, content, content.segments.map((segment) => prefix(segment.nodes))) as Array<Record<string, unknown>>
    expect(value).toEqual([
      {_type: 'block', _key: 'b1', style: 'h2', markDefs: [], children: [{_type: 'span', _key: 's1', text: '[DE] Heading', marks: []}]},
      {
        _type: 'block',
        _key: 'b2',
        style: 'normal',
        markDefs: [{_type: 'link', _key: 'link', href: 'https://example.org/en'}],
        children: [
          {_type: 'span', _key: 's1', text: '[DE] See ', marks: []},
          {_type: 'span', _key: 's2', text: '[DE] the ', marks: ['link']},
          {_type: 'span', _key: 's3', text: '[DE] bold', marks: ['link', 'strong']},
          {_type: 'span', _key: 's4', text: '[DE]  and more.', marks: []},
        ],
      },
      {
        _type: 'block',
        _key: 'b3',
        style: 'normal',
        listItem: 'bullet',
        level: 1,
        markDefs: [],
        children: [{_type: 'span', _key: 's1', text: '[DE] Item', marks: []}],
      },
    ])
  })

  it('keeps a link the translation already localized (same annotation key) instead of the English href', () => {
    const content = unitContent(linkedBody)!
    const current = [{...linkedBody[1], markDefs: [{_type: 'link', _key: 'link', href: 'https://example.org/de'}]}]
    const value = targetValue(linkedBody, content, content.segments.map((segment) => segment.nodes), current) as Array<Record<string, unknown>>
    expect(value[1]!.markDefs).toEqual([{_type: 'link', _key: 'link', href: 'https://example.org/de'}])
  })
})
