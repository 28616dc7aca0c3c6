import type {ElementContent, Properties, Root} from 'hast'
import rehypeSanitize from 'rehype-sanitize'
import type {Options as SanitizeSchema} from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {compileSafeHtml, compileSafeHtmlWriter, constantProperties} from './compile-safe-html.ts'

// Cases the property tests meet only by chance: each attribute rule, URL protocol rule and
// writer edge, written out, so that every run (and every mutant) meets them.

/** `partial` with every other key a compiled schema must set, empty (rehype-sanitize would fill a missing one from its default schema). */
const complete = (partial: SanitizeSchema): SanitizeSchema => ({tagNames: [], attributes: {}, protocols: {}, ancestors: {}, strip: [], clobber: [], required: {}, ...partial})

/** A schema using every feature the compiler supports: per-tag and common attributes, allowed values, protocols, ancestors, strip. */
const schema = complete({
  tagNames: ['p', 'a', 'ul', 'li', 'br', 'strong', 'blockquote', 'em'],
  attributes: {'*': ['id', 'lang'], p: ['className', 'ariaHidden', 'start', ['dataSanity', 'x', /^y-/]], a: ['href']},
  protocols: {href: ['https', 'mailto']},
  ancestors: {li: ['ul']},
  strip: ['script'],
})

const viaRehype = (options: SanitizeSchema) => {
  const processor = unified().use(rehypeSanitize, options).use(rehypeStringify).freeze()
  return (tree: Root) => processor.stringify(processor.runSync(structuredClone(tree)))
}

const p = (properties: Properties): Root => ({type: 'root', children: [{type: 'element', tagName: 'p', properties, children: [{type: 'text', value: 't'}]}]})
const link = (href: string): Root => ({type: 'root', children: [{type: 'element', tagName: 'a', properties: {href}, children: [{type: 'text', value: 'go'}]}]})

describe('compileSafeHtml writes what rehype-sanitize + rehype-stringify write', () => {
  it.each<[string, Root]>([
    ['allowed attributes, common and per tag', p({id: 'a', lang: 'en', title: 'dropped'})],
    ['a boolean attribute set', p({ariaHidden: true as never})],
    ['a boolean attribute unset', p({ariaHidden: false as never})],
    ['a number', p({start: 3})],
    ['a number that is not one', p({start: Number.NaN})],
    ['a list of strings and numbers, joined and trimmed', p({className: ['', 'note', 3, true] as never})],
    ['a value in the allowed list', p({dataSanity: 'x'})],
    ['a value matching an allowed pattern', p({dataSanity: 'y-1'})],
    ['a value neither listed nor matching', p({dataSanity: 'z'})],
    ['a value that is no primitive', p({id: {} as never})],
    ['a property the element only inherits', {type: 'root', children: [{type: 'element', tagName: 'p', properties: Object.create({id: 'inherited'}) as Properties, children: []}]}],
    ['a list item inside an allowed list', {type: 'root', children: [{type: 'element', tagName: 'ul', properties: {}, children: [{type: 'element', tagName: 'li', properties: {}, children: [{type: 'text', value: 'i'}]}]}]}],
    ['a list item outside any list', {type: 'root', children: [{type: 'element', tagName: 'li', properties: {}, children: [{type: 'text', value: 'i'}]}]}],
  ])('for %s', (_name, tree) => {
    expect(compileSafeHtml(schema)(tree)).toBe(viaRehype(schema)(tree))
  })

  it.each([
    'https://example.org',
    'mailto:a@example.org',
    'relative/path',
    '/a:b',
    '?q=a:b',
    '#x:y',
    ':x',
    'javascript:a/b',
    'fakes:x',
    'httpsevil:x',
    'tel:1',
  ])('for a link to %j', (href) => {
    expect(compileSafeHtml(schema)(link(href))).toBe(viaRehype(schema)(link(href)))
  })

  it('for a list item inside a list that is itself unwrapped (rehype-sanitize counts it as open)', () => {
    const itemsOnly = complete({tagNames: ['li'], ancestors: {li: ['ul']}})
    const item: ElementContent = {type: 'element', tagName: 'li', properties: {}, children: [{type: 'text', value: 'i'}]}
    // The second item comes after the list closed: outside any list.
    const tree: Root = {type: 'root', children: [{type: 'element', tagName: 'ul', properties: {}, children: [item]}, item]}
    expect(compileSafeHtml(itemsOnly)(tree)).toBe('<li>i</li>i')
    expect(viaRehype(itemsOnly)(tree)).toBe('<li>i</li>i')
  })

  it('for a link in a schema with no protocol list (no link protocol is checked)', () => {
    const anyProtocol = complete({tagNames: ['a'], attributes: {a: ['href']}})
    expect(compileSafeHtml(anyProtocol)(link('javascript:x'))).toBe(viaRehype(anyProtocol)(link('javascript:x')))
  })
})

describe('compileSafeHtml on malformed hast', () => {
  const own = compileSafeHtml(schema)
  it('writes nothing for what is not a node, a non-string text, or a node of another type whatever it holds', () => {
    const children = [null, 'text', 5, {type: 'text', value: 5}, {type: 'comment', tagName: 'p', children: [{type: 'text', value: 'x'}]}] as unknown as ElementContent[]
    expect(own({type: 'root', children})).toBe('')
  })

  it('writes no children that are not a list, and no name that is not a string', () => {
    const text = {type: 'text', value: 'hidden'}
    expect(own({type: 'root', children: text} as never)).toBe('')
    expect(own({type: 'root', children: [{type: 'element', tagName: 'p', properties: null, children: text}]} as never)).toBe('<p></p>')
    expect(own({type: 'root', children: [{type: 'element', tagName: 7, properties: {}, children: [{type: 'text', value: 'a'}]}]} as never)).toBe('a')
  })

  it('starts afresh after a call that threw half-way', () => {
    const throwing = {type: 'root', children: [{type: 'element', tagName: 'p', properties: {}, children: [{type: 'text', value: 'a'}, {get type(): string { throw new Error('broken node') }}]}]}
    expect(() => own(throwing as never)).toThrow('broken node')
    expect(own({type: 'root', children: [{type: 'text', value: 'b'}]})).toBe('b')
  })

  it('never writes an element without a name or named "*", even when a schema lists them', () => {
    const listing = compileSafeHtml(complete({tagNames: ['', '*', 'p'], attributes: {'*': ['id']}}))
    const named = (tagName: string): ElementContent => ({type: 'element', tagName, properties: {id: 'i'}, children: [{type: 'text', value: tagName || 'empty'}]})
    expect(listing({type: 'root', children: [named(''), named('*'), named('p')]})).toBe('empty*<p id="i">p</p>')
  })

  it('refuses a schema that leaves out a key, which rehype-sanitize would take from its default schema', () => {
    // rehype-sanitize would drop this javascript: link (its default protocols apply); compiled as "no protocols", it was written.
    expect(() => compileSafeHtml({tagNames: ['a'], attributes: {a: ['href']}})).toThrow(
      new TypeError('Cannot `compileSafeHtml` a schema without `protocols`, `ancestors`, `strip`, `clobber`, `required`: rehype-sanitize would take them from its default schema'),
    )
    expect(() => compileSafeHtml({...schema, tagNames: null})).toThrow(/without `tagNames`/)
  })

  it('refuses a schema with required properties, naming what it does not support', () => {
    expect(() => compileSafeHtml({...schema, required: {p: {id: 'x'}}})).toThrow(
      new TypeError('Cannot `compileSafeHtml` a schema with `clobber`, `required`, comments or doctypes'),
    )
  })
})

describe('constantProperties', () => {
  it('freezes the properties and their lists, and writes their start tag for each schema and tag name', () => {
    const properties = constantProperties({id: 'c', className: ['note']})
    expect(Object.isFrozen(properties)).toBe(true)
    expect(Object.isFrozen(properties.className)).toBe(true)
    const withClass = compileSafeHtmlWriter(schema)()
    const withoutClass = compileSafeHtmlWriter(complete({tagNames: ['p', 'blockquote'], attributes: {'*': ['id']}}))()
    // The same tag by two schemas in turn, then another tag by the same schema.
    for (const [writer, tag] of [[withClass, 'p'], [withoutClass, 'p'], [withClass, 'p'], [withClass, 'blockquote']] as const) {
      writer.open(tag, properties)
      writer.close()
    }
    expect(withClass.take()).toBe('<p id="c" class="note"></p><p id="c" class="note"></p><blockquote id="c"></blockquote>')
    expect(withoutClass.take()).toBe('<p id="c"></p>')
  })
})

describe('SafeHtmlWriter', () => {
  it('ignores a close with nothing open, and refuses to insert at a mark other than the last', () => {
    const writer = compileSafeHtmlWriter(schema)()
    writer.close()
    writer.text('a')
    const first = writer.mark()
    writer.mark()
    expect(() => writer.insertAt(first, () => writer.text('x'))).toThrow(new TypeError('Cannot `insertAt` a mark other than the last one not yet used'))
    expect(writer.take()).toBe('a')
  })

  it('takes what was written around open marks, and starts afresh: no marks, open elements or lists left', () => {
    const writer = compileSafeHtmlWriter(schema)()
    writer.text('a')
    writer.mark()
    writer.text('b')
    writer.mark()
    writer.text('c')
    writer.open('ul')
    writer.open('p')
    expect(writer.take()).toBe('abc<ul><p>')
    // The list and paragraph opened before are gone: a list item is outside any list, a close closes nothing.
    writer.open('li')
    writer.text('d')
    writer.close()
    writer.close()
    expect(writer.take()).toBe('d')
  })

  it('does not keep a fragment that closes an element opened before it, also when it then opens others', () => {
    const writer = compileSafeHtmlWriter(schema)()
    const key = Object.freeze({})
    const write = () => {
      writer.close()
      writer.open('p')
      writer.open('em')
      writer.close()
    }
    writer.open('blockquote')
    writer.fragment(key, write)
    writer.close()
    expect(writer.take()).toBe('<blockquote></blockquote><p><em></em></p>')
    writer.open('section')
    writer.fragment(key, write)
    writer.close()
    expect(writer.take()).toBe('<p><em></em></p>')
  })

  it('does not keep a fragment that calls one closing an element opened before both', () => {
    const writer = compileSafeHtmlWriter(schema)()
    const outer = Object.freeze({})
    const inner = Object.freeze({})
    const write = () =>
      writer.fragment(inner, () => {
        writer.close()
        writer.open('p')
      })
    for (const around of ['blockquote', 'section', 'blockquote']) {
      writer.open(around)
      writer.fragment(outer, write)
      writer.close()
    }
    expect(writer.take()).toBe('<blockquote></blockquote><p></p><p></p><blockquote></blockquote><p></p>')
  })

  it('does not keep a fragment that closed an element opened before it, then called one that did not', () => {
    const writer = compileSafeHtmlWriter(schema)()
    const outer = Object.freeze({})
    const inner = Object.freeze({})
    const write = () => {
      writer.close()
      writer.open('p')
      writer.fragment(inner, () => writer.text('t'))
    }
    for (const around of ['blockquote', 'section', 'blockquote']) {
      writer.open(around)
      writer.fragment(outer, write)
      writer.close()
    }
    expect(writer.take()).toBe('<blockquote></blockquote><p>t</p><p>t</p><blockquote></blockquote><p>t</p>')
  })

  it('does not keep a fragment whose output was taken while it was written', () => {
    const writer = compileSafeHtmlWriter(schema)()
    const key = Object.freeze({})
    let taken = ''
    const write = () => {
      taken = writer.take()
      writer.open('p')
      writer.text('a')
    }
    writer.open('blockquote')
    writer.fragment(key, write)
    writer.close()
    expect(taken).toBe('<blockquote>')
    expect(writer.take()).toBe('<p>a</p>')
    writer.open('blockquote')
    writer.text('b')
    writer.fragment(key, write)
    writer.close()
    expect(taken).toBe('<blockquote>b')
    expect(writer.take()).toBe('<p>a</p>')
  })
})
