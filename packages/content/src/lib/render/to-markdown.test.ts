import type {PortableTextBlock} from '@portabletext/types'
import {describe, expect, it} from 'vitest'
import {toMarkdown} from './to-markdown.ts'

function block(spans: (string | [string, ...string[]])[], fields: Partial<PortableTextBlock> = {}): PortableTextBlock {
  return {
    _type: 'block',
    style: 'normal',
    markDefs: [],
    children: spans.map((span) => {
      const [text, ...marks] = typeof span === 'string' ? [span] : span
      return {_type: 'span', text, marks}
    }),
    ...fields,
  }
}

describe('toMarkdown', () => {
  it('writes one link around text with two, which Markdown would show as a bracket and a URL', () => {
    const markDefs = [
      {_type: 'link', _key: 'a', href: 'https://a.example/'},
      {_type: 'link', _key: 'b', href: 'https://b.example/'},
    ]
    // Before: [[**both**](https://b.example/) only a](https://a.example/)
    expect(toMarkdown([block([['both', 'a', 'b', 'strong'], [' only a', 'a']], {markDefs})]).value).toBe('[**both** only a](https://a.example/)\n')
  })

  it('renders a small document exactly', () => {
    const {value, messages} = toMarkdown([
      block(['How it is done'], {style: 'h2'}),
      block(['A ', ['fine needle', 'strong'], ' and ', ['small', 'em'], ' doses; see ', ['the study', 'l'], '.'], {
        markDefs: [{_type: 'link', _key: 'l', href: 'https://example.org/study'}],
      }),
      block(['Before'], {listItem: 'number', level: 1}),
      block(['no aspirin'], {listItem: 'bullet', level: 2}),
      block(['After'], {listItem: 'number', level: 1}),
      block(['Ask your doctor.\nEvery time.'], {style: 'blockquote'}),
      block(['Use ', ['code', 'code'], ' here'], {style: 'h3'}),
    ])
    expect(value).toBe(
      [
        '## How it is done',
        '',
        'A **fine needle** and *small* doses; see [the study](https://example.org/study).',
        '',
        '1. Before',
        '   - no aspirin',
        '2. After',
        '',
        '> Ask your doctor.\\',
        '> Every time.',
        '',
        '### Use `code` here',
        '',
      ].join('\n'),
    )
    expect(messages).toEqual([])
  })

  it('escapes text so that it never reads back as markup or HTML', () => {
    expect(toMarkdown([block(['<script>alert(1)</script> *not bold* [x](javascript:y) # no heading'])]).value).toBe(
      '\\<script>alert(1)\\</script> \\*not bold\\* \\[x\\](javascript:y) # no heading\n',
    )
  })

  it('drops unsafe links, keeping their text, and reports them', () => {
    const {value, messages} = toMarkdown([block([['click', 'l']], {_key: 'b', markDefs: [{_type: 'link', _key: 'l', href: 'javascript:alert(1)'}]})])
    expect(value).toBe('click\n')
    expect(messages.map((message) => message.ruleId)).toEqual(['unsafe-link'])
  })

  it('renders no body as an empty string and names itself in TypeErrors', () => {
    expect(toMarkdown(undefined)).toEqual({value: '', messages: []})
    expect(() => toMarkdown(42 as never)).toThrow(new TypeError('`toMarkdown` expects an array of Portable Text blocks, got number 42'))
  })
})
