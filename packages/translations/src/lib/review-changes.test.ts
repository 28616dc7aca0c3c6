import {readNdjson} from '@treatments/content/dataset'
import {describe, expect, it} from 'vitest'

import {markMedicallyReviewedPatch} from './mark-medically-reviewed.ts'
import {markReviewedPatch} from './mark-reviewed.ts'
import {reviewChanges} from './review-changes.ts'

const seedPath = new URL('../../../../content/dataset.ndjson', import.meta.url)

/** Applies a `{set}` patch whose paths are `a.b` or `translations[_key=="k"].field`. */
function applySet(document: Record<string, unknown>, set: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(document)
  for (const [path, value] of Object.entries(set)) {
    const keyed = /^(\w+)\[_key=="([^"]+)"\]\.(\w+)$/.exec(path)
    if (keyed) {
      const item = (copy[keyed[1]!] as Array<Record<string, unknown>>).find((entry) => entry._key === keyed[2])!
      item[keyed[3]!] = value
      continue
    }
    const [head, tail] = path.split('.') as [string, string]
    copy[head] = {...(copy[head] as object), [tail]: value}
  }
  return copy
}

describe('reviews bound to the safety texts they covered', () => {
  it('records every safety text, reports a review current, then names the text an edit changed', async () => {
    const documents = await readNdjson(seedPath)
    const byId = new Map(documents.map((document) => [document._id, document as Record<string, unknown>]))
    const resolve = (id: string) => byId.get(id)
    const treatment = documents.find((document) => document._type === 'treatment')! as Record<string, unknown>
    expect(reviewChanges(treatment, resolve)).toEqual([])
    const patch = markMedicallyReviewedPatch(treatment, resolve, {reviewer: 'Dr. A. Rossi', date: '2026-12-01'})
    const covered = patch.set['medicalReview.coveredTexts'] as Array<{field: string}>
    const contraindications = (treatment.contraindications as unknown[]).length
    // Each contraindication's text and whether it is absolute or relative.
    expect(covered.filter((entry) => entry.field.startsWith('contraindications['))).toHaveLength(2 * contraindications)
    expect(covered.map((entry) => entry.field)).toContain('disclaimer')
    expect(covered.some((entry) => entry.field.endsWith('.whenToSeekHelp'))).toBe(true)
    const itKey = (treatment.translations as Array<{_key: string; language: string}>).find((state) => state.language === 'it')!._key
    const [translationPatch] = markReviewedPatch(treatment, 'it', {
      reviewer: 'Dr. A. Rossi',
      now: '2026-12-01T10:00:00Z',
      coveredTexts: markMedicallyReviewedPatch(treatment, resolve, {reviewer: 'x', date: '2026-12-01'}).set['medicalReview.coveredTexts'] as never,
    })
    expect(translationPatch!.set).toHaveProperty(`translations[_key=="${itKey}"].coveredTexts`)
    const reviewed = applySet(treatment, patch.set)
    expect(reviewChanges(reviewed, resolve)).toEqual([{review: 'medical', locale: 'en', reviewer: 'Dr. A. Rossi', changed: []}])
    const edited = {...reviewed, disclaimer: (reviewed.disclaimer as Array<Record<string, unknown>>).map((item) => (item.language === 'en' ? {...item, value: 'Changed.'} : item))}
    expect(reviewChanges(edited, resolve)[0]!.changed).toEqual([{field: 'disclaimer', change: 'changed'}])
  })

  it('refuses a review without a reviewer or a date, or of another type', async () => {
    const documents = await readNdjson(seedPath)
    const treatment = documents.find((document) => document._type === 'treatment')! as Record<string, unknown>
    expect(() => markMedicallyReviewedPatch(treatment, () => undefined, {reviewer: ' ', date: '2026-12-01'})).toThrow(/`reviewer` must be/)
    expect(() => markMedicallyReviewedPatch(treatment, () => undefined, {reviewer: 'Dr. A', date: 'today'})).toThrow(/`date` must be a date like 2026-12-01; got "today"/)
    expect(() => markMedicallyReviewedPatch({_id: 'c', _type: 'contraindication'}, () => undefined, {reviewer: 'Dr. A', date: '2026-12-01'})).toThrow(/is a contraindication, not a treatment/)
  })
})
