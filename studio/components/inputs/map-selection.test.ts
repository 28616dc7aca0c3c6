import fc from 'fast-check'
import {describe, expect, it} from 'vitest'

import {mapSelection} from './map-selection.ts'

const caret = (at: number) => ({start: at, end: at})

describe('mapSelection', () => {
  it('shifts a caret after an insertion by its length, and keeps one before it', () => {
    expect(mapSelection('Allattamento', '_Allattamento', caret(12))).toEqual(caret(13))
    expect(mapSelection('_Allattamento', '_Allattamento a', caret(1))).toEqual(caret(1))
  })

  it('keeps a caret at the end of the text at the end when text is added there', () => {
    expect(mapSelection('Allattamento', 'Allattamento a', caret(12))).toEqual(caret(14))
  })

  it('moves a caret inside deleted text to where the deletion was, and one after it back', () => {
    expect(mapSelection('Gravidanza accertata', 'Gravidanza', caret(15))).toEqual(caret(10))
    expect(mapSelection('Gravidanza accertata', 'Gravidanza accertata'.slice(4), caret(15))).toEqual(caret(11))
  })

  it('maps both ends of a selection, with changes before, inside and after it', () => {
    // "vida" selected in "Gravidanza"; "X" before it, "Y" inside it, "Z" after it.
    expect(mapSelection('Gravidanza', 'XGraviYdanzaZ', {start: 3, end: 7})).toEqual({start: 4, end: 9})
  })

  it('returns the same selection when nothing changed', () => {
    const selection = {start: 2, end: 5}
    expect(mapSelection('Obesità', 'Obesità', selection)).toBe(selection)
  })

  it('keeps the caret between the same two characters whatever another person inserts elsewhere', () => {
    // Inserted text shares no character with the field, so where it went is not ambiguous.
    const scenario = fc
      .record({text: fc.string({unit: fc.constantFrom('a', 'b', 'c', 'è'), maxLength: 30}), inserted: fc.string({unit: fc.constantFrom('X', 'Y', '😀'), minLength: 1, maxLength: 5})})
      .chain(({text, inserted}) => fc.record({text: fc.constant(text), inserted: fc.constant(inserted), at: fc.nat(text.length), caret: fc.nat(text.length)}))
      .filter(({at, caret}) => at !== caret)
    fc.assert(
      fc.property(scenario, ({text, inserted, at, caret: position}) => {
        const after = text.slice(0, at) + inserted + text.slice(at)
        const expected = at < position ? position + inserted.length : position
        expect(mapSelection(text, after, caret(position))).toEqual(caret(expected))
      }),
    )
  })
})
