import fc from 'fast-check'
import {beforeAll, describe, expect, it, vi} from 'vitest'
import {sourceHash} from '../dataset/source-hash.ts'
import {recordedHashLength} from './recorded-hash.ts'
import type * as LocalizeModule from './localize.ts'

const field = (items: Array<[string, unknown]>) => ({i18n: items.map(([language, value]) => ({language, _key: language, value}))})

const getBuiltinModule = process.getBuiltinModule

/**
 * `localize` as Node runs it (hashes from `node:crypto`, at once) or as a browser or an edge
 * runtime does (`crypto.subtle`: a text's first check is asynchronous), each with fresh caches.
 */
async function loadLocalize(runtime: 'node' | 'browser'): Promise<typeof LocalizeModule.localize> {
  if (runtime === 'browser') process.getBuiltinModule = undefined as never
  vi.resetModules()
  const module = await import('./localize.ts')
  process.getBuiltinModule = getBuiltinModule
  return module.localize
}

describe.each(['node', 'browser'] as const)('localize (%s)', (runtime) => {
  let localize: typeof LocalizeModule.localize
  beforeAll(async () => {
    localize = await loadLocalize(runtime)
  })

  it('returns the requested locale’s text and reports nothing when it has text', async () => {
    const {value, fallbacks} = await localize({title: field([['en', 'Hello'], ['it', 'Ciao']])}, ['it', 'en'])
    expect(value).toEqual({title: 'Ciao'})
    expect(fallbacks).toEqual([])
  })

  it('returns the Italian text and reports the German fallback', async () => {
    const {value, fallbacks} = await localize({list: [{text: field([['en', 'Pregnancy'], ['it', 'Gravidanza']])}]}, ['de', 'it', 'en'])
    expect(value).toEqual({list: [{text: 'Gravidanza'}]})
    expect(fallbacks).toEqual([{path: 'list[0].text', requested: 'de', served: 'it'}])
  })

  it('shows the source text for a translation of an older one, on the first page and on every page after (hash known by then)', async () => {
    const safety = (english: string, italian: string, madeFrom: string) => ({
      i18n: [{language: 'en', value: english}, {language: 'it', value: italian}],
      source: {hash: sourceHash(madeFrom)},
    })
    const english = `Pregnancy ${Math.random()}`
    for (let page = 0; page < 3; page++) {
      const {value, fallbacks} = await localize({list: [{text: safety(english, 'Gravidanza', 'Pregnancy (old)')}, {text: safety(english, 'Gravidanza', english)}]}, ['it', 'en'])
      expect(value, `page ${page}`).toEqual({list: [{text: english}, {text: 'Gravidanza'}]})
      expect(fallbacks, `page ${page}`).toEqual([{path: 'list[0].text', requested: 'it', served: 'en', stale: true}])
    }
  })

  it('checks the recorded hash as the page queries send it (its first 39 characters): the prefix of the source text’s is current, of another text’s or too short is stale', async () => {
    const english = `Pregnancy ${Math.random()}`
    const safety = (hash: string) => ({i18n: [{language: 'en', value: english}, {language: 'it', value: 'Gravidanza'}], source: {hash}})
    const sent = (text: string) => sourceHash(text).slice(0, recordedHashLength)
    const list = [safety(sent(english)), safety(sent('Pregnancy (old)')), safety(sent(english).slice(0, -1)), safety('')]
    const {value, fallbacks} = await localize({list}, ['it', 'en'])
    expect(value).toEqual({list: ['Gravidanza', english, english, english]})
    expect(fallbacks.map((fallback) => fallback.path)).toEqual(['list[1]', 'list[2]', 'list[3]'])
    expect(fallbacks.every((fallback) => fallback.stale)).toBe(true)
  })

  it('reports each fallback at its path however deep, and the same path on every call', async () => {
    const segmentArb = fc.oneof(fc.integer({min: 0, max: 3}), fc.constantFrom('a', 'b', '0', 'x.y', '[1]'))
    await fc.assert(
      fc.asyncProperty(fc.array(segmentArb, {minLength: 1, maxLength: 5}).filter((segments) => typeof segments[0] === 'string'), async (segments) => {
        let value: unknown = field([['en', 'Text']])
        for (const segment of segments.toReversed()) {
          if (typeof segment === 'number') {
            const list: unknown[] = Array.from({length: segment}, () => 'other')
            list.push(value)
            value = list
          } else value = {[segment]: value}
        }
        let expected = ''
        for (const segment of segments) expected = typeof segment === 'number' ? `${expected}[${segment}]` : expected ? `${expected}.${segment}` : segment
        for (let call = 0; call < 2; call++) {
          const {fallbacks} = await localize(value, ['de', 'en'])
          expect(fallbacks).toEqual([{path: expected, requested: 'de', served: 'en'}])
        }
      }),
      {numRuns: 200},
    )
  })

  it('shows the source text of a safety text, not a middle locale’s translation it cannot check, and other texts from the middle locale', async () => {
    const chain = ['de-AT', 'de', 'en']
    const safety = (items: Array<[string, string]>) => ({...field(items), source: {hash: null}})
    const {value, fallbacks} = await localize(
      {
        text: safety([['en', 'Pregnancy'], ['de', 'Schwangerschaft']]),
        onlyMiddle: safety([['en', ' '], ['de', 'Schwangerschaft']]),
        title: field([['en', 'Mesotherapy'], ['de', 'Mesotherapie']]),
      },
      chain,
    )
    expect(value).toEqual({text: 'Pregnancy', onlyMiddle: 'Schwangerschaft', title: 'Mesotherapie'})
    expect(fallbacks).toEqual([
      {path: 'text', requested: 'de-AT', served: 'en'},
      {path: 'onlyMiddle', requested: 'de-AT', served: 'de'},
      {path: 'title', requested: 'de-AT', served: 'de'},
    ])
  })

  it('keeps a middle locale’s safety text when there is no plain source text to show instead, and reports it', async () => {
    const chain = ['de-AT', 'de', 'en']
    const blocks = [{_type: 'block', children: [{_type: 'span', text: 'Pregnancy'}]}]
    const safety = (items: Array<[string, unknown]>) => ({...field(items), source: {hash: sourceHash('Pregnancy')}})
    const {value, fallbacks} = await localize(
      {noSource: safety([['de', 'Schwangerschaft']]), blocksSource: safety([['de', 'Schwangerschaft'], ['en', blocks]])},
      chain,
    )
    expect(value).toEqual({noSource: 'Schwangerschaft', blocksSource: 'Schwangerschaft'})
    expect(fallbacks).toEqual([
      {path: 'noSource', requested: 'de-AT', served: 'de'},
      {path: 'blocksSource', requested: 'de-AT', served: 'de'},
    ])
  })

  it('finds the source text of a safety text among its items by language, whatever their order, with a null source', async () => {
    const {value, fallbacks} = await localize({text: {...field([['de', 'Schwangerschaft'], ['en', 'Pregnancy']]), source: null}}, ['de-AT', 'de', 'en'])
    expect(value).toEqual({text: 'Pregnancy'})
    expect(fallbacks).toEqual([{path: 'text', requested: 'de-AT', served: 'en'}])
  })

  it('checks a translation against the source text sent with it when the items hold none', async () => {
    const english = `Pregnancy ${Math.random()}`
    const text = {i18n: [{language: 'it', value: 'Gravidanza'}], source: {value: english, hash: sourceHash('Pregnancy (old)')}}
    const {value, fallbacks} = await localize({text}, ['it', 'en'])
    expect(value).toEqual({text: english})
    expect(fallbacks).toEqual([{path: 'text', requested: 'it', served: 'en', stale: true}])
  })

  it('shows the source text sent with a safety text when no item of the chain has text, never a blank', async () => {
    const text = {i18n: [{language: 'it', value: ' '}], source: {value: 'Pregnancy', hash: sourceHash('Pregnancy')}}
    expect(await localize({text}, ['it', 'en'])).toEqual({value: {text: 'Pregnancy'}, fallbacks: [{path: 'text', requested: 'it', served: 'en'}]})
    const none = {i18n: [], source: {value: '', hash: null}}
    expect(await localize({text: none}, ['it', 'en'])).toEqual({value: {text: null}, fallbacks: [{path: 'text', requested: 'it', served: null}]})
  })

  it("shows the source-language item's own text when it is served, not the source text sent beside it", async () => {
    const text = {i18n: [{language: 'en', value: 'Pregnancy (the item)'}], source: {value: 'Pregnancy (sent)', hash: null}}
    expect(await localize({text}, ['it', 'en'])).toEqual({value: {text: 'Pregnancy (the item)'}, fallbacks: [{path: 'text', requested: 'it', served: 'en'}]})
  })

  it('shows the source text for a safety translation that records no source hash (typed in without one), as the translation tools call it stale', async () => {
    const english = `Pregnancy ${Math.random()}`
    const safety = (source: unknown) => ({i18n: [{language: 'en', value: english}, {language: 'it', value: 'Gravidanza'}], source})
    const {value, fallbacks} = await localize({list: [safety({hash: null}), safety({}), safety({hash: 7}), safety({value: english, hash: null})]}, ['it', 'en'])
    expect(value).toEqual({list: [english, english, english, english]})
    expect(fallbacks).toEqual([0, 1, 2, 3].map((index) => ({path: `list[${index}]`, requested: 'it', served: 'en', stale: true})))
  })

  it('shows a safety translation as it is when there is no source text to check it against', async () => {
    const text = {i18n: [{language: 'it', value: 'Gravidanza'}, {language: 'en', value: ''}], source: {hash: sourceHash('Pregnancy')}}
    expect(await localize({text}, ['it', 'en'])).toEqual({value: {text: 'Gravidanza'}, fallbacks: []})
  })

  it('reports a safety text shown in the source language as a fallback, even when the recorded hash is the source’s', async () => {
    const text = {i18n: [{language: 'en', value: 'Pregnancy'}], source: {hash: sourceHash('Pregnancy')}}
    expect(await localize({text}, ['it', 'en'])).toEqual({value: {text: 'Pregnancy'}, fallbacks: [{path: 'text', requested: 'it', served: 'en'}]})
  })

  it('never reports the source language’s own text as stale', async () => {
    const text = {i18n: [{language: 'en', value: 'Pregnancy'}], source: {hash: sourceHash('Pregnancy (old)')}}
    expect(await localize({text}, ['en'])).toEqual({value: {text: 'Pregnancy'}, fallbacks: []})
  })

  it('replaces a stale translation given alone, not inside an object', async () => {
    const english = `Pregnancy ${Math.random()}`
    const text = {i18n: [{language: 'en', value: english}, {language: 'it', value: 'Gravidanza'}], source: {hash: sourceHash('Pregnancy (old)')}}
    expect(await localize(text, ['it', 'en'])).toEqual({value: english, fallbacks: [{path: '', requested: 'it', served: 'en', stale: true}]})
  })

  it('reports stale texts (checked asynchronously) and plain fallbacks together, in document order', async () => {
    const english = `Pregnancy ${Math.random()}`
    const {fallbacks} = await localize(
      {
        title: field([['en', 'Mesotherapy']]),
        text: {i18n: [{language: 'en', value: english}, {language: 'it', value: 'Gravidanza'}], source: {hash: sourceHash('Pregnancy (old)')}},
        summary: field([['en', 'Summary']]),
      },
      ['it', 'en'],
    )
    expect(fallbacks).toEqual([
      {path: 'title', requested: 'it', served: 'en'},
      {path: 'text', requested: 'it', served: 'en', stale: true},
      {path: 'summary', requested: 'it', served: 'en'},
    ])
  })

  it('never serves an item that names no language', async () => {
    const {value, fallbacks} = await localize({text: {i18n: [{value: 'Whose text?'}]}}, ['it', 'en'])
    expect(value).toEqual({text: null})
    expect(fallbacks).toEqual([{path: 'text', requested: 'it', served: null}])
  })

  it('treats an object with i18n and other fields as an object, not a localized field', async () => {
    const meta = {i18n: 'x', note: 'y'}
    expect((await localize({meta}, ['it', 'en'])).value).toEqual({meta: {i18n: 'x', note: 'y'}})
  })

  it('treats blank and whitespace-only text as missing', async () => {
    const {value, fallbacks} = await localize({text: field([['de', '  \n'], ['en', 'Diabetes']])}, ['de', 'en'])
    expect(value).toEqual({text: 'Diabetes'})
    expect(fallbacks).toEqual([{path: 'text', requested: 'de', served: 'en'}])
  })

  it('reads items that keep the language in _key (plugin versions before 5)', async () => {
    const {value} = await localize({text: {i18n: [{_key: 'it', value: 'Diabete'}]}}, ['it', 'en'])
    expect(value).toEqual({text: 'Diabete'})
  })

  it('keeps a field with no text in any locale as null and reports it, never dropping the item', async () => {
    const {value, fallbacks} = await localize({items: [{_id: 'a', text: field([])}, {_id: 'b', text: {i18n: null}}]}, ['it', 'en'])
    expect(value).toEqual({items: [{_id: 'a', text: null}, {_id: 'b', text: null}]})
    expect(fallbacks).toEqual([
      {path: 'items[0].text', requested: 'it', served: null},
      {path: 'items[1].text', requested: 'it', served: null},
    ])
  })

  it('counts Portable Text without any span text as missing', async () => {
    const empty = [{_type: 'block', children: [{_type: 'span', text: ' '}]}]
    const full = [{_type: 'block', children: [{_type: 'span', text: 'Body'}]}]
    const {value} = await localize({body: field([['it', empty], ['en', full]])}, ['it', 'en'])
    expect(value).toEqual({body: full})
  })

  it('leaves other values as they are', async () => {
    expect((await localize({n: 3, s: 'x', nothing: null, list: [1, 2]}, ['en'])).value).toEqual({n: 3, s: 'x', nothing: null, list: [1, 2]})
  })

  it('copies any value exactly, key order and `__proto__` keys included, sharing no object with its input, whatever was copied before', async () => {
    // Objects are copied by one of several spreads chosen by their field's name: the choice
    // must never change the copy. Localized fields mixed in resolve as a plain rule says.
    const chain = ['de', 'it', 'en']
    const key = fc.oneof(fc.constantFrom('a', 'b', 'items', 'slug', '__proto__', 'constructor', 'toString', '0'), fc.string({maxLength: 4}).filter((name) => name !== 'i18n'))
    const localizedArb = fc.record({
      i18n: fc.array(fc.record({language: fc.constantFrom('de', 'it', 'en', 'fr'), value: fc.constantFrom('Text', ' ', '', null)}), {maxLength: 4}),
    })
    const {tree} = fc.letrec((tie) => ({
      tree: fc.oneof({depthSize: 'small', withCrossShrink: true}, fc.jsonValue({maxDepth: 1}), localizedArb, tie('list'), tie('object')),
      list: fc.array(tie('tree'), {maxLength: 4}),
      object: fc.array(fc.tuple(key, tie('tree')), {maxLength: 5}).map((entries) => {
        const object: Record<string, unknown> = {}
        for (const [name, value] of entries) Object.defineProperty(object, name, {value, enumerable: true, writable: true, configurable: true})
        return object
      }),
    }))
    const isField = (node: object) => Object.hasOwn(node, 'i18n') && Object.keys(node).every((name) => name === 'i18n' || name === 'source')
    const expected = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(expected)
      if (node === null || typeof node !== 'object') return node
      if (isField(node)) {
        const items = (node as {i18n: Array<{language: string; value: unknown}>}).i18n
        for (const locale of chain) for (const item of items) if (item.language === locale && typeof item.value === 'string' && item.value.trim() !== '') return item.value
        return null
      }
      const out: Record<string, unknown> = {}
      for (const [name, value] of Object.entries(node)) Object.defineProperty(out, name, {value: expected(value), enumerable: true, writable: true, configurable: true})
      return out
    }
    const objectsOf = (node: unknown, into = new Set<object>()): Set<object> => {
      if (node !== null && typeof node === 'object') {
        into.add(node)
        for (const value of Object.values(node)) objectsOf(value, into)
      }
      return into
    }
    await fc.assert(
      fc.asyncProperty(fc.array(tree, {minLength: 1, maxLength: 3}), async (values) => {
        for (const input of values) {
          const {value} = await localize(input, chain)
          const want = expected(input)
          // JSON text keeps key order and own `__proto__` keys (`toStrictEqual` is confused by a `constructor` key).
          expect(JSON.stringify(value)).toBe(JSON.stringify(want))
          const inputs = objectsOf(input)
          for (const object of objectsOf(value)) {
            expect(inputs.has(object)).toBe(false)
            expect(Object.getPrototypeOf(object)).toBe(Array.isArray(object) ? Array.prototype : Object.prototype)
          }
        }
      }),
      {numRuns: 300},
    )
  })

  it('refuses an empty chain', async () => {
    expect(() => localize({}, [])).toThrow(new TypeError('Cannot `localize` without a locale chain: pass at least one locale'))
  })
})
