import type {PortableTextBlock} from '@portabletext/types'
import {describe, expect, it} from 'vitest'
import {toPlainText} from './to-plain-text.ts'

function block(spans: (string | [string, ...string[]])[], fields: Partial<PortableTextBlock> = {}): PortableTextBlock {
  return {
    _type: 'block',
    style: 'normal',
    markDefs: [{_type: 'link', _key: 'l', href: 'https://example.org'}],
    children: spans.map((span) => {
      const [text, ...marks] = typeof span === 'string' ? [span] : span
      return {_type: 'span', text, marks}
    }),
    ...fields,
  }
}

describe('toPlainText', () => {
  it('separates blocks with blank lines and puts list items on their own lines', () => {
    const {value, messages} = toPlainText([
      block(['Side effects'], {style: 'h2'}),
      block(['Mild ', ['redness', 'strong'], ' and ', ['bruising', 'em', 'l'], '.']),
      block(['Redness'], {listItem: 'bullet'}),
      block(['usually a day'], {listItem: 'number', level: 2}),
      block(['Bruising'], {listItem: 'bullet'}),
      block(['Call us:\n06 123'], {style: 'blockquote'}),
      {_type: 'image', _key: 'img'},
      block(['<b>not html</b> & more']),
    ])
    expect(value).toBe(
      'Side effects\n\nMild redness and bruising.\n\nRedness\nusually a day\nBruising\n\nCall us:\n06 123\n\n<b>not html</b> & more',
    )
    expect(messages.map((message) => message.ruleId)).toEqual(['unknown-block-type'])
  })

  it('renders no body as an empty string and names itself in TypeErrors', () => {
    expect(toPlainText(null)).toEqual({value: '', messages: []})
    expect(() => toPlainText(true as never)).toThrow(new TypeError('`toPlainText` expects an array of Portable Text blocks, got boolean true'))
  })
})
