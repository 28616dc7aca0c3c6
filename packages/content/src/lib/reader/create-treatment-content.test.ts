import {afterEach, describe, expect, it, vi} from 'vitest'
import type {ContentSource} from '../source/content-source.ts'
import {createTreatmentContent} from './create-treatment-content.ts'
import {createTreatmentContent as createBrowserTreatmentContent} from './create-treatment-content.browser.ts'
import {ContentNotFoundError, MalformedResponseError} from '../errors.ts'
import {localDataset} from '../source/local-dataset.ts'

const localized = (value: string) => [{_key: 'en', _type: 'internationalizedArrayStringValue', language: 'en', value}]
const documents = [
  {_id: 'contra-1', _type: 'contraindication', text: localized('Pregnancy'), kind: 'absolute', category: 'pregnancy'},
  {
    _id: 't1',
    _type: 'treatment',
    slug: {_type: 'slug', current: 'one'},
    title: localized('One'),
    summary: localized('Summary'),
    disclaimer: localized('Ask a doctor'),
    contraindications: [{_key: 'c1', _type: 'reference', _ref: 'contra-1'}],
  },
]

/** A source that counts requests and can be told to fail. */
function counting(inner: ContentSource) {
  const state = {requests: 0, fail: false}
  const source: ContentSource = {
    fetch(query, params, options) {
      state.requests++
      if (state.fail) return Promise.reject(Object.assign(new Error('Service Unavailable'), {statusCode: 503}))
      return inner.fetch(query, params, options)
    },
  }
  return {source, state}
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('createTreatmentContent', () => {
  it('answers getTreatment with one request and reports what fell back', async () => {
    const {source, state} = counting(localDataset(documents))
    const content = createTreatmentContent({source})
    const result = await content.getTreatment('one', {locale: 'it-CH'})
    expect(state.requests).toBe(1)
    expect(result.locale).toBe('it')
    expect(result.requestedLocale).toBe('it-CH')
    expect(result.treatment.title).toBe('One')
    expect(result.treatment.contraindications.map((item) => item.text)).toEqual(['Pregnancy'])
    expect(result.fallbacks).toContainEqual({path: 'contraindications[0].text', requested: 'it', served: 'en'})
    expect(result.stale).toBe(false)
  })

  it('falls back past a whitespace-only translation in the same request', async () => {
    const withBlank = documents.map((document) =>
      document._id === 'contra-1'
        ? {...document, text: [...localized('Pregnancy'), {_key: 'de', _type: 'internationalizedArrayStringValue', language: 'de', value: ' \n '}]}
        : document,
    )
    const {source, state} = counting(localDataset(withBlank))
    const result = await createTreatmentContent({source}).getTreatment('one', {locale: 'de'})
    expect(result.treatment.contraindications[0]?.text).toBe('Pregnancy')
    expect(result.fallbacks).toContainEqual({path: 'contraindications[0].text', requested: 'de', served: 'en'})
    expect(state.requests).toBe(1)
  })

  it('sends the items of the requested locale chain only', async () => {
    const both = documents.map((document) =>
      document._id === 't1'
        ? {
            ...document,
            title: [
              ...localized('One'),
              {_key: 'it', _type: 'internationalizedArrayStringValue', language: 'it', value: 'Uno'},
              {_key: 'de', _type: 'internationalizedArrayStringValue', language: 'de', value: 'Eins'},
            ],
          }
        : document,
    )
    const answers: unknown[] = []
    const inner = localDataset(both)
    const source: ContentSource = {fetch: async (query, params) => (answers.push(await inner.fetch(query, params)), answers.at(-1)) as never}
    await createTreatmentContent({source}).getTreatment('one', {locale: 'it'})
    const [answer] = answers[0] as Array<{title: {i18n: Array<{language: string}>}; summary: {i18n: Array<{language: string}>}}>
    if (!answer) throw new Error('expected one treatment in the answer')
    expect(answer.title.i18n.map((item) => item.language)).toEqual(['en', 'it'])
    expect(answer.summary.i18n.map((item) => item.language)).toEqual(['en'])
  })

  it('throws ContentNotFoundError for an unknown slug', async () => {
    const content = createTreatmentContent({source: localDataset(documents)})
    const error = await content.getTreatment('nope', {locale: 'de'}).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ContentNotFoundError)
    expect(error).toMatchObject({code: 'CONTENT_NOT_FOUND', slug: 'nope', locale: 'de', message: 'No published treatment has the slug “nope” (requested locale de)'})
  })

  it('does not serve drafts', async () => {
    const draft = {...documents[1]!, _id: 'drafts.t2', slug: {_type: 'slug', current: 'draft-only'}}
    const content = createTreatmentContent({source: localDataset([...documents, draft])})
    await expect(content.getTreatment('draft-only')).rejects.toBeInstanceOf(ContentNotFoundError)
  })

  it('serves the last good answer, marked stale, when the source fails after a cached success', async () => {
    vi.useFakeTimers({toFake: ['Date']})
    try {
      const {source, state} = counting(localDataset(documents))
      const content = createTreatmentContent({source, cache: {ttlMs: 1000}, retry: {attempts: 2, baseDelayMs: 0, maxDelayMs: 0}})
      expect((await content.getTreatment('one')).stale).toBe(false)
      vi.setSystemTime(Date.now() + 5000)
      state.fail = true
      const again = await content.getTreatment('one')
      expect(again.stale).toBe(true)
      expect(again.treatment.title).toBe('One')
      expect(state.requests).toBe(3)
    } finally {
      vi.useRealTimers()
    }
  })

  it('serves the stale answer within staleAfterMs when the source hangs, not after every attempt times out', async () => {
    const inner = localDataset(documents)
    let hang = false
    const source: ContentSource = {
      fetch: (query, params, options) => (hang ? new Promise<never>(() => {}) : inner.fetch(query, params, options)),
    }
    const content = createTreatmentContent({source, cache: {ttlMs: 1, staleAfterMs: 50}, timeoutMs: 10_000})
    expect((await content.getTreatment('one')).stale).toBe(false)
    await new Promise((resolve) => setTimeout(resolve, 5))
    hang = true
    const started = performance.now()
    const again = await content.getTreatment('one')
    expect(again.stale).toBe(true)
    expect(again.treatment.contraindications.map((item) => item.text)).toEqual(['Pregnancy'])
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  it('rejects a response that lost a contraindication instead of showing a shorter list', async () => {
    const broken = localDataset([documents[1]!])
    const content = createTreatmentContent({source: broken})
    const error = await content.getTreatment('one').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(MalformedResponseError)
    expect((error as Error).message).toBe(
      'Malformed response from the content source at `contraindications[0]`: expected a document (is the reference to a deleted or unpublished document?), got null',
    )
  })

  it('rejects a malformed answer with where and what', async () => {
    const content = createTreatmentContent({source: {fetch: async () => [{_id: 7}] as never}})
    await expect(content.getTreatment('one')).rejects.toThrow('Malformed response from the content source at `_id`: expected a string, got number 7')
    const single = createTreatmentContent({source: {fetch: async () => ({_id: 't1'}) as never}})
    await expect(single.getTreatment('one')).rejects.toThrow('Malformed response from the content source at `(root)`: expected an array of treatments, got an object')
    const list = createTreatmentContent({source: {fetch: async () => '<html>' as never}})
    await expect(list.listTreatments()).rejects.toThrow('Malformed response from the content source at `(root)`: expected an array, got the string "<html>"')
  })

  it('lists treatments as localized summaries', async () => {
    const content = createTreatmentContent({source: localDataset(documents)})
    const {treatments, locale} = await content.listTreatments({locale: 'fr'})
    expect(locale).toBe('en')
    expect(treatments).toEqual([expect.objectContaining({slug: 'one', title: 'One', summary: 'Summary'})])
  })

  it('checks its options once, when created, naming the option', () => {
    expect(() => createTreatmentContent({source: {projectId: '', dataset: 'production'}})).toThrow(
      '`createTreatmentContent` option `source.projectId` must be a non-empty string, got ""; set it to your Sanity project\'s projectId',
    )
    expect(() => createTreatmentContent({source: {projectId: 'abc', dataset: 'production', apiVersion: 'latest'}})).toThrow(
      '`createTreatmentContent` option `source.apiVersion` must be a date like "2025-02-19", got "latest"',
    )
    // A host without its scheme failed at the first read: a bare `TypeError: fetch failed` from
    // the Node entry, a retried SOURCE_FAILED from the browser entry, neither saying what to fix.
    for (const create of [createTreatmentContent, createBrowserTreatmentContent]) {
      for (const apiHost of ['localhost:3334', '127.0.0.1:3334', 'ftp://example.com', 'http://', 'not a url', '']) {
        expect(() => create({source: {projectId: 'abc', dataset: 'production', apiHost}}), apiHost).toThrow(
          `\`createTreatmentContent\` option \`source.apiHost\` must be an http or https URL such as "http://127.0.0.1:3334", got ${JSON.stringify(apiHost)}`,
        )
      }
      for (const apiHost of ['http://127.0.0.1:3334', 'https://api.sanity.io/', 'HTTP://localhost:3334']) {
        expect(() => create({source: {projectId: 'abc', dataset: 'production', apiHost}}), apiHost).not.toThrow()
      }
    }
    expect(() => createTreatmentContent({source: localDataset([]), timeoutMs: -1})).toThrow(
      '`createTreatmentContent` option `timeoutMs` must be a positive number, got -1',
    )
    expect(() => createTreatmentContent({source: localDataset([]), retry: {attempts: 0.5}})).toThrow(
      '`createTreatmentContent` option `retry.attempts` must be a whole number, got 0.5',
    )
    expect(() => createTreatmentContent({source: localDataset([]), timeoutMs: 3e9})).toThrow(
      '`createTreatmentContent` option `timeoutMs` must be at most 2147483647 (what setTimeout can wait), got 3000000000',
    )
    expect(() => createTreatmentContent({source: null as never})).toThrow(TypeError)
    expect(() => createTreatmentContent({source: {projectId: 'abc', dataset: 'x', perspective: 'drafts'}})).toThrow(/needs `source.token`/)
  })

  it('refuses a token in a browser unless told to allow it', () => {
    vi.stubGlobal('window', {})
    vi.stubGlobal('document', {})
    const source = {projectId: 'abc', dataset: 'production', token: 'secret'}
    expect(() => createTreatmentContent({source})).toThrow(/got `source.token` in a browser/)
    expect(() => createTreatmentContent({source, allowBrowserToken: true})).not.toThrow()
    const client = {fetch: async () => null, config: () => ({token: 'secret'})} as never
    expect(() => createTreatmentContent({source: client})).toThrow(/got a client configured with a token in a browser/)
  })

  it('refuses a token in a web worker too', () => {
    vi.stubGlobal('WorkerGlobalScope', function WorkerGlobalScope() {})
    vi.stubGlobal('importScripts', () => {})
    expect(() => createTreatmentContent({source: {projectId: 'abc', dataset: 'production', token: 'secret'}})).toThrow(/in a browser/)
  })

  it('never serves drafts or release versions, which can carry an unreviewed, shorter list', async () => {
    const version = {...documents[1]!, _id: 'versions.rSpring.t1', title: localized('UNRELEASED'), contraindications: []}
    const draft = {...documents[1]!, _id: 'drafts.t1', title: localized('DRAFT')}
    const content = createTreatmentContent({source: localDataset([...documents, version, draft])})
    const {treatment} = await content.getTreatment('one')
    expect([treatment._id, treatment.title, treatment.contraindications.length]).toEqual(['t1', 'One', 1])
    expect((await content.listTreatments()).treatments.map((item) => item._id)).toEqual(['t1'])
    expect((await content.getAllTreatments()).pages.map((page) => page.treatment._id)).toEqual(['t1'])
  })

  it('gives, page by page from one request, the pages getAllTreatments gives', async () => {
    const second = {...documents[1]!, _id: 't2', slug: {_type: 'slug', current: 'two'}, title: localized('Two')}
    const {source, state} = counting(localDataset([...documents, second]))
    const content = createTreatmentContent({source})
    const pages = []
    for await (const page of content.eachTreatment({locale: 'it'})) pages.push(page)
    expect(state.requests).toBe(1)
    expect(pages.map((page) => [page.treatment.slug, page.locale, page.fallbacks.length > 0])).toEqual([
      ['one', 'it', true],
      ['two', 'it', true],
    ])
    expect(pages).toEqual((await createTreatmentContent({source: localDataset([...documents, second])}).getAllTreatments({locale: 'it'})).pages)
    expect(() => content.eachTreatment({locale: 42 as never})).toThrow(TypeError)
  })

  it('gives, with `locales`, from one request, each page in each locale as the one-locale reads give it', async () => {
    const shippedPath = new URL('../../../../../content/dataset.ndjson', import.meta.url)
    const {source, state} = counting(localDataset(shippedPath))
    const content = createTreatmentContent({source})
    const pages = []
    for await (const page of content.eachTreatment({locales: ['en', 'it', 'de']})) pages.push(page)
    expect(state.requests).toBe(1)
    const one = createTreatmentContent({source: localDataset(shippedPath)})
    const expected = await Promise.all(['en', 'it', 'de'].map(async (locale) => (await one.getAllTreatments({locale})).pages))
    // Each treatment in each locale in turn.
    expect(pages).toEqual(expected[0]!.flatMap((_page, index) => expected.map((inLocale) => inLocale[index])))
    expect(pages.some((page) => page.locale === 'de' && page.fallbacks.length > 0)).toBe(true)
  })

  it('refuses, with `locales`, an answer that breaks a page invariant in any locale, and bad `locales`', async () => {
    const bare = documents.map((document) => (document._id === 't1' ? {...document, contraindications: []} : document))
    const content = createTreatmentContent({source: localDataset(bare)})
    const read = async () => {
      for await (const _page of content.eachTreatment({locales: ['it']})) {
        // nothing: the answer is refused before the first page
      }
    }
    await expect(read()).rejects.toMatchObject({code: 'NO_CONTRAINDICATIONS', treatmentId: 't1'})
    const good = createTreatmentContent({source: localDataset(documents)})
    expect(() => good.eachTreatment({locales: ['it'], locale: 'it'})).toThrow(new TypeError('`eachTreatment` takes `locale` or `locales`, not both'))
    expect(() => good.eachTreatment({locales: ['fr']})).toThrow(/`locales` must be a non-empty list of supported locale ids \(en, it, de\), got \["fr"\]/)
    expect(() => good.eachTreatment({locales: []})).toThrow(TypeError)
    expect(() => good.eachTreatment({locales: 'it' as never})).toThrow(TypeError)
  })

  it('reads datasets that keep the language in _key (plugin versions before 5)', async () => {
    const legacy = (value: string, language: string) => ({_key: language, _type: 'internationalizedArrayStringValue', value})
    const old = documents.map((document) =>
      document._id === 't1' ? {...document, title: [legacy('One', 'en'), legacy('Uno', 'it')]} : document,
    )
    const result = await createTreatmentContent({source: localDataset(old)}).getTreatment('one', {locale: 'it'})
    expect(result.treatment.title).toBe('Uno')
    expect(result.treatment.availableLocales).toEqual(['en', 'it'])
  })

  it('takes an item’s language from `language` before `_key`, as the query does', async () => {
    const mixed = documents.map((document) =>
      document._id === 'contra-1'
        ? {...document, text: [...localized('Pregnancy'), {_key: 'de', _type: 'internationalizedArrayStringValue', language: 'it', value: 'Gravidanza'}]}
        : document,
    )
    const result = await createTreatmentContent({source: localDataset(mixed)}).getTreatment('one', {locale: 'de'})
    expect(result.treatment.contraindications[0]?.text).toBe('Pregnancy')
    expect(result.fallbacks).toContainEqual({path: 'contraindications[0].text', requested: 'de', served: 'en'})
  })

  it('refuses a slug that is not a string', async () => {
    const content = createTreatmentContent({source: localDataset(documents)})
    await expect(content.getTreatment(42 as never)).rejects.toThrow('`getTreatment` expects a slug string, got number')
  })
})
