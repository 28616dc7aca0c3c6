import {describe, expect, it} from 'vitest'
import {ResponseCache} from './response-cache.ts'

describe('ResponseCache', () => {
  it('shares one upstream request among concurrent identical requests', async () => {
    const cache = new ResponseCache(undefined)
    let calls = 0
    const load = async () => {
      calls++
      await new Promise((resolve) => setTimeout(resolve, 10))
      return 'value'
    }
    const answers = await Promise.all([cache.get('k', load), cache.get('k', load), cache.get('k', load)])
    expect(calls).toBe(1)
    expect(answers.map((answer) => answer.value)).toEqual(['value', 'value', 'value'])
  })

  it('serves a fresh answer from memory within the TTL, and asks again after it', async () => {
    let now = 0
    const cache = new ResponseCache({ttlMs: 100}, () => now)
    let calls = 0
    const load = async () => ++calls
    expect((await cache.get('k', load)).value).toBe(1)
    now = 99
    expect((await cache.get('k', load)).value).toBe(1)
    now = 100
    expect((await cache.get('k', load)).value).toBe(2)
  })

  it('serves the last good answer, marked stale, when a refresh fails', async () => {
    let now = 0
    const cache = new ResponseCache({ttlMs: 10}, () => now)
    await cache.get('k', async () => 'good')
    now = 50
    const answer = await cache.get('k', async () => {
      throw new Error('down')
    })
    expect(answer).toEqual({value: 'good', stale: true, fetchedAt: 0})
  })

  it('rethrows when there is no good answer to fall back on', async () => {
    const cache = new ResponseCache({ttlMs: 10})
    await expect(cache.get('k', async () => Promise.reject(new Error('down')))).rejects.toThrow('down')
  })

  it('forgets the least recently used answers beyond maxEntries', async () => {
    const cache = new ResponseCache({ttlMs: 1000, maxEntries: 2})
    const loads: string[] = []
    const load = (key: string) => async () => (loads.push(key), key)
    await cache.get('a', load('a'))
    await cache.get('b', load('b'))
    await cache.get('a', load('a')) // a is now the most recently used
    await cache.get('c', load('c')) // evicts b, not a
    await cache.get('a', load('a'))
    await cache.get('b', load('b'))
    expect(loads).toEqual(['a', 'b', 'c', 'b'])
  })

  it('serves the expired answer within staleAfterMs when the source hangs, and the refresh replaces it later', async () => {
    let now = 0
    const cache = new ResponseCache({ttlMs: 10, staleAfterMs: 20}, () => now)
    await cache.get('k', async () => 'old')
    now = 50
    let finish: (value: string) => void = () => {}
    let calls = 0
    const hanging = () => {
      calls++
      return new Promise<string>((resolve) => (finish = resolve))
    }
    const started = performance.now()
    expect(await cache.get('k', hanging)).toEqual({value: 'old', stale: true, fetchedAt: 0})
    expect(performance.now() - started).toBeLessThan(1000)
    // The refresh is known to be slow: the next request does not wait for it again.
    const again = cache.get('k', hanging)
    expect(await Promise.race([again, new Promise((resolve) => setTimeout(() => resolve('waited'), 10))])).toEqual({value: 'old', stale: true, fetchedAt: 0})
    expect(calls).toBe(1)
    finish('new')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(await cache.get('k', hanging)).toEqual({value: 'new', stale: false, fetchedAt: 50})
  })
})
