import {readNdjson, reviewedReferences} from '@treatments/content/dataset'
import {describe, expect, it} from 'vitest'

import {isSafetyField} from './safety-field.ts'

const seedPath = new URL('../../../../content/dataset.ndjson', import.meta.url)

describe('isSafetyField', () => {
  it('holds every text a medical review covers, so an import never publishes one unreviewed', async () => {
    const byId = new Map((await readNdjson(seedPath)).map((document) => [document._id, document as Record<string, unknown>]))
    const covered = new Set<string>()
    for (const treatment of [...byId.values()].filter((document) => document._type === 'treatment')) {
      for (const [list, fields] of reviewedReferences) {
        for (const reference of treatment[list] as Array<{_ref: string}>) {
          for (const field of fields) covered.add(`${byId.get(reference._ref)!._type}.${field}`)
        }
      }
      for (const claim of treatment.claims as Array<{_key: string}>) covered.add(`treatment.claims[_key=="${claim._key}"].statement`)
    }
    expect([...covered].sort()).toEqual([
      'contraindication.text',
      'effect.text',
      'sideEffect.text',
      'sideEffect.whenToSeekHelp',
      ...[...covered].filter((entry) => entry.startsWith('treatment.claims')).sort(),
    ])
    for (const entry of covered) {
      const [documentType, ...field] = entry.split('.')
      expect(isSafetyField(documentType!, field.join('.')), entry).toBe(true)
    }
    expect(isSafetyField('treatment', 'disclaimer')).toBe(true)
  })

  it('leaves texts no review covers to ordinary translation', () => {
    expect(isSafetyField('treatment', 'title')).toBe(false)
    expect(isSafetyField('effect', 'title')).toBe(false)
    expect(isSafetyField('ingredient', 'role')).toBe(false)
    expect(isSafetyField('treatment', 'claims[_key=="a"].statement.extra')).toBe(false)
  })
})
