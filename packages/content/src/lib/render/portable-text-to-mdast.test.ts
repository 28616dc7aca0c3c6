import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {portableTextToMdast} from './portable-text-to-mdast.ts'
import {propertyRuns} from '../../test-support/property-runs.ts'

describe('portableTextToMdast', () => {
  it('builds an mdast tree with heading ids in data.hProperties and tight lists', () => {
    const {tree, messages} = portableTextToMdast(
      [
        {_type: 'block', _key: 'a', style: 'h2', markDefs: [], children: [{_type: 'span', text: 'Results', marks: []}]},
        {_type: 'block', _key: 'b', style: 'normal', listItem: 'number', markDefs: [], children: [{_type: 'span', text: 'One', marks: ['em']}]},
      ],
      {idPrefix: 'p-'},
    )
    expect(tree).toEqual({
      type: 'root',
      children: [
        {type: 'heading', depth: 2, data: {hProperties: {id: 'p-results'}}, children: [{type: 'text', value: 'Results'}]},
        {
          type: 'list',
          ordered: true,
          start: 1,
          spread: false,
          children: [
            {type: 'listItem', spread: false, children: [{type: 'paragraph', children: [{type: 'emphasis', children: [{type: 'text', value: 'One'}]}]}]},
          ],
        },
      ],
    })
    expect(messages).toEqual([])
  })

  it('merges adjacent code spans into one inline code node', () => {
    const {tree} = portableTextToMdast([
      {_type: 'block', markDefs: [], children: [{_type: 'span', text: 'a', marks: ['code']}, {_type: 'span', text: 'b', marks: ['code']}]},
    ])
    expect(tree.children).toEqual([{type: 'paragraph', children: [{type: 'inlineCode', value: 'ab'}]}])
  })

  it('starts a list at a deeper level when there is no parent item, and returns to the top level', () => {
    const item = (text: string, level: number) => ({_type: 'block', listItem: 'bullet', level, markDefs: [], children: [{_type: 'span', text, marks: []}]})
    const {tree} = portableTextToMdast([item('deep', 2), item('top', 1)])
    expect(tree.children.map((node) => node.type)).toEqual(['list', 'list'])
  })

  it('throws a TypeError naming the call for a non-array', () => {
    expect(() => portableTextToMdast({} as never)).toThrow(
      new TypeError('`portableTextToMdast` expects an array of Portable Text blocks, got an object'),
    )
  })

  it('gives spans without marks (their quick path) the tree the general path gives', () => {
    // A mark with no equivalent takes a span through the general path and leaves only its text.
    const span = (text: string, marks?: string[]) => (marks ? {_type: 'span', text, marks} : {_type: 'span', text})
    const text = fc.string({unit: fc.constantFrom('a', ' ', '\n', '\r', '\t', 'é', '<')})
    const styles = fc.constantFrom('normal', 'h2', 'blockquote')
    fc.assert(
      fc.property(fc.array(fc.tuple(styles, fc.array(text, {maxLength: 4})), {maxLength: 4}), (blocks) => {
        const plain = blocks.map(([style, texts], index) => ({_type: 'block', _key: `b${index}`, style, children: texts.map((value) => span(value))}))
        const general = blocks.map(([style, texts], index) => ({_type: 'block', _key: `b${index}`, style, children: texts.map((value) => span(value, ['underline']))}))
        expect(portableTextToMdast(plain).tree).toEqual(portableTextToMdast(general).tree)
      }),
      {numRuns: propertyRuns(300)},
    )
  })

  it('gives a document the same tree and messages whatever was converted before it (marked blocks reuse scratch lists)', () => {
    const text = fc.string({unit: fc.constantFrom('a', ' ', '\n', 'é')})
    const child = fc.oneof(
      fc.record({_type: fc.constant('span'), text, marks: fc.subarray(['strong', 'em', 'code', 'l0', 'l1', 'underline', 'nope'])}),
      fc.constant({_type: 'image'}),
    )
    const block = fc.record({
      _type: fc.constant('block'),
      style: fc.constantFrom('normal', 'h2'),
      markDefs: fc.constant([
        {_type: 'link', _key: 'l0', href: 'https://example.org/'},
        {_type: 'link', _key: 'l1', href: 'javascript:alert(1)'},
      ]),
      children: fc.array(child, {maxLength: 6}),
    })
    const document = fc.array(block, {maxLength: 4})
    fc.assert(
      fc.property(document, document, (first, second) => {
        const alone = structuredClone(portableTextToMdast(first))
        portableTextToMdast(second)
        expect(portableTextToMdast(first)).toEqual(alone)
      }),
      {numRuns: propertyRuns(300)},
    )
  })
})
