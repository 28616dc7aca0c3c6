import {sourceHash} from '@treatments/content/dataset'
import {describe, expect, it} from 'vitest'

import {sampleDocument} from '../test-support/documents.ts'
import {documentTranslationStatus, type FieldStatus} from './document-translation-status.ts'
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

  it('leaves out a field whose translation is blank, even when translated from the current English', async () => {
    const document = await sampleDocument()
    const de = (document.translations as Array<{sourceHashes: unknown[]}>)[1]!
    de.sourceHashes.push({_key: 'h2', _type: 'sourceHash', field: 'summary', hash: await sourceHash('A treatment.')})
    const [patch] = markReviewedPatch(document, 'de', {reviewer: 'Dr. Weber', now: '2026-03-01T10:00:00.000Z'})
    expect(patch!.set['translations[_key=="de"].reviewedTargetHashes']).toEqual([{_key: 'r1', _type: 'sourceHash', field: 'title', hash: await sourceHash('Mesotherapie')}])
  })

  it('refuses a translation state without a _key to address it, and a reviewer that is not a name', async () => {
    const document = await sampleDocument()
    delete (document.translations as Array<{_key?: string}>)[1]!._key
    expect(() => markReviewedPatch(document, 'de', {reviewer: 'A', now: ''})).toThrow(
      new TypeError('markReviewedPatch: document treatment-a has no translation state for "de"'),
    )
    const whole = await sampleDocument()
    expect(() => markReviewedPatch(whole, 'de', {reviewer: undefined as never, now: ''})).toThrow(
      new TypeError('markReviewedPatch: `reviewer` must be the name of the person who reviewed'),
    )
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

  it('counts fields in its title, one or many, and says nothing stays unreviewed when nothing does', async () => {
    const document = await sampleDocument()
    const fields = (...states: string[]) => states.map((state, index) => ({locale: 'de', field: `f${index}`, state}) as FieldStatus)
    const title = (...states: string[]) => markReviewedAvailability(document, [...fields(...states), {locale: 'it', field: 'x', state: 'missing'} as FieldStatus], 'de').title
    const awaiting = 'translated – awaiting review'
    expect(title('translated', 'translated')).toBe(`Record that you reviewed the German translation (2 fields ${awaiting}).`)
    expect(title('translated', 'reviewed')).toBe(`Record that you reviewed the German translation (1 field ${awaiting}).`)
    expect(title('translated', 'missing')).toBe(`Record that you reviewed the German translation (1 field ${awaiting}); not covered: 1 field missing.`)
    expect(title('translated', 'stale', 'missing', 'reviewed')).toBe(`Record that you reviewed the German translation (1 field ${awaiting}); not covered: 1 field missing, 1 field stale.`)
    expect(title('translated', 'stale', 'missing', 'stale', 'missing')).toBe(`Record that you reviewed the German translation (1 field ${awaiting}); not covered: 2 fields missing, 2 fields stale.`)
    expect(title('stale', 'reviewed')).toBe(`No German field is ${awaiting}: update the 1 field that is stale first.`)
    expect(title('stale', 'stale', 'missing')).toBe(`No German field is ${awaiting}: update the 2 fields that are stale first.`)
  })

  it('is disabled while every field of the locale is missing, though a translation state exists', async () => {
    const document = await sampleDocument()
    const missing = [{locale: 'de', field: 'title', state: 'missing'}, {locale: 'de', field: 'summary', state: 'missing'}] as FieldStatus[]
    expect(markReviewedAvailability(document, missing, 'de')).toEqual({disabled: true, title: 'Nothing has been translated into German yet: every field is missing.'})
  })
})
