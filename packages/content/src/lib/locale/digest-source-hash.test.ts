import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {sourceHash} from '../dataset/source-hash.ts'
import {digestSourceHash} from './digest-source-hash.ts'

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
})
