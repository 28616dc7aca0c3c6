import {describe, expect, it} from 'vitest'

import {parsePatchPath} from './patch-path.ts'

describe('parsePatchPath', () => {
  it('parses attributes, indexes, ranges and key matches', () => {
    expect(parsePatchPath('body[_key=="k1"].children[-1].text')).toEqual([
      {kind: 'attribute', name: 'body'},
      {kind: 'match', attribute: '_key', value: 'k1'},
      {kind: 'attribute', name: 'children'},
      {kind: 'index', index: -1},
      {kind: 'attribute', name: 'text'},
    ])
    expect(parsePatchPath("tags[_key == 'a\\'b']")).toEqual([
      {kind: 'attribute', name: 'tags'},
      {kind: 'match', attribute: '_key', value: "a'b"},
    ])
    expect(parsePatchPath('items[2:]')).toEqual([
      {kind: 'attribute', name: 'items'},
      {kind: 'range', start: 2, end: undefined},
    ])
    expect(parsePatchPath('items[:-1]')[1]).toEqual({kind: 'range', start: undefined, end: -1})
  })

  it('rejects what it does not support, naming the path', () => {
    expect(() => parsePatchPath('')).toThrow('path is empty')
    expect(() => parsePatchPath('a[')).toThrow('unclosed "[" in path "a["')
    expect(() => parsePatchPath('a..b')).toThrow('expected an attribute name at ".b" in path "a..b"')
    expect(() => parsePatchPath('a[foo > 1]')).toThrow('unsupported selector "[foo > 1]" in path "a[foo > 1]"')
  })

  it('rejects the reserved names __proto__, constructor and prototype anywhere in a path', () => {
    const reason = (name: string) => `may not contain "${name}" (__proto__, constructor and prototype are reserved)`
    expect(() => parsePatchPath('__proto__.polluted')).toThrow(`path "__proto__.polluted" ${reason('__proto__')}`)
    expect(() => parsePatchPath('a.constructor.prototype.x')).toThrow(`path "a.constructor.prototype.x" ${reason('constructor')}`)
    expect(() => parsePatchPath('items[0].prototype')).toThrow(`path "items[0].prototype" ${reason('prototype')}`)
    expect(() => parsePatchPath('tags[__proto__=="x"].label')).toThrow(`path "tags[__proto__=="x"].label" ${reason('__proto__')}`)
    expect(parsePatchPath('constructorName.prototypes')).toEqual([
      {kind: 'attribute', name: 'constructorName'},
      {kind: 'attribute', name: 'prototypes'},
    ])
  })
})
