import {describe, expect, it} from 'vitest'

import {comparableText} from './comparable-text.ts'

describe('comparableText', () => {
  it('removes invisible characters, composes letters (NFC), makes every run of white space one space and trims', () => {
    expect(comparableText('\uFEFF Schwanger\u00ADschaft\u200B\u200C\u200D\u2060\u00A0und\u202F\u3000\tU\u0308belkeit\n ')).toBe('Schwangerschaft und Übelkeit')
  })

  it('keeps what a reader sees: letters, punctuation, single spaces', () => {
    expect(comparableText('Nicht in der Schwangerschaft. Nicht stillen!')).toBe('Nicht in der Schwangerschaft. Nicht stillen!')
    expect(comparableText('')).toBe('')
  })
})
