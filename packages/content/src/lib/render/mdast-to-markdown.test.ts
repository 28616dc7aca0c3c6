import fc from 'fast-check'
import type {Nodes, PhrasingContent, Root} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {describe, expect, it} from 'vitest'
import {mdastToMarkdown} from './mdast-to-markdown.ts'
import {portableTextToMdast} from './portable-text-to-mdast.ts'
import {propertyRuns} from '../../test-support/property-runs.ts'

interface Marks {
  strong?: true
  emphasis?: true
  link?: string
}

/** One character with its formatting; whitespace carries no strong/emphasis (it looks the same). */
function runs(nodes: readonly PhrasingContent[], inHeading: boolean, marks: Marks = {}): string[] {
  const out: string[] = []
  const write = (character: string, code = false) => {
    const plain = /\s/u.test(character)
    out.push(`${character}|${!plain && marks.strong ? 's' : ''}${!plain && marks.emphasis ? 'e' : ''}${code ? 'c' : ''}|${marks.link ?? ''}`)
  }
  for (const node of nodes) {
    if (node.type === 'text') for (const character of node.value) write(character)
    else if (node.type === 'break') out.push(inHeading ? ` ||${marks.link ?? ''}` : `\n||${marks.link ?? ''}`)
    else if (node.type === 'inlineCode') for (const character of node.value.replace(/\r?\n|\r/g, ' ')) write(character, true)
    else if (node.type === 'strong') out.push(...runs(node.children, inHeading, {...marks, strong: true}))
    else if (node.type === 'emphasis') out.push(...runs(node.children, inHeading, {...marks, emphasis: true}))
    else if (node.type === 'link') out.push(...runs(node.children, inHeading, {...marks, link: node.url}))
    else out.push(`UNEXPECTED ${node.type}`)
  }
  return out
}

/** A block's runs; breaks at its end show nothing. */
function blockRuns(nodes: readonly PhrasingContent[], inHeading: boolean): string[] {
  const out = runs(nodes, inHeading)
  while (out.at(-1)?.startsWith('\n|')) out.pop()
  return out
}

function canonical(node: Nodes): unknown {
  switch (node.type) {
    case 'root':
      return node.children.map(canonical)
    case 'paragraph':
      return {p: blockRuns(node.children, false)}
    case 'heading':
      return {h: node.depth, text: blockRuns(node.children, true)}
    case 'blockquote':
      return {quote: node.children.map(canonical)}
    case 'list':
      return {list: node.ordered ? 'ol' : 'ul', items: node.children.map((item) => item.children.map(canonical))}
    default:
      return `UNEXPECTED ${node.type}`
  }
}

/** List items whose text is only whitespace read the same as empty ones. */
function normalize(tree: unknown): unknown {
  return JSON.parse(JSON.stringify(tree), (key, value: unknown) => (key === 'p' && Array.isArray(value) && value.every((run: string) => /^\s\|/u.test(run)) ? [] : value))
}

const textArb = fc.string({
  unit: fc.constantFrom('a', 'b', ' ', ' ', '\t', '\u00a0', '*', '_', '#', '1', '.', ')', '-', '+', '=', '>', '<', '&', 'amp;', '#x26;', '`', '\\', '[', ']', '(', '!', '~', '"', 'é', '\n', '\r', '😀', '|'),
  maxLength: 12,
})
const blockArb = fc.record({
  _type: fc.constant('block'),
  style: fc.constantFrom('normal', 'normal', 'h2', 'h3', 'h4', 'blockquote'),
  listItem: fc.constantFrom(undefined, undefined, 'bullet', 'number'),
  level: fc.integer({min: 1, max: 3}),
  markDefs: fc.constantFrom('https://example.org/a?b=1&c=2', 'https://example.org/a b(c)<d>', 'mailto:x@example.org', 'https://x.org/&amp;\\').map((href) => [{_type: 'link', _key: 'l', href}]),
  children: fc.array(fc.record({_type: fc.constant('span'), text: textArb, marks: fc.subarray(['strong', 'em', 'code', 'l'])}), {minLength: 1, maxLength: 5}),
})

describe('mdastToMarkdown', () => {
  it('writes Markdown that reads back as the same text and formatting, for every tree Portable Text produces', () => {
    fc.assert(
      fc.property(fc.array(blockArb, {maxLength: 8}), (blocks) => {
        const {tree} = portableTextToMdast(blocks)
        const markdown = mdastToMarkdown(tree)
        expect(normalize(canonical(fromMarkdown(markdown))), markdown).toEqual(normalize(canonical(tree)))
      }),
      {numRuns: propertyRuns(2000)},
    )
  })

  it('keeps an opener able to open when the character after it is encoded for a nested opener (a found counterexample)', () => {
    const blocks = [
      {
        _type: 'block',
        style: 'normal',
        markDefs: [],
        children: [
          {_type: 'span', text: 'a', marks: []},
          {_type: 'span', text: 'a', marks: ['strong']},
          {_type: 'span', text: '!', marks: ['strong', 'em']},
        ],
      },
    ]
    const {tree} = portableTextToMdast(blocks)
    const markdown = mdastToMarkdown(tree)
    expect(markdown).toBe('&#x61;**&#x61;*!***\n')
    expect(normalize(canonical(fromMarkdown(markdown)))).toEqual(normalize(canonical(tree)))
  })

  it('drops nodes it does not know, raw HTML included', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {type: 'html', value: '<script>alert(1)</script>'},
        {type: 'paragraph', children: [{type: 'html', value: '<b>x</b>'}, {type: 'text', value: 'kept'}]},
        {type: 'thematicBreak'},
      ],
    }
    expect(mdastToMarkdown(tree)).toBe('kept\n')
  })
})
