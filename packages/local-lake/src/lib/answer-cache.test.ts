import {describe, expect, it} from 'vitest'

import {AnswerCache, type KeptAnswer} from './answer-cache.ts'

const bytes = (count: number): KeptAnswer => ({text: '1'.repeat(count), bytes: count})

/** Asks twice, as a repeated request does: the answer is kept from the second ask. */
function keep(cache: AnswerCache, key: string, answer: KeptAnswer, generation = cache.generation): void {
  cache.set(key, answer, generation)
  cache.set(key, answer, generation)
}

describe('AnswerCache', () => {
  it('keeps an answer from the second time it is asked for', () => {
    const cache = new AnswerCache(1 << 20)
    const key = cache.keyOf('published', 'local', '*[slug.current == $slug]', {slug: 'a'})!
    cache.set(key, bytes(10), cache.generation)
    expect(cache.get(key)).toBeUndefined()
    cache.set(key, bytes(10), cache.generation)
    expect(cache.get(key)).toEqual(bytes(10))
  })

  it('keys an answer by perspective, project, query and parameters', () => {
    const cache = new AnswerCache(1 << 20)
    const key = cache.keyOf('published', 'local', '*[slug.current == $slug]', {slug: 'a'})!
    keep(cache, key, bytes(10))
    expect(cache.get(cache.keyOf('published', 'local', '*[slug.current == $slug]', {slug: 'a'})!)).toEqual(bytes(10))
    expect(cache.get(cache.keyOf('drafts', 'local', '*[slug.current == $slug]', {slug: 'a'})!)).toBeUndefined()
    expect(cache.get(cache.keyOf('published', 'other', '*[slug.current == $slug]', {slug: 'a'})!)).toBeUndefined()
    expect(cache.get(cache.keyOf('published', 'local', '*[slug.current == $slug]', {slug: 'b'})!)).toBeUndefined()
    expect(cache.get(cache.keyOf('published', 'local', '*[slug.current == $slug][0]', {slug: 'a'})!)).toBeUndefined()
  })

  it('forgets everything on invalidate, and refuses an answer computed before it', () => {
    const cache = new AnswerCache(1 << 20)
    const key = cache.keyOf('published', 'local', '*', {})!
    const before = cache.generation
    keep(cache, key, bytes(10), before)
    cache.invalidate()
    expect(cache.get(key)).toBeUndefined()
    // A query that started before the change and finished after it must not be kept.
    keep(cache, key, bytes(10), before)
    expect(cache.get(key)).toBeUndefined()
    keep(cache, key, bytes(11))
    expect(cache.get(key)).toEqual(bytes(11))
  })

  it('keeps at most maxBytes, dropping the least recently used answers first', () => {
    const cache = new AnswerCache(8000)
    const keys = ['a', 'b', 'c'].map((name) => cache.keyOf('published', 'local', name, {})!)
    for (const key of keys) keep(cache, key, bytes(950))
    expect(cache.get(keys[0]!)).toBeDefined()
    // Each entry is 950 bytes plus its short key: the ninth passes 8000 bytes.
    for (let index = 0; index < 6; index++) keep(cache, cache.keyOf('published', 'local', `filler-${index}`, {})!, bytes(950))
    expect(cache.size).toBe(8)
    expect(cache.get(keys[1]!)).toBeUndefined()
    expect(cache.get(keys[0]!)).toBeDefined()
    expect(cache.get(keys[2]!)).toBeDefined()
  })

  it('does not keep answers that depend on the time, are too large, or have parameters too deep to encode', () => {
    const cache = new AnswerCache(8000)
    expect(cache.keyOf('published', 'local', '{"at": now()}', {})).toBeUndefined()
    expect(cache.keyOf('published', 'local', 'dateTime::now()', {})).toBeUndefined()
    let deep: unknown = []
    for (let level = 0; level < 20_000; level++) deep = [deep]
    expect(cache.keyOf('published', 'local', '$p', {p: deep})).toBeUndefined()
    const key = cache.keyOf('published', 'local', '*', {})!
    keep(cache, key, bytes(1001))
    expect(cache.get(key)).toBeUndefined()
    expect(new AnswerCache(0).keyOf('published', 'local', '*', {})).toBeUndefined()
  })
})
