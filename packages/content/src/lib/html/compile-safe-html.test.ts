import fc from 'fast-check'
import type {Element, ElementContent, Root} from 'hast'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {pageSanitizeSchema} from '../page/page-sanitize-schema.ts'
import {compileSafeHtml, compileSafeHtmlWriter} from './compile-safe-html.ts'
import {mdastToHast, writeMdast} from '../render/mdast-to-hast.ts'
import {portableTextToMdast} from '../render/portable-text-to-mdast.ts'
import {renderSanitizeSchema} from '../render/render-sanitize-schema.ts'
import {propertyRuns} from '../../test-support/property-runs.ts'

/** The path the compiled serializer replaces: `rehype-sanitize` then `rehype-stringify`. */
const viaRehype = (schema: typeof renderSanitizeSchema) => {
  const processor = unified().use(rehypeSanitize, schema).use(rehypeStringify).freeze()
  return (tree: Root) => processor.stringify(processor.runSync(structuredClone(tree)))
}

const hrefs = [
  'https://example.org/a?b=1&c="2"',
  'http://x',
  'mailto:a@example.org',
  'tel:+41 1',
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'data:text/html,<script>',
  '/relative:path',
  '?q=a:b',
  '#frag:x',
  'vbscript:x',
  '',
  ' https://x',
]
const textArb = fc.string({unit: fc.constantFrom('a', ' ', '<', '>', '&', '"', "'", '`', '\0', '\n', 'é', '😀', 'script')})
const spanArb = fc.record({
  _type: fc.constant('span'),
  text: textArb,
  marks: fc.subarray(['strong', 'em', 'code', 'l0', 'l1', 'underline']),
})
const blockArb = fc.record({
  _type: fc.constantFrom('block', 'block', 'block', 'callout'),
  _key: fc.constantFrom('a', 'b', 'c'),
  style: fc.constantFrom('normal', 'h2', 'h3', 'h4', 'blockquote', 'h1'),
  listItem: fc.constantFrom(undefined, undefined, 'bullet', 'number', 'square'),
  level: fc.integer({min: 1, max: 4}),
  markDefs: fc.tuple(fc.constantFrom(...hrefs), fc.constantFrom(...hrefs)).map(([first, second]) => [
    {_type: 'link', _key: 'l0', href: first},
    {_type: 'link', _key: 'l1', href: second},
  ]),
  children: fc.array(spanArb, {minLength: 1, maxLength: 5}),
})

/** Arbitrary hast, allowed and not: every tag, property and value the schemas decide on. */
const hastArb = fc.letrec<{node: ElementContent}>((tie) => ({
  node: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    fc.record({type: fc.constant('text' as const), value: textArb}),
    fc.record({
      type: fc.constant('element' as const),
      tagName: fc.constantFrom('p', 'a', 'li', 'ul', 'ol', 'h2', 'h5', 'br', 'script', 'style', 'img', 'div', 'span', 'section', 'iframe', ''),
      properties: fc.record(
        {
          id: fc.oneof(textArb, fc.integer()),
          href: fc.constantFrom(...hrefs),
          start: fc.integer({min: 0, max: 5}),
          className: fc.subarray(['item', 'note', 'evil', 'tag', 'section']),
          lang: fc.constantFrom('it', 'de-CH', 'x" onload="y', 'en'),
          ariaLabelledBy: fc.constantFrom('s1', 's"2'),
          ariaHidden: fc.constantFrom('true', 'false', true),
          onClick: fc.constant('alert(1)'),
          style: fc.constant('color:red'),
        },
        {requiredKeys: []},
      ),
      children: fc.array(tie('node'), {maxLength: 3}),
    }) as fc.Arbitrary<Element>,
  ),
}))

describe('compileSafeHtml', () => {
  // Properties last: a mutant's run stops at its first failing test, and these are the slowest.
  it('never writes a script, an event handler or a javascript: link', () => {
    const own = compileSafeHtml(pageSanitizeSchema)
    const html = own({
      type: 'root',
      children: [
        {type: 'element', tagName: 'script', properties: {}, children: [{type: 'text', value: 'alert(1)'}]},
        {type: 'element', tagName: 'a', properties: {href: 'javascript:alert(1)', onClick: 'x'}, children: [{type: 'text', value: 'go'}]},
        {type: 'element', tagName: 'iframe', properties: {src: 'https://x'}, children: [{type: 'text', value: '<b>'}]},
        {type: 'raw', value: '<img src=x onerror=alert(1)>'} as never,
        {type: 'comment', value: '--><script>'} as never,
      ],
    })
    expect(html).toBe('<a>go</a>&#x3C;b>')
  })

  it('refuses a schema it cannot compile', () => {
    expect(() => compileSafeHtml({...renderSanitizeSchema, attributes: {img: ['src']}})).toThrow(/no attribute name known for property `src`/)
    expect(() => compileSafeHtml({...renderSanitizeSchema, clobber: ['id'], clobberPrefix: 'x-'})).toThrow(TypeError)
  })

  it('repeats a fragment as first written, and writes again one whose output depends on where it is', () => {
    const writer = compileSafeHtmlWriter(pageSanitizeSchema)()
    const marker = Object.freeze({code: 'EN'})
    const item = Object.freeze({text: 'a'})
    const writeMarker = () => {
      writer.open('span', {className: ['marker-untranslated']})
      writer.text(marker.code)
      writer.close()
    }
    let calls = 0
    const writeItem = () => {
      calls++
      writer.open('li')
      writer.text(item.text)
      writer.close()
    }
    writer.fragment(marker, writeMarker)
    writer.fragment(marker, () => writer.text('never written: the first output is repeated'))
    // An `li` is kept only inside a list: its output is never repeated, in or out of one.
    writer.fragment(item, writeItem)
    writer.open('ul')
    writer.fragment(item, writeItem)
    writer.close()
    // Inside a stripped element nothing is written, repeated or not.
    writer.open('script')
    writer.fragment(marker, writeMarker)
    writer.close()
    expect(writer.take()).toBe('<span class="marker-untranslated">EN</span><span class="marker-untranslated">EN</span>a<ul><li>a</li></ul>')
    expect(calls).toBe(2)
  })

  it('writes again a fragment that leaves elements open, and those elements close after it as written', () => {
    const writer = compileSafeHtmlWriter(pageSanitizeSchema)()
    const start = Object.freeze({heading: 'A'})
    let calls = 0
    const writeStart = () => {
      calls++
      writer.open('section', {id: 's', className: ['section']})
      writer.open('div')
      writer.open('h2')
      writer.text('A<')
      writer.close()
    }
    for (const text of ['x', 'y']) {
      writer.fragment(start, writeStart)
      writer.text(text)
      writer.close()
      writer.close()
    }
    expect(writer.take()).toBe('<section id="s" class="section"><div><h2>A&#x3C;</h2>x</div></section><section id="s" class="section"><div><h2>A&#x3C;</h2>y</div></section>')
    // No fragment the renderer keeps leaves an element open: not kept, so written every time.
    expect(calls).toBe(2)
  })

  it('writes again every fragment with a list item, whose output depends on the lists around it', () => {
    const writer = compileSafeHtmlWriter(pageSanitizeSchema)()
    const ownList = Object.freeze({})
    const looseItem = Object.freeze({})
    let calls = 0
    const writeOwnList = () => {
      calls++
      writer.open('ul')
      writer.open('li')
      writer.text('a')
      writer.close()
      writer.close()
    }
    const writeLooseItem = () => {
      calls++
      writer.open('li')
      writer.text('b')
      writer.close()
    }
    for (const inList of [false, true, false, true]) {
      if (inList) writer.open('ol')
      writer.fragment(ownList, writeOwnList)
      writer.fragment(looseItem, writeLooseItem)
      if (inList) writer.close()
    }
    // The loose item is unwrapped outside a list and kept inside one. No fragment the renderer
    // keeps has a list item, so one in a list of its own is written every time too.
    expect(writer.take()).toBe(['<ul><li>a</li></ul>b', '<ol><ul><li>a</li></ul><li>b</li></ol>'].join('').repeat(2))
    expect(calls).toBe(4 + 4)
  })

  it('writes again a fragment that uses a mark taken before it, and keeps in step one called inside a stripped element', () => {
    const writer = compileSafeHtmlWriter(pageSanitizeSchema)()
    const usesMark = Object.freeze({})
    const closesScript = Object.freeze({})
    let calls = 0
    const rounds: string[] = []
    for (let round = 0; round < 2; round++) {
      const outer = writer.mark()
      writer.text('B')
      let inner = -1
      writer.fragment(usesMark, () => {
        calls++
        writer.insertAt(outer, () => writer.text('X'))
        inner = writer.mark()
        writer.text('C')
      })
      writer.text('D')
      writer.insertAt(inner, () => writer.text('Y'))
      // The fragment closes the stripped element it is called in: what follows shows.
      writer.open('div')
      writer.open('script')
      writer.fragment(closesScript, () => {
        calls++
        writer.text('hidden')
        writer.close()
      })
      writer.text('shown')
      writer.close()
      rounds.push(writer.take())
    }
    expect(rounds).toEqual(['XBYCD<div>shown</div>', 'XBYCD<div>shown</div>'])
    expect(calls).toBe(4)
  })

  it('writes again a fragment that closes an element opened before it, leaves open a list, or is taken', () => {
    const writer = compileSafeHtmlWriter(pageSanitizeSchema)()
    const closing = Object.freeze({})
    const list = Object.freeze({})
    const taken = Object.freeze({})
    let calls = 0
    for (let round = 0; round < 2; round++) {
      writer.open('div')
      writer.fragment(closing, () => {
        calls++
        writer.close()
        writer.open('p')
      })
      writer.close()
      // A list is an ancestor some element requires: what is written inside depends on it.
      writer.fragment(list, () => {
        calls++
        writer.open('ul')
      })
      writer.open('li')
      writer.close()
      writer.close()
      writer.fragment(taken, () => {
        calls++
        writer.text('t')
        writer.take()
        writer.text('u')
      })
    }
    expect(writer.take()).toBe('u')
    expect(calls).toBe(6)
  })

  it('gives the HTML of rehype-sanitize + rehype-stringify for every tree Portable Text produces', () => {
    const expected = viaRehype(renderSanitizeSchema)
    const own = compileSafeHtml(renderSanitizeSchema)
    const writer = compileSafeHtmlWriter(renderSanitizeSchema)()
    fc.assert(
      fc.property(fc.array(blockArb, {maxLength: 12}), fc.constantFrom('', 'body-', 'x"&'), (blocks, idPrefix) => {
        const {tree} = portableTextToMdast(blocks, {idPrefix})
        const hast = mdastToHast(tree)
        expect(own(hast)).toBe(expected(hast))
        // Written straight from mdast, as `toHtml` and pages do: the same.
        writeMdast(tree, writer)
        expect(writer.take()).toBe(expected(hast))
      }),
      {numRuns: propertyRuns(500)},
    )
  })

  it.each([
    ['the rich-text schema', renderSanitizeSchema],
    ['the page schema', pageSanitizeSchema],
  ])('sanitizes arbitrary hast exactly as rehype-sanitize does with %s', (_name, schema) => {
    const expected = viaRehype(schema)
    const own = compileSafeHtml(schema)
    fc.assert(
      fc.property(fc.array(hastArb.node, {maxLength: 4}), (children) => {
        const tree: Root = {type: 'root', children}
        expect(own(tree)).toBe(expected(tree))
      }),
      {numRuns: propertyRuns(500)},
    )
  })
})
