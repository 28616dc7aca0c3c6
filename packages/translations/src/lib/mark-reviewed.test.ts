import {sourceHash} from '@treatments/content/dataset'
import {describe, expect, it} from 'vitest'

import {sampleDocument} from '../test-support/documents.ts'
import {documentTranslationStatus} from './document-translation-status.ts'
import {markReviewedAvailability, markReviewedPatch} from './mark-reviewed.ts'

describe('markReviewedPatch', () => {
  it('sets status, reviewer, time and the hash of each reviewed text on the locale’s translation state, addressed by its _key', async () => {
    expect(markReviewedPatch(await sampleDocument(), 'de', {reviewer: 'Dr. Weber', now: '2026-03-01T10:00:00.000Z'})).toEqual([
      {
        set: {
          'translations[_key=="de"].status': 'reviewed',
          'translations[_key=="de"].reviewedBy': 'Dr. Weber',
          'translations[_key=="de"].reviewedAt': '2026-03-01T10:00:00.000Z',
          'translations[_key=="de"].reviewedTargetHashes': [{_key: 'r1', _type: 'sourceHash', field: 'title', hash: await sourceHash('Mesotherapie')}],
        },
      },
    ])
  })

  it('records target hashes only for fields translated from the current English, leaving stale ones out', async () => {
    const [patch] = markReviewedPatch(await sampleDocument(), 'it', {reviewer: 'Dr. Rossi', now: '2026-03-01T10:00:00.000Z'})
    expect(patch!.set['translations[_key=="it"].reviewedTargetHashes']).toEqual([
      {_key: 'r1', _type: 'sourceHash', field: 'title', hash: await sourceHash('Mesoterapia')},
    ])
  })

  it('refuses a locale without a translation state, or an anonymous reviewer', async () => {
    const document = await sampleDocument()
    document.translations = []
    expect(() => markReviewedPatch(document, 'de', {reviewer: 'A', now: ''})).toThrow(
      new TypeError('markReviewedPatch: document treatment-a has no translation state for "de"'),
    )
    const reviewed = await sampleDocument()
    expect(() => markReviewedPatch(reviewed, 'de', {reviewer: ' ', now: ''})).toThrow(
      new TypeError('markReviewedPatch: `reviewer` must be the name of the person who reviewed'),
    )
  })
})

describe('markReviewedAvailability', () => {
  it('is enabled while fields translated from the current text await review, and says what stays unreviewed', async () => {
    const document = await sampleDocument()
    const fields = await documentTranslationStatus(document)
    expect(markReviewedAvailability(document, fields, 'de')).toEqual({
      disabled: false,
      title: 'Record that you reviewed the German translation (1 field translated – awaiting review); not covered: 3 fields missing.',
    })
  })

  it('is disabled while checking, when nothing is translated, when only stale fields remain, and when already reviewed', async () => {
    const document = await sampleDocument()
    const fields = await documentTranslationStatus(document)
    expect(markReviewedAvailability(document, undefined, 'it')).toEqual({disabled: true, title: 'Checking the translation…'})
    expect(markReviewedAvailability({...document, translations: []}, fields, 'de')).toEqual({
      disabled: true,
      title: 'Nothing has been translated into German yet: every field is missing.',
    })
    expect(markReviewedAvailability(document, fields, 'it')).toEqual({
      disabled: true,
      title: 'No Italian field is translated – awaiting review: update the 2 fields that are stale first.',
    })
    const reviewedOnly = fields.filter((field) => field.locale === 'it' && field.state === 'reviewed')
    expect(markReviewedAvailability(document, reviewedOnly, 'it')).toEqual({disabled: true, title: 'The Italian translation is already reviewed.'})
  })
})
