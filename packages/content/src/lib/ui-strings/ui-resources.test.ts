import {describe, expect, it} from 'vitest'
import {baseLocale, localeIds} from '../locale/locale-registry.ts'
import {uiNamespace, uiResources} from './ui-resources.ts'
import {uiStringKeys} from './ui-string-keys.ts'

type Table = {readonly [key: string]: string | Table}

function leaves(table: Table, prefix = ''): Map<string, string> {
  const result = new Map<string, string>()
  for (const [key, value] of Object.entries(table)) {
    if (typeof value === 'string') result.set(`${prefix}${key}`, value)
    else for (const [path, text] of leaves(value, `${prefix}${key}.`)) result.set(path, text)
  }
  return result
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1]).sort()

/**
 * Problems of `catalog` against the base catalog: missing or extra keys, empty strings, and
 * interpolations that differ from the base string's. Plural forms `one` and `other` are required
 * for every plural key; i18next falls back to `_other` for CLDR categories without a key (such
 * as Italian `many` for 1 000 000).
 */
function catalogProblems(base: Table, catalog: Table): string[] {
  const expected = leaves(base)
  const actual = leaves(catalog)
  const problems: string[] = []
  for (const [key, text] of expected) {
    const translated = actual.get(key)
    if (translated === undefined) problems.push(`missing ${key}`)
    else if (translated.trim() === '') problems.push(`empty ${key}`)
    else if (variables(translated).join() !== variables(text).join()) problems.push(`interpolations differ in ${key}`)
  }
  for (const key of actual.keys()) if (!expected.has(key)) problems.push(`extra ${key}`)
  return problems
}

const base = uiResources[baseLocale]![uiNamespace] as Table

describe('uiResources', () => {
  it('has strings for every supported locale, and only those', () => {
    expect(Object.keys(uiResources).sort()).toEqual([...localeIds].sort())
  })

  it.each(localeIds.filter((id) => id !== baseLocale))('has every base-locale key in %s, none empty, with the same interpolations', (id) => {
    expect(catalogProblems(base, uiResources[id]![uiNamespace] as Table)).toEqual([])
  })

  it('finds a missing key, an extra key and a lost interpolation', () => {
    const {overview: _overview, ...withoutOverview} = base as Record<string, string | Table>
    const broken = {...withoutOverview, reviewedBy: 'Reviewed', surplus: 'x', bodyArea: {...(base.bodyArea as Table), arms: ''}}
    expect(catalogProblems(base, broken)).toEqual(['missing overview', 'empty bodyArea.arms', 'interpolations differ in reviewedBy', 'extra surplus'])
  })

  it('gives every plural key its one and other forms', () => {
    for (const id of localeIds) {
      const keys = [...leaves(uiResources[id]![uiNamespace] as Table).keys()]
      const plural = new Set(keys.filter((key) => /_(one|other)$/.test(key)).map((key) => key.replace(/_(one|other)$/, '')))
      expect([...plural].sort()).toEqual(['resultsFromDay', 'sessionsRange', 'weeksApart'])
      for (const key of plural) expect(keys).toEqual(expect.arrayContaining([`${key}_one`, `${key}_other`]))
    }
  })

  it('is frozen, so no caller can change the strings for everyone', () => {
    expect(Object.isFrozen(uiResources)).toBe(true)
    expect(Object.isFrozen(uiResources.it!.treatment.bodyArea)).toBe(true)
  })
})

describe('uiStringKeys', () => {
  it('lists every key t() accepts, plural keys without suffix', () => {
    expect(uiStringKeys).toContain('sessionsRange')
    expect(uiStringKeys).toContain('bodyArea.arms')
    expect(uiStringKeys).not.toContain('sessionsRange_one')
    expect(uiStringKeys.length).toBe(new Set(uiStringKeys).size)
    expect([...uiStringKeys]).toEqual([...uiStringKeys].sort())
    expect(uiStringKeys).toHaveLength(66)
  })
})
