import {sourceHash} from '@treatments/content/dataset'
import {describe, expect, it} from 'vitest'

import {markMedicallyReviewedPatch} from './mark-medically-reviewed.ts'

const text = (en: string, it?: string) => [{_key: 'en', language: 'en', value: en}, ...(it === undefined ? [] : [{_key: 'it', language: 'it', value: it}])]
const contraindication = {_id: 'c1', _type: 'contraindication', text: text('Pregnancy', 'Gravidanza')}
const treatment = {_id: 't', _type: 'treatment', disclaimer: text('Ask your doctor.', 'Chiedi al medico.'), contraindications: [{_key: 'k', _ref: 'c1'}]}
const resolve = (id: string) => (id === 'c1' ? contraindication : undefined)

describe('markMedicallyReviewedPatch', () => {
  it('sets the review, the trimmed reviewer, the date and the English safety texts the doctor read', () => {
    expect(markMedicallyReviewedPatch(treatment, resolve, {reviewer: '  Dr. A. Rossi ', date: '2026-12-01'})).toEqual({
      set: {
        'medicalReview.status': 'reviewed',
        'medicalReview.reviewer': 'Dr. A. Rossi',
        'medicalReview.lastReviewed': '2026-12-01',
        'medicalReview.coveredTexts': [
          {_key: 'c1', _type: 'coveredText', field: 'disclaimer', hash: sourceHash('Ask your doctor.')},
          {_key: 'c2', _type: 'coveredText', field: 'contraindications[c1].text', hash: sourceHash('Pregnancy')},
        ],
      },
    })
  })

  it('refuses another document type, a blank reviewer and anything but a YYYY-MM-DD date', () => {
    const review = {reviewer: 'Dr. A', date: '2026-12-01'}
    expect(() => markMedicallyReviewedPatch({...contraindication}, resolve, review)).toThrow(
      new TypeError('markMedicallyReviewedPatch: document c1 is a contraindication, not a treatment'),
    )
    for (const reviewer of ['', ' \t', undefined]) {
      expect(() => markMedicallyReviewedPatch(treatment, resolve, {...review, reviewer: reviewer as string})).toThrow(
        new TypeError('markMedicallyReviewedPatch: `reviewer` must be the name of the doctor who reviewed'),
      )
    }
    for (const date of ['2026-12-1', 'on 2026-12-01', '2026-12-01T10:00:00Z', '20261201', ['2026-12-01'], undefined]) {
      expect(() => markMedicallyReviewedPatch(treatment, resolve, {...review, date: date as string})).toThrow(
        new TypeError(`markMedicallyReviewedPatch: \`date\` must be a date like 2026-12-01; got ${JSON.stringify(date)}`),
      )
    }
  })
})
