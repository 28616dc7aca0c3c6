import {describe, expect, it} from 'vitest'
import {answerInLocale} from './answer-in-locale.ts'

const items = (text: string) => ({i18n: ['en', 'it', 'de'].map((language) => ({language, value: `${text} (${language})`}))})
const safety = (text: string) => ({...items(text), source: {hashes: [{language: 'it', hash: 'sha256-it'}, {language: 'de', hash: 'sha256-de'}]}})

describe('answerInLocale', () => {
  it("keeps a document many pages reference as one object, copies each page's own, and leaves the answer as it was", () => {
    const contraindication = {_id: 'c1', kind: 'absolute', text: safety('Pregnancy')}
    const ingredient = {_id: 'i1', name: items('Caffeine'), mechanism: items('Drains')}
    const page = (id: string) => ({
      _id: id,
      title: items(`Title ${id}`),
      ingredients: [{_key: 'k', role: items('Role'), ingredient}],
      claims: [{_key: 'c', statement: items('Claim')}],
      contraindications: [contraindication],
      translations: [{language: 'it', status: 'reviewed'}, {language: 'de', status: 'draft'}],
    })
    const answer = [page('a'), page('b')]
    const before = structuredClone(answer)
    const split = answerInLocale(answer, ['it', 'en'], 'it') as Array<ReturnType<typeof page>>
    expect(split[0]!.contraindications[0]).toBe(split[1]!.contraindications[0])
    expect(split[0]!.ingredients[0]!.ingredient).toBe(split[1]!.ingredients[0]!.ingredient)
    expect(split[0]!.ingredients[0]).not.toBe(split[1]!.ingredients[0])
    expect(split[0]!.contraindications[0]!.text).toEqual({i18n: [{language: 'en', value: 'Pregnancy (en)'}, {language: 'it', value: 'Pregnancy (it)'}], source: {hash: 'sha256-it'}})
    expect(split[1]!.claims[0]!.statement.i18n.map((item) => item.language)).toEqual(['en', 'it'])
    expect(split[0]!.translations).toEqual([{language: 'it', status: 'reviewed'}])
    expect(answer).toEqual(before)
    // Each call is its own split: nothing is shared between locales.
    expect((answerInLocale(answer, ['de', 'en'], 'de') as typeof split)[0]!.contraindications[0]).not.toBe(split[0]!.contraindications[0])
  })
})
