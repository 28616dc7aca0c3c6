import {describe, expect, it} from 'vitest'
import {sourceHash} from '../dataset/source-hash.ts'
import {matchesRecordedHash, recordedHashLength} from './recorded-hash.ts'

const current = sourceHash('Pregnancy')

describe('matchesRecordedHash', () => {
  it('matches the whole hash and the prefix the queries send', () => {
    expect(matchesRecordedHash(current, current)).toBe(true)
    expect(matchesRecordedHash(current, current.slice(0, recordedHashLength))).toBe(true)
  })

  it('does not match the hash of another text, whole or cut', () => {
    const other = sourceHash('Pregnancy (old)')
    expect(matchesRecordedHash(current, other)).toBe(false)
    expect(matchesRecordedHash(current, other.slice(0, recordedHashLength))).toBe(false)
  })

  it('does not match a recorded hash too short to name a text (empty, `sha256-`, a few digits)', () => {
    for (const recorded of ['', 'sha256-', current.slice(0, recordedHashLength - 1)]) expect(matchesRecordedHash(current, recorded), recorded).toBe(false)
  })
})
