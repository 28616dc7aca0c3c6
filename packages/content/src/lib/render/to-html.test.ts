import type {ArbitraryTypedObject, PortableTextBlock} from '@portabletext/types'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {toHtml} from './to-html.ts'
import {propertyRuns} from '../../test-support/property-runs.ts'

type Span = string | [text: string, ...marks: string[]]

let keys = 0
/** A `block` with spans given as text or `[text, ...marks]`. */
function block(spans: Span[], fields: Partial<PortableTextBlock> = {}): PortableTextBlock {
  const key = fields._key ?? `k${keys++}`
  return {
    _type: 'block',
    _key: key,
    style: 'normal',
    markDefs: [],
    children: spans.map((span, index) => {
      const [text, ...marks] = typeof span === 'string' ? [span] : span
      return {_type: 'span', _key: `${key}-${index}`, text, marks}
    }),
    ...fields,
  }
}

const link = (key: string, href: unknown) => ({_type: 'link', _key: key, href}) as {_type: string; _key: string; href: string}

describe('toHtml', () => {
  it('renders headings, paragraphs and quotes, one per line', () => {
    const {value, messages} = toHtml([
      block(['Side effects'], {style: 'h2', _key: 'a'}),
      block(['Redness for a day.'], {_key: 'b'}),
      block(['Bruising'], {style: 'h3', _key: 'c'}),
      block(['Detail'], {style: 'h4', _key: 'd'}),
      block(['Ask your doctor.'], {style: 'blockquote', _key: 'e'}),
    ])
    expect(value).toBe(
      '<h2 id="side-effects">Side effects</h2>\n<p>Redness for a day.</p>\n<h3 id="bruising">Bruising</h3>\n' +
        '<h4 id="detail">Detail</h4>\n<blockquote>\n<p>Ask your doctor.</p>\n</blockquote>',
    )
    expect(messages).toEqual([])
  })

  it('escapes a script element in text instead of rendering it', () => {
    expect(toHtml([block(['<script>alert(1)</script>'])]).value).toBe('<p>&#x3C;script>alert(1)&#x3C;/script></p>')
  })

  it('keeps event-handler-like text and closing script tags as text', () => {
    expect(toHtml([block(['<img src=x onerror=alert(1)> </script><b onclick="x">'])]).value).toBe(
      '<p>&#x3C;img src=x onerror=alert(1)> &#x3C;/script>&#x3C;b onclick="x"></p>',
    )
  })

  it('escapes quotes and ampersands in link URLs', () => {
    const blocks = [block([['source', 'l']], {markDefs: [link('l', 'https://example.org/?a=1&b="><script>')]})]
    // Inside a double-quoted attribute only `"` and `&` need escaping; `<` and `>` are plain text there.
    expect(toHtml(blocks).value).toBe('<p><a href="https://example.org/?a=1&#x26;b=&#x22;><script>">source</a></p>')
  })

  it.each(['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:x', '/relative/path'])(
    'drops a %j link but keeps its text and reports it',
    (href) => {
      const blocks = [block(['See ', ['this page', 'l'], '.'], {_key: 'p1', markDefs: [link('l', href)]})]
      const {value, messages} = toHtml(blocks)
      expect(value).toBe('<p>See this page.</p>')
      expect(messages).toEqual([
        {
          ruleId: 'unsafe-link',
          reason: `Link ("l") in block "p1" has ${JSON.stringify(href)}; only http:, https:, mailto: and tel: URLs are linked, so its text is shown without the link`,
          blockKey: 'p1',
          source: '@treatments/content',
        },
      ])
    },
  )

  it('reports a link without an href', () => {
    const {value, messages} = toHtml([block([['text', 'l']], {_key: 'p1', markDefs: [{_type: 'link', _key: 'l'}]})])
    expect(value).toBe('<p>text</p>')
    expect(messages.map((message) => [message.ruleId, message.reason])).toEqual([
      ['unsafe-link', 'Link ("l") in block "p1" has no URL; only http:, https:, mailto: and tel: URLs are linked, so its text is shown without the link'],
    ])
  })

  it('keeps mailto and tel links', () => {
    const blocks = [block([['Write', 'm'], ' or ', ['call', 't']], {markDefs: [link('m', 'mailto:info@example.org'), link('t', 'tel:+390612345')]})]
    const {value, messages} = toHtml(blocks)
    expect(value).toBe('<p><a href="mailto:info@example.org">Write</a> or <a href="tel:+390612345">call</a></p>')
    expect(messages).toEqual([])
  })

  it('links text to one URL: a link inside a link is not HTML, and thousands of them overflowed the stack', () => {
    const blocks = [block([['both', 'a', 'b', 'strong'], [' only a', 'a']], {_key: 'p1', markDefs: [link('a', 'https://a.example/'), link('b', 'https://b.example/')]})]
    const {value, messages} = toHtml(blocks)
    // Before: <a href="https://a.example/"><a href="https://b.example/"><strong>both</strong></a> only a</a>
    expect(value).toBe('<p><a href="https://a.example/"><strong>both</strong> only a</a></p>')
    expect(messages).toEqual([
      {
        ruleId: 'nested-link',
        reason: 'Link ("b") in block "p1" is on text that has a link already; that text keeps its first link only',
        blockKey: 'p1',
        source: '@treatments/content',
      },
    ])
    const keys = Array.from({length: 20_000}, (_, index) => `l${index}`)
    const many = toHtml([block([['x', ...keys]], {markDefs: keys.map((key) => link(key, `https://example.org/${key}`))})])
    expect(many.value).toBe('<p><a href="https://example.org/l0">x</a></p>')
  })

  it('nests shared marks across spans instead of repeating them', () => {
    const blocks = [
      block([['bold ', 'strong'], ['both', 'strong', 'em'], [' em', 'em'], ' ', ['code', 'code'], ['linked bold', 'strong', 'l']], {
        markDefs: [link('l', 'https://example.org')],
      }),
    ]
    expect(toHtml(blocks).value).toBe(
      '<p><strong>bold <em>both</em></strong><em> em</em> <code>code</code><strong><a href="https://example.org">linked bold</a></strong></p>',
    )
  })

  it('keeps the outer mark outermost when it runs longer', () => {
    const blocks = [block([['a', 'em', 'strong'], ['b', 'strong']])]
    expect(toHtml(blocks).value).toBe('<p><strong><em>a</em>b</strong></p>')
  })

  it('turns newlines in spans into line breaks', () => {
    expect(toHtml([block(['Line one\nline two'])]).value).toBe('<p>Line one<br>\nline two</p>')
  })

  it('groups list items into lists nested by level', () => {
    const item = (text: string, listItem: string, level: number) => block([text], {listItem, level})
    const {value, messages} = toHtml([
      item('one', 'bullet', 1),
      item('one.a', 'number', 2),
      item('one.b', 'number', 2),
      item('one.b.i', 'bullet', 3),
      item('two', 'bullet', 1),
      block(['between']),
      item('first', 'number', 1),
      item('also bullets', 'bullet', 1),
    ])
    expect(value).toBe(
      [
        '<ul>',
        '<li>one',
        '<ol>',
        '<li>one.a</li>',
        '<li>one.b',
        '<ul>',
        '<li>one.b.i</li>',
        '</ul>',
        '</li>',
        '</ol>',
        '</li>',
        '<li>two</li>',
        '</ul>',
        '<p>between</p>',
        '<ol>',
        '<li>first</li>',
        '</ol>',
        '<ul>',
        '<li>also bullets</li>',
        '</ul>',
      ].join('\n'),
    )
    expect(messages).toEqual([])
  })

  it('gives headings ids that are unique in the document, prefixed when asked, and the same on every render', () => {
    const blocks = [block(['Side effects'], {style: 'h2'}), block(['Side effects'], {style: 'h3'}), block(['Effetti à la carte'], {style: 'h2'})]
    const first = toHtml(blocks, {idPrefix: 'body-'}).value
    expect(first).toBe(
      '<h2 id="body-side-effects">Side effects</h2>\n<h3 id="body-side-effects-1">Side effects</h3>\n<h2 id="body-effetti-a-la-carte">Effetti à la carte</h2>',
    )
    expect(toHtml(blocks, {idPrefix: 'body-'}).value).toBe(first)
    expect(toHtml(blocks).value).toContain('<h2 id="side-effects">')
  })

  it('leaves out blocks with no text', () => {
    expect(toHtml([block(['']), block(['  ']), block([], {style: 'h2'}), block(['kept'])]).value).toBe('<p>kept</p>')
  })

  it('renders unknown types, styles, list items and marks as their text and reports each with the block key', () => {
    const blocks: ArbitraryTypedObject[] = [
      {_type: 'image', _key: 'img', asset: {_ref: 'image-abc'}},
      {_type: 'callout', _key: 'call', text: '<b>Never shown</b>'},
      {_type: 'callout', _key: 'tip', children: [{_type: 'span', text: 'Tip text', marks: []}]},
      block(['Big title'], {_key: 'h1', style: 'h1'}),
      block(['Checked'], {_key: 'chk', listItem: 'check' as 'bullet'}),
      block([['under', 'underline'], ['struck', 'strike-through'], ['odd', 'sparkle'], ['note', 'fn']], {
        _key: 'marks',
        markDefs: [{_type: 'footnote', _key: 'fn'}],
      }),
      {_type: 'block', _key: 'inline', markDefs: [], children: [{_type: 'span', text: 'x', marks: []}, {_type: 'mention', _key: 'm'}]},
      'not a block' as unknown as ArbitraryTypedObject,
      {_type: 'block', _key: 'nochildren'},
    ]
    const {value, messages} = toHtml(blocks)
    expect(value).toBe('<p>Tip text</p>\n<p>Big title</p>\n<ul>\n<li>Checked</li>\n</ul>\n<p>understruckoddnote</p>\n<p>x</p>')
    expect(messages).toEqual([
      {ruleId: 'unknown-block-type', reason: 'Block "img" has unknown type "image"; it was left out', blockKey: 'img', source: '@treatments/content'},
      {ruleId: 'unknown-block-type', reason: 'Block "call" has unknown type "callout"; it was left out', blockKey: 'call', source: '@treatments/content'},
      {ruleId: 'unknown-block-type', reason: 'Block "tip" has unknown type "callout"; only its text is shown', blockKey: 'tip', source: '@treatments/content'},
      {ruleId: 'unknown-style', reason: 'Block "h1" has unknown style "h1"; it is shown as a paragraph', blockKey: 'h1', source: '@treatments/content'},
      {ruleId: 'unknown-list-item', reason: 'Block "chk" has unknown list type "check"; it is shown as a bullet', blockKey: 'chk', source: '@treatments/content'},
      {ruleId: 'unsupported-mark', reason: 'Decorator "underline" in block "marks" has no equivalent; its text is shown without it', blockKey: 'marks', source: '@treatments/content'},
      {ruleId: 'unsupported-mark', reason: 'Decorator "strike-through" in block "marks" has no equivalent; its text is shown without it', blockKey: 'marks', source: '@treatments/content'},
      {
        ruleId: 'unknown-mark',
        reason: 'Mark "sparkle" in block "marks" is neither a known decorator nor a mark definition; its text is shown without it',
        blockKey: 'marks',
        source: '@treatments/content',
      },
      {
        ruleId: 'unknown-annotation',
        reason: 'Annotation "footnote" ("fn") in block "marks" cannot be rendered; its text is shown without it',
        blockKey: 'marks',
        source: '@treatments/content',
      },
      {ruleId: 'unknown-inline-type', reason: 'Inline object "mention" in block "inline" cannot be rendered; it was left out', blockKey: 'inline', source: '@treatments/content'},
      {ruleId: 'invalid-block', reason: 'Entry 7 is not a Portable Text block (an object with a `_type`); it was left out', source: '@treatments/content'},
      {ruleId: 'invalid-block', reason: 'Block "nochildren" has no `children` array; it was left out', blockKey: 'nochildren', source: '@treatments/content'},
    ])
  })

  it('shows a span whose text is a number, and says so; leaves out text that is an object, and says so; never drops words silently', () => {
    const span = (text: unknown, marks: string[] = []) => ({_type: 'span', _key: `s${keys++}`, text, marks})
    const blocks = [
      {_type: 'block', _key: 'plain', style: 'normal', markDefs: [], children: [span('Not before age '), span(18), span(' years.')]},
      {_type: 'block', _key: 'marked', style: 'normal', markDefs: [], children: [span('At most '), span(2, ['strong']), span({value: 'x'}), span(' doses.'), span(null)]},
    ] as unknown as PortableTextBlock[]
    const {value, messages} = toHtml(blocks)
    expect(value).toBe('<p>Not before age 18 years.</p>\n<p>At most <strong>2</strong> doses.</p>')
    expect(messages).toEqual([
      {ruleId: 'invalid-block', reason: 'A span in block "plain" has text that is not a string (number 18); it is shown as "18"', blockKey: 'plain', source: '@treatments/content'},
      {ruleId: 'invalid-block', reason: 'A span in block "marked" has text that is not a string (number 2); it is shown as "2"', blockKey: 'marked', source: '@treatments/content'},
      {ruleId: 'invalid-block', reason: 'A span in block "marked" has text that is not a string (an object); it was left out', blockKey: 'marked', source: '@treatments/content'},
    ])
  })

  it('reports the same problem once per block', () => {
    const {messages} = toHtml([block([['a', 'underline'], ' ', ['b', 'underline']], {_key: 'x'}), block([['c', 'underline']], {_key: 'y'})])
    expect(messages.map((message) => message.blockKey)).toEqual(['x', 'y'])
  })

  it('renders null and undefined (no body) as empty output', () => {
    expect(toHtml(null)).toEqual({value: '', messages: []})
    expect(toHtml(undefined)).toEqual({value: '', messages: []})
    expect(toHtml([])).toEqual({value: '', messages: []})
  })

  it('throws a TypeError naming the call for arguments of the wrong type', () => {
    expect(() => toHtml('<p>hi</p>' as never)).toThrow(new TypeError('`toHtml` expects an array of Portable Text blocks, got the string "<p>hi</p>"'))
    expect(() => toHtml({_type: 'block'} as never)).toThrow(new TypeError('`toHtml` expects an array of Portable Text blocks, got an object'))
    expect(() => toHtml([], 'x' as never)).toThrow(new TypeError('`toHtml` expects an options object as its second argument, got the string "x"'))
    expect(() => toHtml([], {idPrefix: 1} as never)).toThrow(new TypeError('`toHtml` expects `idPrefix` to be a string, got number 1'))
  })

  it('never emits a script, a javascript: URL or an event attribute, and always contains the escaped text', () => {
    const escape = (text: string) => text.replaceAll('&', '&#x26;').replaceAll('<', '&#x3C;')
    const decode = (html: string) => html.replaceAll('&#x3C;', '<').replaceAll('&#x26;', '&')
    const textArb = fc.string({unit: fc.constantFrom('<', '>', '"', "'", '&', ' ', 'a', ' on', '=', 'script', 'javascript:', '/', '\n')})
    const spanArb = fc.tuple(textArb, fc.subarray(['strong', 'em', 'code', 'l', 'underline']))
    const hrefArb = fc.constantFrom('javascript:alert(1)', ' JaVaScRiPt:x', 'data:text/html,<script>', 'https://example.org/" onmouseover="x', 'tel:1')
    const allowedTag = /^<\/?(p|h2|blockquote|strong|em|code|a)>$|^<br>$|^<h2 id="[^"]*">$|^<a href="(https:|tel:)[^"]*">$/
    const documents = fc.array(fc.array(spanArb, {minLength: 1, maxLength: 4}), {maxLength: 4})
    fc.assert(
      fc.property(documents, hrefArb, fc.constantFrom('normal', 'h2', 'blockquote'), (blocks, href, style) => {
        const input = blocks.map((spans) =>
          block(
            spans.map(([text, marks]) => [text, ...marks] as Span),
            {style: style as 'normal', markDefs: [link('l', href)]},
          ),
        )
        const html = toHtml(input).value
        const tags = html.match(/<[^>]*>/g) ?? []
        for (const tag of tags) {
          expect(tag).toMatch(allowedTag)
          expect(tag.replace(/"[^"]*"/g, '""')).not.toMatch(/\son\w*=/i)
          expect(tag).not.toMatch(/javascript:|data:/i)
        }
        expect(html).not.toMatch(/<script/i)
        // Each line of each span is in the output, escaped (leading spaces after a line break go,
        // as in Markdown-derived HTML).
        const rendered = blocks.filter((spans) => spans.map(([text]) => text).join('').trim() !== '')
        for (const spans of rendered) {
          for (const [text] of spans) for (const line of text.split('\n')) expect(html).toContain(escape(line.trimStart()))
        }
        // Without its tags, the output is the text, block by block, apart from whitespace.
        const squash = (text: string) => text.replace(/\s+/g, '')
        const expected = rendered.map((spans) => spans.map(([text]) => text).join('')).join('')
        expect(squash(decode(html.replace(/<[^>]*>/g, '')))).toBe(squash(expected))
      }),
      {numRuns: propertyRuns(500)},
    )
  })
})
