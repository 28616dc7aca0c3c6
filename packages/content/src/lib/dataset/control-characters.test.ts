import {describe, expect, it} from 'vitest'

import {controlCharacters} from './control-characters.ts'

describe('controlCharacters', () => {
  it('lists C0 controls but tab and line feed, DEL and C1 controls, each once, in the order met', () => {
    expect(controlCharacters('Schwellung\rist\x07 normal\r\x00\x08\x0B\x0C\x1F\x7F\x80\x85\x9F.')).toEqual([
      0x0d, 0x07, 0x00, 0x08, 0x0b, 0x0c, 0x1f, 0x7f, 0x80, 0x85, 0x9f,
    ])
  })

  it('finds none in text with tabs, line feeds, spaces and letters beside the control ranges', () => {
    expect(controlCharacters('Zeile eins\n\tZeile zwei \u00A0 ~ \u00A1 \u200B Übelkeit')).toEqual([])
    expect(controlCharacters('')).toEqual([])
  })
})
