import {describe, expect, it} from 'vitest'

import {checkFormerSlugs, checkLocalizedSlugs, publishedIdOf, slugClashProblems, slugSourceOf} from './slug-clashes.ts'

// Two treatments at one URL would show one page's contraindications under the other's name:
// these rules are what the Studio, `content:check` and the slug migration refuse clashes with.
const item = (language: string, value: unknown, key: string | null = `k-${language}`) => ({...(key === null ? {} : {_key: key}), _type: 'internationalizedArrayStringValue', language, value})
const treatment = (id: string, slug: string, localized: unknown[] = []) => ({_id: id, slug: {current: slug}, localizedSlugs: localized})

describe('publishedIdOf', () => {
  it('reads a draft and a release version as the published document, and nothing else', () => {
    expect(publishedIdOf('drafts.t-1')).toBe('t-1')
    expect(publishedIdOf('versions.spring-2027.t-1')).toBe('t-1')
    expect(publishedIdOf('t-1')).toBe('t-1')
    // Only a leading prefix: an id that merely contains one is its own document.
    expect(publishedIdOf('a.drafts.t-1')).toBe('a.drafts.t-1')
    expect(publishedIdOf('a.versions.r.t-1')).toBe('a.versions.r.t-1')
  })
})

describe('slugSourceOf', () => {
  it('takes the base slug and every well-formed localized slug, under the published id', () => {
    const stored = {_id: 'drafts.t', slug: {current: 'one'}, localizedSlugs: [null, item('it', 'uno'), {language: 7, value: 'x'}, item('de', 3), 'de', item('de', 'eins')]}
    expect(slugSourceOf(stored)).toEqual({
      _id: 't',
      slug: 'one',
      localizedSlugs: [
        {language: 'it', value: 'uno'},
        {language: 'de', value: 'eins'},
      ],
    })
    expect(slugSourceOf({_id: 't', slug: {current: 'one'}, localizedSlugs: {it: 'uno'}})).toEqual({_id: 't', slug: 'one', localizedSlugs: []})
  })

  it('has nothing to compare without a base slug or an id', () => {
    expect(slugSourceOf({_id: 't', slug: {current: 5}})).toBeUndefined()
    expect(slugSourceOf({_id: 't', slug: null})).toBeUndefined()
    expect(slugSourceOf({slug: {current: 'one'}})).toBeUndefined()
    expect(slugSourceOf({_id: 5, slug: {current: 'one'}})).toBeUndefined()
  })
})

describe('slugClashProblems', () => {
  it('names each locale whose URL another treatment has, and every such treatment, at the field that holds the slug', () => {
    const own = treatment('drafts.a', 'one', [null, item('de', 'eins'), item('it', 'uno', 'it-key')])
    const others = [treatment('b', 'one', [item('it', 'uno')]), treatment('c', 'two', [item('it', 'uno')])]
    expect(slugClashProblems(own, others)).toEqual([
      {locale: 'en', message: 'The English (en) slug “one” is already used by b in English (en). Each language\'s slugs must be unique.', path: []},
      {locale: 'it', message: 'The Italiano (it) slug “uno” is already used by b, c in Italiano (it). Each language\'s slugs must be unique.', path: [{_key: 'it-key'}]},
    ])
  })

  it('puts a clash at the locale item it comes from, by its key or else its locale', () => {
    const other = treatment('b', 'two', [item('it', 'uno')])
    expect(slugClashProblems(treatment('a', 'one', [item('de', 'eins', 'first'), item('it', 'uno', null)]), [other])).toEqual([
      expect.objectContaining({locale: 'it', path: [{_key: 'it'}]}),
    ])
  })

  it('puts an English clash at the Slug field, never at the empty English item the plugin adds to the list', () => {
    expect(slugClashProblems(treatment('a', 'one', [item('en', ''), item('it', 'uno'), item('de', 'eins')]), [treatment('b', 'one')])).toEqual([expect.objectContaining({locale: 'en', path: []})])
  })

  it('puts a clash of the served fallback at the Slug field: the page has no slug of its own in that locale', () => {
    // Without an Italian slug, the page is served in Italian at its English one, which another page's Italian slug is.
    expect(slugClashProblems(treatment('a', 'one'), [treatment('b', 'two', [item('it', 'one')])])).toEqual([
      expect.objectContaining({locale: 'it', path: []}),
    ])
  })

  it('never reports a page against itself, nor a clash between two other pages', () => {
    const own = treatment('drafts.a', 'one', [item('it', 'uno')])
    expect(slugClashProblems(own, [treatment('a', 'one', [item('it', 'uno')]), treatment('versions.r.a', 'one')])).toEqual([])
    expect(slugClashProblems(own, [treatment('b', 'two'), treatment('c', 'two'), {_id: 'd'}, {_id: 'e', slug: null}])).toEqual([])
  })

  it('has nothing to say of a page without a base slug yet', () => {
    expect(slugClashProblems({_id: 'a'}, [treatment('b', 'one')])).toEqual([])
  })
})

describe('checkLocalizedSlugs', () => {
  it('passes what is not a list, and well-formed slugs', () => {
    expect(checkLocalizedSlugs(undefined)).toEqual([])
    expect(checkLocalizedSlugs({0: item('it', 'Not A Slug')})).toEqual([])
    expect(checkLocalizedSlugs([null, item('it', 'mesoterapia-cellulite'), item('de', undefined)])).toEqual([])
  })

  it('allows the empty base-locale item the plugin adds, and refuses a base-locale slug with text', () => {
    expect(checkLocalizedSlugs([item('en', ''), item('en', '   '), item('en', undefined)])).toEqual([])
    expect(checkLocalizedSlugs([item('en', 'one')])).toEqual([{message: 'The English slug is the Slug field above; leave this one empty.', path: [{_key: 'k-en'}]}])
  })

  it('refuses a slug that is not lowercase words joined by dashes, or not text, at its value', () => {
    expect(checkLocalizedSlugs([item('it', 'Uno Due'), item('de', 42, null)])).toEqual([
      {message: 'Use lowercase letters, digits and single dashes, like “mesoterapia-cellulite” (got "Uno Due").', path: [{_key: 'k-it'}, 'value']},
      {message: 'Use lowercase letters, digits and single dashes, like “mesoterapia-cellulite” (got 42).', path: [1, 'value']},
    ])
  })
})

describe('checkFormerSlugs', () => {
  const former = (language: unknown, slug: unknown, key: string | null = 'f1') => ({...(key === null ? {} : {_key: key}), _type: 'formerSlug', language, slug})

  it('passes what is not a list, and former slugs of supported locales in URL form', () => {
    expect(checkFormerSlugs(undefined)).toEqual([])
    expect(checkFormerSlugs([null, former('it', 'mesoterapia-cellulite'), former('de', undefined), former(undefined, 'abc'), former(5, 'abc'), former('it', 4.5)])).toEqual([])
  })

  it('names an unknown language, at the item and its field', () => {
    expect(checkFormerSlugs([former('it', 'uno'), former('fr', 'un', null)])).toEqual([{message: 'Unknown language “fr”: use one of en, it, de.', path: [1, 'language']}])
  })

  it('names a slug not in URL form, at the item and its field', () => {
    expect(checkFormerSlugs([former('it', 'Uno Due')])).toEqual([{message: 'Use lowercase letters, digits and single dashes (got "Uno Due").', path: [{_key: 'f1'}, 'slug']}])
  })
})
