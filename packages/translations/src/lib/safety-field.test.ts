import {readNdjson, reviewedReferences} from '@treatments/content/dataset'
import {describe, expect, it} from 'vitest'

import {findLocalizedFields} from './find-localized-fields.ts'
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

  it('leaves every other localized field of the shipped dataset to ordinary translation', async () => {
    const safety = new Set(['contraindication text', 'sideEffect text', 'sideEffect whenToSeekHelp', 'effect text', 'treatment disclaimer'])
    const seen: string[] = []
    for (const document of await readNdjson(seedPath)) {
      for (const {path} of findLocalizedFields(document)) {
        const field = path.replace(/^claims\[_key=="[^"]+"\]\.statement$/, 'claims[…].statement')
        const expected = safety.has(`${document._type} ${field}`) || (document._type === 'treatment' && field === 'claims[…].statement')
        expect(isSafetyField(document._type, path), `${document._type} ${path}`).toBe(expected)
        if (!expected) seen.push(`${document._type} ${field}`)
      }
    }
    // Ordinary fields of every kind of document were checked, not only of one.
    expect(new Set(seen.map((entry) => entry.split(' ')[0]))).toEqual(new Set(['condition', 'ingredient', 'treatment']))
  })

  it('matches a claim statement by its whole path only', () => {
    expect(isSafetyField('treatment', 'claims[_key=="a"].statement')).toBe(true)
    expect(isSafetyField('treatment', 'claims[_key=="a"].statement.extra')).toBe(false)
    expect(isSafetyField('treatment', 'oldclaims[_key=="a"].statement')).toBe(false)
    expect(isSafetyField('condition', 'claims[_key=="a"].statement')).toBe(false)
  })

  it('names only the safety fields of a safety document, not a field added to it later', () => {
    expect(isSafetyField('contraindication', 'note')).toBe(false)
    expect(isSafetyField('sideEffect', 'note')).toBe(false)
    expect(isSafetyField('effect', 'note')).toBe(false)
  })
})
