import {afterEach, describe, expect, it} from 'vitest'

import {type PatchOperations, PatchError, applyPatch} from './apply-patch.ts'
import {type PathStep, parsePatchPath} from './patch-path.ts'

function ops(partial: {
  set?: Record<string, unknown>
  setIfMissing?: Record<string, unknown>
  unset?: string[]
  inc?: Record<string, number>
  insert?: {position: 'before' | 'after' | 'replace'; path: string; items: unknown[]}
  diffMatchPatch?: Record<string, string>
}): PatchOperations {
  const values = (record: Record<string, unknown> = {}) =>
    Object.entries(record).map(([source, value]) => ({source, steps: parsePatchPath(source), value}))
  return {
    set: values(partial.set),
    setIfMissing: values(partial.setIfMissing),
    unset: (partial.unset ?? []).map((source) => ({source, steps: parsePatchPath(source)})),
    inc: values(partial.inc),
    insert: partial.insert && {
      position: partial.insert.position,
      source: partial.insert.path,
      steps: parsePatchPath(partial.insert.path),
      items: partial.insert.items,
    },
    diffMatchPatch: values(partial.diffMatchPatch),
  }
}

const base = {
  _id: 'a',
  _type: 't',
  count: 1,
  title: {en: 'Hi'},
  tags: [
    {_key: 'x', label: 'one'},
    {_key: 'y', label: 'two'},
  ],
}

afterEach(() => {
  // Undo a pollution a failing run may have caused, so it cannot leak into other tests.
  delete (Object.prototype as Record<string, unknown>).polluted
})

describe('applyPatch', () => {
  it('returns a patched copy and leaves the input untouched', () => {
    const input = structuredClone(base)
    const output = applyPatch(input, ops({set: {'title.en': 'Hello'}}))
    expect(output.title).toEqual({en: 'Hello'})
    expect(input).toEqual(base)
  })

  it('set creates missing objects along attribute paths and replaces array items by key or index', () => {
    const output = applyPatch(base, ops({set: {'seo.meta.title': 'T', 'tags[_key=="y"].label': 'TWO', 'tags[0].label': 'ONE'}}))
    expect(output.seo).toEqual({meta: {title: 'T'}})
    expect(output.tags).toEqual([
      {_key: 'x', label: 'ONE'},
      {_key: 'y', label: 'TWO'},
    ])
  })

  it('setIfMissing only fills absent values, and runs before set', () => {
    const output = applyPatch(base, ops({setIfMissing: {count: 99, list: []}, set: {'list': ['kept']}}))
    expect(output.count).toBe(1)
    expect(output.list).toEqual(['kept'])
  })

  it('unset removes attributes and array items, ignoring paths that match nothing', () => {
    const output = applyPatch(base, ops({unset: ['title.en', 'tags[_key=="x"]', 'nothing.here']}))
    expect(output.title).toEqual({})
    expect(output.tags).toEqual([{_key: 'y', label: 'two'}])
  })

  it('inc adds to numbers (dec is a negative inc) and skips missing values', () => {
    expect(applyPatch(base, ops({inc: {count: 2, missing: 5}}))).toMatchObject({count: 3})
    expect(applyPatch(base, ops({inc: {count: -3}})).count).toBe(-2)
    expect(applyPatch(base, ops({inc: {missing: 5}}))).not.toHaveProperty('missing')
  })

  it('inc on a non-number throws a PatchError naming the path', () => {
    expect(() => applyPatch(base, ops({inc: {'title.en': 1}}))).toThrow(
      'cannot increment "title.en": its value is string, not a number',
    )
  })

  it('insert appends, prepends and replaces array items', () => {
    const after = applyPatch(base, ops({insert: {position: 'after', path: 'tags[-1]', items: [{_key: 'z'}]}}))
    expect((after.tags as Array<{_key: string}>).map((tag) => tag._key)).toEqual(['x', 'y', 'z'])
    const before = applyPatch(base, ops({insert: {position: 'before', path: 'tags[0]', items: [{_key: 'w'}]}}))
    expect((before.tags as Array<{_key: string}>).map((tag) => tag._key)).toEqual(['w', 'x', 'y'])
    const replaced = applyPatch(base, ops({insert: {position: 'replace', path: 'tags[_key=="x"]', items: [{_key: 'r'}]}}))
    expect((replaced.tags as Array<{_key: string}>).map((tag) => tag._key)).toEqual(['r', 'y'])
    const spliced = applyPatch(base, ops({insert: {position: 'replace', path: 'tags[1:]', items: []}}))
    expect((spliced.tags as Array<{_key: string}>).map((tag) => tag._key)).toEqual(['x'])
  })

  it('insert into an empty array works for append and prepend', () => {
    const empty = {_id: 'a', _type: 't', list: [] as unknown[]}
    expect(applyPatch(empty, ops({insert: {position: 'after', path: 'list[-1]', items: [1]}})).list).toEqual([1])
    expect(applyPatch(empty, ops({insert: {position: 'before', path: 'list[0]', items: [2]}})).list).toEqual([2])
  })

  it('walks only own properties: names that exist on Object.prototype are treated as missing', () => {
    const output = applyPatch(base, ops({set: {'toString.label': 'x'}, setIfMissing: {valueOf: 1}}))
    expect(Object.hasOwn(output, 'toString')).toBe(true)
    expect(output.toString).toEqual({label: 'x'})
    expect(Object.hasOwn(output, 'valueOf')).toBe(true)
    expect(output.valueOf).toBe(1)
  })

  it('refuses hand-built steps through __proto__ or constructor and pollutes nothing', () => {
    const set = (steps: PathStep[]): PatchOperations => ({...ops({}), set: [{source: 'hand-built', steps, value: 'yes'}]})
    expect(() => applyPatch(base, set([{kind: 'attribute', name: '__proto__'}, {kind: 'attribute', name: 'polluted'}]))).toThrow(
      new PatchError('path "hand-built" may not contain "__proto__" (__proto__, constructor and prototype are reserved)'),
    )
    expect(() =>
      applyPatch(
        base,
        set([
          {kind: 'attribute', name: 'constructor'},
          {kind: 'attribute', name: 'prototype'},
          {kind: 'attribute', name: 'polluted'},
        ]),
      ),
    ).toThrow('path "hand-built" may not contain "constructor"')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
