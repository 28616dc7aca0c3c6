import fc from 'fast-check'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {sourceHash} from '../dataset/source-hash.ts'

const spanArb = fc.record({_type: fc.constant('span'), _key: fc.string(), text: fc.string(), marks: fc.subarray(['strong', 'em', 'l1'])})
const blockArb = fc.record({
  _type: fc.constant('block'),
  _key: fc.string(),
  style: fc.constantFrom('normal', 'h2'),
  markDefs: fc.array(fc.record({_type: fc.constant('link'), _key: fc.constant('l1'), href: fc.webUrl()}), {maxLength: 1}),
  children: fc.array(spanArb, {maxLength: 3}),
})

const getBuiltinModule = process.getBuiltinModule
afterEach(() => {
  process.getBuiltinModule = getBuiltinModule
})

/**
 * A fresh copy of the module (its memory empty), as it loads in Node (`node:crypto`, synchronous)
 * or where the runtime has no `process.getBuiltinModule` (browsers, edge: `crypto.subtle`).
 */
async function loadDigest(runtime: 'node' | 'browser') {
  if (runtime === 'browser') process.getBuiltinModule = undefined as never
  vi.resetModules()
  const module = await import('./digest-source-hash.ts')
  process.getBuiltinModule = getBuiltinModule
  return module
}

describe.each(['node', 'browser'] as const)('digestSourceHash (%s)', (runtime) => {
  it('gives the sha256-<hex> value sourceHash() stores in the dataset, for strings and Portable Text', async () => {
    const {digestSourceHash} = await loadDigest(runtime)
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({unit: 'binary'}), fc.array(blockArb, {maxLength: 3})), async (value) => {
        expect(await digestSourceHash(value)).toBe(sourceHash(value))
      }),
      {numRuns: 300},
    )
  })

  it('matches a hash stored in the shipped dataset format', async () => {
    const {digestSourceHash} = await loadDigest(runtime)
    expect(await digestSourceHash('Pregnancy')).toBe(sourceHash('Pregnancy'))
    expect(await digestSourceHash('Pregnancy')).toMatch(/^sha256-[0-9a-f]{64}$/)
  })

  it('reuses the answer for a text it hashed lately', async () => {
    const {digestSourceHash} = await loadDigest(runtime)
    expect(digestSourceHash('Reused text')).toBe(digestSourceHash('Reused text'))
  })
})

describe('knownSourceHash', () => {
  it('in Node, is the hash of any string at once (node:crypto), never of Portable Text', async () => {
    const {knownSourceHash} = await loadDigest('node')
    fc.assert(fc.property(fc.string({unit: 'binary'}), (text) => knownSourceHash(text) === sourceHash(text)))
    expect(knownSourceHash([{_type: 'block', children: [{_type: 'span', text: 'x'}]}])).toBeUndefined()
    expect(knownSourceHash(undefined)).toBeUndefined()
  })

  it('without node:crypto, has the hash of a string once digestSourceHash computed it, never of Portable Text', async () => {
    const {digestSourceHash, knownSourceHash} = await loadDigest('browser')
    expect(knownSourceHash('Known later')).toBeUndefined()
    expect(await digestSourceHash('Known later')).toBe(sourceHash('Known later'))
    expect(knownSourceHash('Known later')).toBe(sourceHash('Known later'))
    const blocks = [{_type: 'block', children: [{_type: 'span', text: 'Known later'}]}]
    await digestSourceHash(blocks)
    expect(knownSourceHash(blocks)).toBeUndefined()
    expect(knownSourceHash(undefined)).toBeUndefined()
  })

  it('without node:crypto, keeps at most 1,000 texts, then starts afresh', async () => {
    const fresh = await loadDigest('browser')
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
