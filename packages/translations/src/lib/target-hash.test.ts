import {sourceHash} from '@treatments/content/dataset'
import {describe, expect, it} from 'vitest'

import {linkedBody} from '../test-support/documents.ts'
import {targetHash} from './target-hash.ts'

describe('targetHash', () => {
  it('equals sourceHash() for strings and Portable Text, ignoring _keys and key order', async () => {
    expect(targetHash('Mesotherapie\r\nZeile zwei')).toBe(await sourceHash('Mesotherapie\r\nZeile zwei'))
    expect(targetHash(linkedBody)).toBe(await sourceHash(linkedBody))
    const rekeyed = linkedBody.map((block) => Object.fromEntries(Object.entries({...block, _key: 'other'}).reverse()))
    expect(targetHash(rekeyed)).toBe(targetHash(linkedBody))
  })
})
