import fc from 'fast-check'
import rehypeStringify from 'rehype-stringify'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {mdastToHast} from './mdast-to-hast.ts'
import {portableTextToMdast} from './portable-text-to-mdast.ts'
import {propertyRuns} from '../../test-support/property-runs.ts'

const viaRemarkRehype = unified().use(remarkRehype).use(rehypeStringify).freeze()
const viaOwn = unified().use(rehypeStringify).freeze()

const spanArb = fc.record({
  _type: fc.constant('span'),
  text: fc.string({unit: fc.constantFrom('a', 'b', ' ', '<', '&', '\n', '*', 'é')}),
  marks: fc.subarray(['strong', 'em', 'code', 'link']),
})
const blockArb = fc.record({
  _type: fc.constant('block'),
  style: fc.constantFrom('normal', 'h2', 'h3', 'h4', 'blockquote'),
  listItem: fc.constantFrom(undefined, 'bullet', 'number'),
  level: fc.integer({min: 1, max: 4}),
  markDefs: fc.constant([{_type: 'link', _key: 'link', href: 'https://example.org/a?b=1&c=2'}]),
  children: fc.array(spanArb, {minLength: 1, maxLength: 5}),
})

describe('mdastToHast', () => {
  it('gives the same HTML as remark-rehype for every tree Portable Text produces', () => {
    fc.assert(
      fc.property(fc.array(blockArb, {maxLength: 12}), (blocks) => {
        const {tree} = portableTextToMdast(blocks)
        const expected = viaRemarkRehype.stringify(viaRemarkRehype.runSync(structuredClone(tree)))
        expect(viaOwn.stringify(mdastToHast(tree))).toBe(expected)
      }),
      {numRuns: propertyRuns(400)},
    )
  })

  it('drops nodes it does not know, raw HTML included', () => {
    const tree = {
      type: 'root' as const,
      children: [
        {type: 'html' as const, value: '<script>alert(1)</script>'},
        {type: 'paragraph' as const, children: [{type: 'html' as const, value: '<b>x</b>'}, {type: 'text' as const, value: 'kept'}]},
        {type: 'thematicBreak' as const},
      ],
    }
    expect(viaOwn.stringify(mdastToHast(tree))).toBe('<p>kept</p>')
  })
})
