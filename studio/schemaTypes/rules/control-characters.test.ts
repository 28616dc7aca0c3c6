import {unicodeName} from 'unicode-name'
import {describe, expect, it} from 'vitest'

import {controlCharacterProblems, findControlCharacterTexts} from './control-characters.ts'

const item = (language: string, value: unknown) => ({_key: language, _type: 'internationalizedArrayTextValue', language, value})
const block = (...texts: string[]) => ({_type: 'block', _key: 'b', children: texts.map((text, index) => ({_type: 'span', _key: `s${index}`, text}))})
const messages = (items: Array<Record<string, unknown>>) => controlCharacterProblems(findControlCharacterTexts(items), unicodeName)

describe('findControlCharacterTexts and controlCharacterProblems', () => {
  it('names the control characters of a translation, at the item’s value', () => {
    expect(messages([item('en', 'Swelling is normal.'), item('de', 'Schwellung\rist normal\x07.')])).toEqual([
      {
        path: [{_key: 'de'}, 'value'],
        message: 'The DE text holds control characters, U+000D CARRIAGE RETURN, U+0007 ALERT: they are not text, and readers would see nothing or a box. Remove them.',
      },
    ])
    expect(messages([item('it', 'Gonfiore\x7F')])).toEqual([
      {path: [{_key: 'it'}, 'value'], message: 'The IT text holds a control character, U+007F DELETE: it is not text, and readers would see nothing or a box. Remove it.'},
    ])
  })

  it('reads the spans of Portable Text, finds C1 controls, and passes tabs, line feeds and text without controls', () => {
    expect(messages([item('it', [block('Uno'), block('Due\u0085')])]).map((problem) => problem.message)).toEqual([
      expect.stringContaining('holds a control character, U+0085 NEXT LINE:'),
    ])
    expect(messages([item('en', 'Line one\n\tLine two'), item('de', [block('Zeile\n', '\tzwei')]), item('it', ''), item('de', undefined), item('de', 7)])).toEqual([])
  })

  it('reads past what is not an item, a block or a span (malformed content), still finding the controls', () => {
    const malformed = [null, item('de', [null, {children: 'not a list'}, {children: [null, {text: 7}, {text: 'Schwellung\x07'}]}])] as unknown as Array<Record<string, unknown>>
    expect(findControlCharacterTexts(malformed as never).map(({path, codePoints}) => ({path, codePoints}))).toEqual([{path: [{_key: 'de'}, 'value'], codePoints: [7]}])
  })

  it('names four characters and counts the rest, and says “This text” for an item without a language', () => {
    expect(controlCharacterProblems(findControlCharacterTexts([{value: '\x00\x01\x02\x03\x04\x05'}]), unicodeName)).toEqual([
      {
        path: [0, 'value'],
        message: 'This text holds control characters, U+0000 NULL, U+0001 START OF HEADING, U+0002 START OF TEXT, U+0003 END OF TEXT and 2 more: they are not text, and readers would see nothing or a box. Remove them.',
      },
    ])
  })
})
