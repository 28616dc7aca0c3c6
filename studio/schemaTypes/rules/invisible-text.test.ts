import {unicodeName} from 'unicode-name'
import {describe, expect, it} from 'vitest'

import {findInvisibleTexts, invisibleTextProblems} from './invisible-text.ts'

const item = (language: string, value: unknown) => ({_key: language, _type: 'internationalizedArrayStringValue', language, value})
const block = (...texts: string[]) => ({_type: 'block', _key: 'b', children: texts.map((text, index) => ({_type: 'span', _key: `s${index}`, text}))})
const messages = (items: ReturnType<typeof item>[]) => invisibleTextProblems(findInvisibleTexts(items), unicodeName)

describe('findInvisibleTexts and invisibleTextProblems', () => {
  it('names each character of a text that has no visible one, at the item’s value', () => {
    expect(messages([item('en', 'Pregnancy'), item('it', '\u200B \u00AD')])).toEqual([
      {
        path: [{_key: 'it'}, 'value'],
        message:
          'The IT text has no visible character, only U+200B ZERO WIDTH SPACE, U+0020 SPACE, U+00AD SOFT HYPHEN: readers would see nothing here. Write the text, or clear the field (an empty translation shows the fallback language, marked as missing).',
      },
    ])
  })

  it('allows empty translations: no value, an empty string, Portable Text with empty spans', () => {
    expect(messages([item('it', ''), item('de', undefined), item('en', [block(''), block()])])).toEqual([])
  })

  it('reads the spans of Portable Text, and passes text a reader can see', () => {
    expect(messages([item('it', [block('\u2060'), block('', '\u200E')])]).map((problem) => problem.message)).toEqual([
      expect.stringContaining('only U+2060 WORD JOINER, U+200E LEFT-TO-RIGHT MARK:'),
    ])
    expect(messages([item('it', 'Gravidanza\u200B'), item('de', [block('\u200B'), block('Schwangerschaft')])])).toEqual([])
  })

  it('names four characters and counts the rest', () => {
    expect(messages([item('it', '\u200B\u200C\u200D\u2060\uFEFF\t')])[0]!.message).toContain(
      'only U+200B ZERO WIDTH SPACE, U+200C ZERO WIDTH NON-JOINER, U+200D ZERO WIDTH JOINER, U+2060 WORD JOINER and 2 more:',
    )
  })

  it('says “This text” for a translation without a language', () => {
    expect(invisibleTextProblems(findInvisibleTexts([{value: '\u200B'}]), unicodeName)).toEqual([
      {
        path: [0, 'value'],
        message:
          'This text has no visible character, only U+200B ZERO WIDTH SPACE: readers would see nothing here. Write the text, or clear the field (an empty translation shows the fallback language, marked as missing).',
      },
    ])
  })

  it('reads past blocks and spans that are null or not objects', () => {
    const value = [null, 7, {_type: 'block', children: [null, {_type: 'span', text: '\u200B'}]}]
    expect(messages([item('it', value)]).map((problem) => problem.message)).toEqual([expect.stringContaining('only U+200B ZERO WIDTH SPACE:')])
  })
})
