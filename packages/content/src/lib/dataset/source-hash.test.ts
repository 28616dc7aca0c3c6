import {createHash} from 'node:crypto'
import {describe, expect, it} from 'vitest'
import {canonicalJson, sourceHash} from './source-hash.ts'

describe('sourceHash', () => {
  it('gives the same hash for Portable Text that differs only in _key', async () => {
    const a = [{_key: 'a', _type: 'block', children: [{_key: 'x', _type: 'span', text: 'Hi', marks: []}]}]
    const b = [{_type: 'block', _key: 'b', children: [{_type: 'span', _key: 'y', marks: [], text: 'Hi'}]}]
    expect(await sourceHash(a)).toBe(await sourceHash(b))
  })

  it('changes when a word changes', async () => {
    expect(await sourceHash('Pregnancy')).not.toBe(await sourceHash('Pregnancy.'))
    expect(await sourceHash('x')).toMatch(/^sha256-[0-9a-f]{64}$/)
  })

  it('is SHA-256 of the canonical JSON', () => {
    const text = 'Gravidanza è una controindicazione'
    expect(sourceHash(text)).toBe(`sha256-${createHash('sha256').update(JSON.stringify(text)).digest('hex')}`)
  })

  it('sorts object keys in its canonical form', () => {
    expect(canonicalJson({b: 1, a: {_key: 'k', d: 2, c: 3}})).toBe('{"a":{"c":3,"d":2},"b":1}')
  })
})
