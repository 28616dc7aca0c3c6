import {describe, expect, it} from 'vitest'
import {fieldPath, fieldPathOf} from './field-path.ts'

describe('fieldPath', () => {
  it('writes indexes in brackets and names after dots', () => {
    expect(fieldPath('title')).toBe('title')
    expect(fieldPath('contraindications', 3, 'text')).toBe('contraindications[3].text')
    expect(fieldPath('condition', 'alternateNames', 0, 'name')).toBe('condition.alternateNames[0].name')
    expect(fieldPath(0, 'title')).toBe('[0].title')
    expect(fieldPath()).toBe('')
  })

  it('keeps a name that looks like an index apart from the index', () => {
    expect(fieldPath('list', '0')).toBe('list.0')
    expect(fieldPath('list', 0)).toBe('list[0]')
  })

  it('gives the same path from segments as from arguments, up to `length`', () => {
    expect(fieldPathOf(['sideEffects', 2, 'whenToSeekHelp', 'extra'], 3)).toBe(fieldPath('sideEffects', 2, 'whenToSeekHelp'))
  })

  it('stays right after more paths than it remembers', () => {
    for (let index = 0; index < 30_000; index++) expect(fieldPath('items', index, 'text')).toBe(`items[${index}].text`)
    expect(fieldPath('contraindications', 3, 'text')).toBe('contraindications[3].text')
  })
})
