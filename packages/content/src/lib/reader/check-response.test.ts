import {describe, expect, it} from 'vitest'

import {DuplicateSlugError, MalformedResponseError, MissingContraindicationsError, ReferenceTypeError} from '../errors.ts'
import {checkTreatmentList, checkTreatmentPage, checkTreatmentPages} from './check-response.ts'

// Answers a source can send that no query of ours would: each must be refused with the path a
// page author can follow, never passed on to a page with a gap where safety text should be.

const text = (value: string) => ({i18n: [{language: 'en', value}]})

/** A by-slug answer's treatment that passes every check; `changes` replace its fields. */
function page(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    _id: 'treatment-a',
    slug: 'a',
    title: text('A'),
    summary: text('Summary'),
    body: {i18n: null},
    howPerformed: text('How'),
    disclaimer: text('Disclaimer'),
    protocol: {sessions: 3},
    condition: {_id: 'condition-1', name: text('Condition'), description: text('Description')},
    ingredients: [{role: text('Role'), ingredient: {_id: 'ingredient-1', name: text('Ingredient')}}],
    effects: [{_id: 'effect-1', text: text('Effect')}],
    claims: [{statement: text('Claim')}],
    sideEffects: [{_id: 'side-effect-1', text: text('Bruising'), whenToSeekHelp: text('If it spreads')}],
    contraindications: [{_id: 'contraindication-1', text: text('Pregnancy')}],
    availableLocales: ['en', 'it'],
    ...changes,
  }
}

function malformed(run: () => void): MalformedResponseError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedResponseError)
    return error as MalformedResponseError
  }
  throw new Error('expected a MalformedResponseError, nothing was thrown')
}

describe('checkTreatmentPage', () => {
  it('passes a whole treatment, no treatment, and optional fields left out or null', () => {
    expect(() => checkTreatmentPage([page()])).not.toThrow()
    expect(() => checkTreatmentPage([])).not.toThrow()
    for (const absent of [null, undefined]) {
      const optional = {protocol: absent, condition: absent, ingredients: absent, effects: absent, claims: absent, sideEffects: absent, availableLocales: absent}
      expect(() => checkTreatmentPage([page(optional)])).not.toThrow()
    }
    expect(() => checkTreatmentPage([page({contraindications: [{_id: 'c', _type: null, text: {i18n: null}}]})])).not.toThrow()
  })

  it('refuses an answer that is not an array, at the root', () => {
    for (const answer of [null, undefined, page(), 'a']) {
      const error = malformed(() => checkTreatmentPage(answer))
      expect(error.path).toBe('')
      expect(error.expected).toBe('an array of treatments')
      expect(error.message).toContain('at `(root)`')
    }
  })

  // Each row: the page's change, the path named, what was expected there.
  const wrongShapes: Array<[string, Record<string, unknown>, string, string]> = [
    ['a page that is not an object', {}, '', 'an object'],
    ['an _id that is not a string', {_id: 7}, '_id', 'a string'],
    ['a missing slug', {slug: undefined}, 'slug', 'a string'],
    ['a title that is a plain string', {title: 'A'}, 'title', 'a localized field `{i18n: [...]}`'],
    ['a missing summary', {summary: null}, 'summary', 'a localized field `{i18n: [...]}`'],
    ['a body without i18n', {body: {}}, 'body', 'a localized field `{i18n: [...]}`'],
    ['localized items that are not an array', {howPerformed: {i18n: {en: 'How'}}}, 'howPerformed.i18n', 'an array or null'],
    ['a disclaimer that is a number', {disclaimer: 1}, 'disclaimer', 'a localized field `{i18n: [...]}`'],
    ['a protocol that is an array', {protocol: []}, 'protocol', 'an object'],
    ['a protocol that is a string', {protocol: 'three sessions'}, 'protocol', 'an object'],
    ['a condition without _id', {condition: {name: text('C'), description: text('D')}}, 'condition._id', 'a string'],
    ['a condition with a numeric _type', {condition: {_id: 'c', _type: 3, name: text('C'), description: text('D')}}, 'condition._type', 'a string'],
    ['a condition without description', {condition: {_id: 'c', name: text('C')}}, 'condition.description', 'a localized field `{i18n: [...]}`'],
    ['ingredients that are an object', {ingredients: {}}, 'ingredients', 'an array'],
    ['an ingredient without its role', {ingredients: [{ingredient: {_id: 'i', name: text('I')}}]}, 'ingredients[0].role', 'a localized field `{i18n: [...]}`'],
    ['an ingredient without a name', {ingredients: [{role: text('R'), ingredient: {_id: 'i'}}]}, 'ingredients[0].ingredient.name', 'a localized field `{i18n: [...]}`'],
    ['an effect without text', {effects: [{_id: 'e'}]}, 'effects[0].text', 'a localized field `{i18n: [...]}`'],
    ['a claim without statement', {claims: [{}]}, 'claims[0].statement', 'a localized field `{i18n: [...]}`'],
    ['a side effect without when-to-seek-help', {sideEffects: [{_id: 's', text: text('S')}]}, 'sideEffects[0].whenToSeekHelp', 'a localized field `{i18n: [...]}`'],
    ['a second contraindication without text', {contraindications: [{_id: 'c1', text: text('C1')}, {_id: 'c2'}]}, 'contraindications[1].text', 'a localized field `{i18n: [...]}`'],
    ['a contraindication whose text items are a string', {contraindications: [{_id: 'c', text: {i18n: 'Pregnancy'}}]}, 'contraindications[0].text.i18n', 'an array or null'],
    ['contraindications left out', {contraindications: undefined}, 'contraindications', 'an array'],
    ['contraindications null', {contraindications: null}, 'contraindications', 'an array'],
    ['available locales that are not strings', {availableLocales: ['en', 2]}, 'availableLocales[1]', 'a string'],
  ]
  it.each(wrongShapes)('refuses %s, naming the path', (_, changes, path, expected) => {
    const answer = Object.keys(changes).length === 0 ? [[]] : [page(changes)]
    const error = malformed(() => checkTreatmentPage(answer))
    expect(error.path).toBe(path)
    expect(error.expected).toBe(expected)
    expect(error.code).toBe('MALFORMED_RESPONSE')
    expect(error.message).toContain(`at \`${path || '(root)'}\``)
  })

  it('refuses a deleted or unpublished referenced document (null in a list), at its index', () => {
    for (const field of ['effects', 'sideEffects', 'contraindications', 'claims', 'ingredients']) {
      const error = malformed(() => checkTreatmentPage([page({[field]: [null]})]))
      expect(error.path).toBe(`${field}[0]`)
      expect(error.expected).toContain('deleted or unpublished')
    }
  })

  it('refuses a treatment with no contraindication', () => {
    const error = (() => {
      try {
        checkTreatmentPage([page({contraindications: []})])
      } catch (error) {
        return error
      }
    })()
    expect(error).toBeInstanceOf(MissingContraindicationsError)
    expect(error).toMatchObject({code: 'NO_CONTRAINDICATIONS', treatmentId: 'treatment-a', path: 'contraindications'})
  })

  // A reference of the wrong type would put text under the wrong heading (a side effect shown
  // as a contraindication). Each row: the change and the path named.
  const wrongTypes: Array<[string, Record<string, unknown>, string, string, string]> = [
    ['condition', {condition: {_id: 'x', _type: 'effect', name: text('C'), description: text('D')}}, 'condition', 'condition', 'effect'],
    ['ingredient', {ingredients: [{role: text('R'), ingredient: {_id: 'x', _type: 'condition', name: text('I')}}]}, 'ingredients[0].ingredient', 'ingredient', 'condition'],
    ['effect', {effects: [{_id: 'e', text: text('E')}, {_id: 'x', _type: 'sideEffect', text: text('E')}]}, 'effects[1]', 'effect', 'sideEffect'],
    ['side effect', {sideEffects: [{_id: 'x', _type: 'effect', text: text('S'), whenToSeekHelp: text('W')}]}, 'sideEffects[0]', 'sideEffect', 'effect'],
    ['contraindication', {contraindications: [{_id: 'x', _type: 'sideEffect', text: text('C')}]}, 'contraindications[0]', 'contraindication', 'sideEffect'],
  ]
  it.each(wrongTypes)('refuses a %s reference of another type', (_, changes, path, expected, received) => {
    let thrown: unknown
    try {
      checkTreatmentPage([page(changes)])
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ReferenceTypeError)
    expect(thrown).toMatchObject({code: 'WRONG_REFERENCE_TYPE', treatmentId: 'treatment-a', path, expected, received, documentId: 'x'})
  })

  it('passes references whose _type is the expected one', () => {
    const typed = page({
      condition: {_id: 'c', _type: 'condition', name: text('C'), description: text('D')},
      ingredients: [{role: text('R'), ingredient: {_id: 'i', _type: 'ingredient', name: text('I')}}],
      effects: [{_id: 'e', _type: 'effect', text: text('E')}],
      sideEffects: [{_id: 's', _type: 'sideEffect', text: text('S'), whenToSeekHelp: text('W')}],
      contraindications: [{_id: 'c', _type: 'contraindication', text: text('C')}],
    })
    expect(() => checkTreatmentPage([typed])).not.toThrow()
  })

  it('refuses two treatments with one slug', () => {
    expect(() => checkTreatmentPage([page(), page({_id: 'treatment-b'})])).toThrow(DuplicateSlugError)
  })

  it('checks a document referenced twice in one answer, and again in the next answer', () => {
    // One object for a contraindication two treatments share (the in-process plans do this).
    const shared = {_id: 'contraindication-1', text: text('Pregnancy')}
    const answer = [page({contraindications: [shared]}), page({_id: 'treatment-b', slug: 'b', contraindications: [shared]})]
    expect(() => checkTreatmentPages(answer)).not.toThrow()
    // Remembered per answer only: the same object, now broken, is checked again.
    delete (shared as Partial<typeof shared>).text
    expect(malformed(() => checkTreatmentPages(answer)).path).toBe('[0].contraindications[0].text')
    expect(malformed(() => checkTreatmentPage([page({contraindications: [shared]})])).path).toBe('contraindications[0].text')
  })

  it('checks a document many treatments share once per answer', () => {
    // A static build's answer holds one object per referenced document: checking it again on
    // every page was most of the check's time. Each read of `text` is one check of the document.
    const reads = {shared: 0, other: 0}
    const counted = (id: keyof typeof reads) => ({
      _id: id,
      get text() {
        reads[id]++
        return text(id)
      },
    })
    const shared = counted('shared')
    const other = counted('other')
    const answer = [
      page({_id: 't1', slug: 't1', contraindications: [shared]}),
      page({_id: 't2', slug: 't2', contraindications: [other]}),
      page({_id: 't3', slug: 't3', contraindications: [shared, other]}),
    ]
    checkTreatmentPages(answer)
    expect(reads).toEqual({shared: 1, other: 1})
    checkTreatmentPages(answer)
    expect(reads).toEqual({shared: 2, other: 2})
  })

  it('forgets what it checked when an answer is refused part way', () => {
    const shared = {_id: 'effect-1', text: text('Effect')}
    expect(() => checkTreatmentPages([page({effects: [shared]}), page({_id: 'treatment-b', slug: 'b', title: 1})])).toThrow(MalformedResponseError)
    delete (shared as Partial<typeof shared>).text
    expect(malformed(() => checkTreatmentPages([page({effects: [shared]})])).path).toBe('[0].effects[0].text')
  })

  it('checks a document used under two fields by each field’s rule', () => {
    // Valid as an effect, but a side effect also needs whenToSeekHelp.
    const both = {_id: 'x', text: text('Redness')}
    const error = malformed(() => checkTreatmentPage([page({effects: [both], sideEffects: [both]})]))
    expect(error.path).toBe('sideEffects[0].whenToSeekHelp')
  })
})

describe('checkTreatmentPages', () => {
  it('passes whole treatments with distinct slugs, and no treatment', () => {
    expect(() => checkTreatmentPages([page(), page({_id: 'treatment-b', slug: 'b'})])).not.toThrow()
    expect(() => checkTreatmentPages([])).not.toThrow()
  })

  it('refuses an answer that is not an array, null included', () => {
    for (const answer of [null, undefined, {}]) {
      const error = malformed(() => checkTreatmentPages(answer))
      expect(error.path).toBe('')
      expect(error.expected).toBe('an array')
    }
  })

  it('names each treatment by its index in the answer', () => {
    const error = malformed(() => checkTreatmentPages([page(), page({_id: 'treatment-b', slug: 'b', sideEffects: [{_id: 's', text: text('S')}]})]))
    expect(error.path).toBe('[1].sideEffects[0].whenToSeekHelp')
    expect(error.message).toContain('at `[1].sideEffects[0].whenToSeekHelp`')
    expect(malformed(() => checkTreatmentPages([null])).path).toBe('[0]')
  })

  it('refuses a treatment of the answer with no contraindication or a wrong reference type', () => {
    expect(() => checkTreatmentPages([page(), page({_id: 'treatment-b', slug: 'b', contraindications: []})])).toThrow(MissingContraindicationsError)
    expect(() => checkTreatmentPages([page({effects: [{_id: 'x', _type: 'contraindication', text: text('E')}]})])).toThrow(ReferenceTypeError)
  })

  it('refuses a slug two or more treatments share, naming every one of them', () => {
    const answer = [page({_id: 'unique', slug: 'unique'}), page({_id: 'one'}), page({_id: 'other', slug: 'other'}), page({_id: 'two'}), page({_id: 'three'})]
    let thrown: unknown
    try {
      checkTreatmentPages(answer)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(DuplicateSlugError)
    expect(thrown).toMatchObject({code: 'DUPLICATE_SLUG', slug: 'a', ids: ['one', 'two', 'three'], treatmentId: 'one', path: 'slug'})
  })
})

describe('checkTreatmentList', () => {
  const summary = (id: string, slug: string) => ({_id: id, slug, title: text(id), summary: {i18n: null}})

  it('passes summaries with distinct slugs, and no summary', () => {
    expect(() => checkTreatmentList([summary('a', 'a'), summary('b', 'b')])).not.toThrow()
    expect(() => checkTreatmentList([])).not.toThrow()
  })

  it('refuses a list that is not an array, null included, and summaries of the wrong shape', () => {
    expect(malformed(() => checkTreatmentList(null)).expected).toBe('an array')
    expect(malformed(() => checkTreatmentList([summary('a', 'a'), {...summary('b', 'b'), slug: null}])).path).toBe('[1].slug')
    expect(malformed(() => checkTreatmentList([{...summary('a', 'a'), _id: 1}])).path).toBe('[0]._id')
    expect(malformed(() => checkTreatmentList([{...summary('a', 'a'), title: undefined}])).path).toBe('[0].title')
    expect(malformed(() => checkTreatmentList([{...summary('a', 'a'), summary: 'text'}])).path).toBe('[0].summary')
  })

  it('refuses two treatments with one slug', () => {
    expect(() => checkTreatmentList([summary('a', 'same'), summary('b', 'other'), summary('c', 'same')])).toThrow(
      expect.objectContaining({code: 'DUPLICATE_SLUG', slug: 'same', ids: ['a', 'c']}),
    )
  })
})
