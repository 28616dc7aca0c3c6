import {describe, expect, it} from 'vitest'

import {LruCache} from './lru-cache.ts'

describe('LruCache', () => {
  it('evicts the least recently used entry when full', () => {
    const cache = new LruCache<number>(2)
    cache.set('a', 1)
    cache.set('b', 2)
    expect(cache.get('a')).toBe(1) // a is now most recent
    cache.set('c', 3)
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get('a')).toBe(1)
    expect(cache.get('c')).toBe(3)
    expect(cache.size).toBe(2)
  })

  it('caches nothing with capacity 0 and rejects a bad capacity', () => {
    const cache = new LruCache<number>(0)
    cache.set('a', 1)
    expect(cache.get('a')).toBeUndefined()
    expect(() => new LruCache(-1)).toThrow(
      new TypeError('new LruCache(capacity): capacity must be a non-negative integer, received -1'),
    )
  })
})
