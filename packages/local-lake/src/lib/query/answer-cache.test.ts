import {describe, expect, it} from 'vitest'

import {AnswerCache, type KeptAnswer} from './answer-cache.ts'

const bytes = (count: number): KeptAnswer => ({parts: [Buffer.from('1'.repeat(count))], bytes: count})

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

  it('does not key parameters JSON cannot tell apart (Infinity is written as null), nor query texts and parameters past their length', () => {
    const cache = new AnswerCache(1 << 20)
    const asNull = cache.keyOf('published', 'local', '*[price < $max]', {max: null})!
    keep(cache, asNull, bytes(10))
    expect(cache.keyOf('published', 'local', '*[price < $max]', {max: Number.POSITIVE_INFINITY})).toBeUndefined()
    expect(cache.keyOf('published', 'local', '*[price < $max]', {max: [Number.NEGATIVE_INFINITY]})).toBeUndefined()
    expect(cache.keyOf('published', 'local', `*[_id == "${'x'.repeat(20_000)}"]`, {})).toBeUndefined()
    expect(cache.keyOf('published', 'local', '$p', {p: 'x'.repeat(20_000)})).toBeUndefined()
  })

  it('remembers keys asked for once and query texts within an eighth of its budget each, oldest forgotten first', () => {
    const cache = new AnswerCache(64 * 1024)
    const first = cache.keyOf('published', 'local', '$p', {p: 'first'})!
    cache.set(first, bytes(10), cache.generation)
    // 8 kB of keys asked for once (each about 1 kB): the first is forgotten, so asking again does not keep it.
    for (let index = 0; index < 8; index++) cache.set(cache.keyOf('published', 'local', '$p', {p: `${index}`.padEnd(500, '.')})!, bytes(10), cache.generation)
    cache.set(first, bytes(10), cache.generation)
    expect(cache.get(first)).toBeUndefined()
    // Query texts past 8 kB start the numbering over, and with it the kept answers.
    const kept = cache.keyOf('published', 'local', '*', {})!
    keep(cache, kept, bytes(10))
    expect(cache.get(kept)).toBeDefined()
    for (let index = 0; index < 9; index++) cache.keyOf('published', 'local', `*[_id == "${index}"]`.padEnd(500, ' '), {})
    expect(cache.get(kept)).toBeUndefined()
  })

  it('keeps nothing for a crawl of more pages than it holds: a key is remembered only as long as the budget could keep its answer', () => {
    // The lake's default budget holds about 1,300 page answers of 25 kB.
    const cache = new AnswerCache(32 * 1024 * 1024)
    const page: KeptAnswer = {parts: [Buffer.alloc(25_000)], bytes: 25_000}
    const key = (index: number) => cache.keyOf('published', 'local', '*[slug.current == $slug]', {slug: `page-${index}`})!
    // A crawl that comes round again every 3,000 pages: each second ask comes after about 1,700
    // more answers than the budget holds, so keeping it would only churn memory (a kept answer
    // lives long enough to reach the old generation, and is dropped before it is asked for).
    for (let round = 0; round < 3; round++) for (let index = 0; index < 3000; index++) cache.set(key(index), page, cache.generation)
    expect(cache.size).toBe(0)
    // A page read again within what the budget holds is still kept.
    for (let round = 0; round < 2; round++) for (let index = 0; index < 1000; index++) cache.set(key(10_000 + index), page, cache.generation)
    expect(cache.size).toBe(1000)
    expect(cache.get(key(10_000))).toBe(page)
  })
})
