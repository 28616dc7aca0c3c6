import {describe, expect, it} from 'vitest'
import {indexedPaths} from './indexed-paths.ts'

describe('indexedPaths', () => {
  it('gives the path of a field of each item, the same string every time, in any order and past the bound', () => {
    const path = indexedPaths('ingredients', 'ingredient.name')
    expect(path(3)).toBe('ingredients[3].ingredient.name')
    expect(path(0)).toBe('ingredients[0].ingredient.name')
    expect(path(0)).toBe(path(0))
    expect(path(1)).toBe('ingredients[1].ingredient.name')
    expect(path(5000)).toBe('ingredients[5000].ingredient.name')
    expect(path(3)).toBe('ingredients[3].ingredient.name')
  })
})
