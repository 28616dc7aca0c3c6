import fc from 'fast-check'
import {describe, expect, it} from 'vitest'

import {hasVisibleText} from './has-visible-text.ts'

/** Characters a reader cannot see: whitespace, control and format characters. */
const invisible = [
  ' ', '\t', '\n', '\r', '\u00A0', '\u1680', '\u2000', '\u2007', '\u200A', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000',
  '\u0000', '\u0007', '\u001F', '\u007F', '\u0085',
  '\u00AD', '\u061C', '\u180E', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u202A', '\u202E', '\u2060', '\u2064', '\u2066', '\u2069', '\uFEFF',
]
const invisibleText = fc.array(fc.constantFrom(...invisible), {maxLength: 20}).map((characters) => characters.join(''))
/** Letters and digits of several scripts, as an editor or a translator types them. */
const visibleCharacter = fc.constantFrom('a', 'Z', 'é', 'ß', 'ж', 'ع', 'א', '中', 'あ', '한', '7', '٣', '१', '１', 'Ⅻ')

describe('hasVisibleText', () => {
  it('is false for any string of whitespace, control and format characters', () => {
    fc.assert(fc.property(invisibleText, (text) => !hasVisibleText(text)))
  })

  it('is true once one letter or digit stands among them, in any script', () => {
    fc.assert(
      fc.property(invisibleText, visibleCharacter, invisibleText, (before, character, after) => hasVisibleText(before + character + after)),
    )
  })

  it('agrees with “has a letter or digit after removing invisible characters” on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({unit: 'binary', maxLength: 30}), (text) => {
        const stripped = text.normalize('NFKC').replace(/[\p{Zs}\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
        return hasVisibleText(text) === /[\p{L}\p{N}]/u.test(stripped)
      }),
    )
  })

  it('answers as NFKC does when an ASCII letter or digit stands among combining marks and compatibility characters', () => {
    // The ASCII test is a shortcut taken before normalizing: it must never disagree with NFKC.
    const mixed = fc.array(fc.oneof(fc.constantFrom('a', 'Z', '0', '9', '\u0301', '\u0338', '\u20E3', '\u3099', '\uFE0F', '\u00AD', 'ﬁ', '①'), fc.string({unit: 'binary', maxLength: 2})), {maxLength: 12})
    fc.assert(
      fc.property(mixed, (parts) => {
        const text = parts.join('')
        return hasVisibleText(text) === /[\p{L}\p{N}]/u.test(text.normalize('NFKC'))
      }),
    )
  })

  it('counts Portable Text only when one of its spans has visible text', () => {
    const block = (...texts: string[]) => ({_type: 'block', children: texts.map((text) => ({_type: 'span', text}))})
    fc.assert(fc.property(fc.array(invisibleText, {maxLength: 4}), (texts) => !hasVisibleText([block(...texts), block()])))
    expect(hasVisibleText([block('\u200B'), block('\u2060', 'Gravidanza')])).toBe(true)
    expect(hasVisibleText([{_type: 'image', asset: {_ref: 'image-1'}}])).toBe(true)
  })

  it('treats nothing, punctuation alone and empty arrays as missing', () => {
    for (const value of [undefined, null, '', '—', '...', '\u200B-\u200B', []]) expect(hasVisibleText(value), JSON.stringify(value)).toBe(false)
  })
})
