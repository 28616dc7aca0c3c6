import fc from 'fast-check'
import {describe, expect, it, vi} from 'vitest'
import {sourceHash} from '../dataset/source-hash.ts'
import {digestSourceHash, knownSourceHash} from './digest-source-hash.ts'

const spanArb = fc.record({_type: fc.constant('span'), _key: fc.string(), text: fc.string(), marks: fc.subarray(['strong', 'em', 'l1'])})
const blockArb = fc.record({
  _type: fc.constant('block'),
  _key: fc.string(),
  style: fc.constantFrom('normal', 'h2'),
  markDefs: fc.array(fc.record({_type: fc.constant('link'), _key: fc.constant('l1'), href: fc.webUrl()}), {maxLength: 1}),
  children: fc.array(spanArb, {maxLength: 3}),
})

describe('digestSourceHash', () => {
  it('gives the sha256-<hex> value sourceHash() stores in the dataset, for strings and Portable Text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({unit: 'binary'}), fc.array(blockArb, {maxLength: 3})), async (value) => {
        expect(await digestSourceHash(value)).toBe(sourceHash(value))
      }),
      {numRuns: 300},
    )
  })

  it('matches a hash stored in the shipped dataset format', async () => {
    expect(await digestSourceHash('Pregnancy')).toBe(sourceHash('Pregnancy'))
    expect(await digestSourceHash('Pregnancy')).toMatch(/^sha256-[0-9a-f]{64}$/)
  })

  it('reuses the answer for a text it hashed lately', () => {
    expect(digestSourceHash('Reused text')).toBe(digestSourceHash('Reused text'))
  })
})

describe('knownSourceHash', () => {
  it('has the hash of a string once digestSourceHash computed it, never of Portable Text', async () => {
    expect(knownSourceHash('Known later')).toBeUndefined()
    expect(await digestSourceHash('Known later')).toBe(sourceHash('Known later'))
    expect(knownSourceHash('Known later')).toBe(sourceHash('Known later'))
    const blocks = [{_type: 'block', children: [{_type: 'span', text: 'Known later'}]}]
    await digestSourceHash(blocks)
    expect(knownSourceHash(blocks)).toBeUndefined()
    expect(knownSourceHash(undefined)).toBeUndefined()
  })

  it('keeps at most 1,000 texts, then starts afresh', async () => {
    // A fresh copy of the module: its memory starts empty.
    vi.resetModules()
    const fresh = await import('./digest-source-hash.ts')
    for (let index = 0; index < 1000; index++) await fresh.digestSourceHash(`text ${index}`)
    expect(fresh.knownSourceHash('text 0')).toBe(sourceHash('text 0'))
    expect(await fresh.digestSourceHash('text 1000')).toBe(sourceHash('text 1000'))
    expect(fresh.knownSourceHash('text 0')).toBeUndefined()
    expect(fresh.knownSourceHash('text 999')).toBeUndefined()
    expect(fresh.knownSourceHash('text 1000')).toBe(sourceHash('text 1000'))
    // A text forgotten is hashed afresh and known again.
    expect(await fresh.digestSourceHash('text 0')).toBe(sourceHash('text 0'))
    expect(fresh.knownSourceHash('text 0')).toBe(sourceHash('text 0'))
  })
})
