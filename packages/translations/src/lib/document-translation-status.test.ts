import {sourceHash} from '@treatments/content/dataset'
import {describe, expect, it} from 'vitest'

import {block, blockItem, sampleDocument, stringItem} from '../test-support/documents.ts'
import {documentTranslationStatus} from './document-translation-status.ts'
import {markReviewedAvailability, markReviewedPatch} from './mark-reviewed.ts'
import {translationStatus} from './translation-status.ts'

describe('documentTranslationStatus', () => {
  it('tells missing, stale, translated and reviewed apart per field and locale', async () => {
    const statuses = await documentTranslationStatus(await sampleDocument())
    expect(statuses.map((status) => [status.field, status.locale, status.state, status.reason])).toEqual([
      ['title', 'it', 'reviewed', undefined],
      ['title', 'de', 'translated', undefined],
      ['summary', 'it', 'stale', 'source-changed'],
      ['summary', 'de', 'missing', 'no-text'],
      ['body', 'it', 'missing', 'no-text'],
      ['body', 'de', 'missing', 'no-text'],
      ['claims[_key=="c1"].statement', 'it', 'stale', 'no-source-hash'],
      ['claims[_key=="c1"].statement', 'de', 'missing', 'no-text'],
    ])
  })

  it('reports the current and the recorded source hash', async () => {
    const [summaryIt] = (await documentTranslationStatus(await sampleDocument(), {locales: ['it']})).filter((status) => status.field === 'summary')
    expect(summaryIt).toEqual({
      documentId: 'treatment-a',
      documentType: 'treatment',
      field: 'summary',
      itemType: 'internationalizedArrayStringValue',
      locale: 'it',
      state: 'stale',
      reason: 'source-changed',
      sourceHash: await sourceHash('A treatment.'),
      recordedHash: await sourceHash('An older summary.'),
    })
  })

  it('counts a translation stale as soon as the English text changes', async () => {
    const document = await sampleDocument()
    ;(document.title as Array<Record<string, unknown>>)[0]!.value = 'Mesotherapy, revised'
    const title = (await documentTranslationStatus(document)).filter((status) => status.field === 'title')
    expect(title.map((status) => [status.locale, status.state])).toEqual([
      ['it', 'stale'],
      ['de', 'stale'],
    ])
  })

  it('counts a reviewed translation as translated again once its text is edited after the review, and reviewed when restored', async () => {
    const document = await sampleDocument()
    const [patch] = markReviewedPatch(document, 'de', {reviewer: 'Dr. Weber', now: '2026-03-01T10:00:00.000Z'})
    const state = (document.translations as Array<Record<string, unknown>>).find((entry) => entry._key === 'de')!
    for (const [path, value] of Object.entries(patch!.set)) state[path.split('.').at(-1)!] = value
    const titleDe = async () => (await documentTranslationStatus(document, {locales: ['de']})).find((status) => status.field === 'title')!
    expect(await titleDe()).toMatchObject({state: 'reviewed'})
    expect(await titleDe()).not.toHaveProperty('reason')

    const title = document.title as Array<Record<string, unknown>>
    title[2]!.value = 'Mesotherapie, nachträglich geändert'
    expect(await titleDe()).toMatchObject({state: 'translated', reason: 'edited-since-review'})
    expect(markReviewedAvailability(document, await documentTranslationStatus(document), 'de')).toMatchObject({disabled: false})

    title[2]!.value = 'Mesotherapie'
    expect(await titleDe()).toMatchObject({state: 'reviewed'})
  })

  it('counts a field the review recorded no hash for as translated, and a review from before target hashes as covering the text as it is', async () => {
    const document = await sampleDocument()
    const [italian, german] = document.translations as Array<Record<string, unknown>>
    german!.status = 'reviewed'
    german!.reviewedTargetHashes = []
    ;(document.title as Array<Record<string, unknown>>)[1]!.value = 'Mesoterapia, modificata'
    const title = (await documentTranslationStatus(document)).filter((status) => status.field === 'title')
    expect(title.map((status) => [status.locale, status.state, status.reason])).toEqual([
      ['it', 'reviewed', undefined],
      ['de', 'translated', undefined],
    ])
    expect(italian).not.toHaveProperty('reviewedTargetHashes')
  })

  it('skips fields without English text, and treats Portable Text without words as missing', async () => {
    const document = {
      _id: 'd',
      _type: 't',
      note: [stringItem('en', ' '), stringItem('it', 'Nota')],
      body: [blockItem('en', [block('b1', [['Text']])]), blockItem('it', [block('b1', [['  ']])])],
    }
    const statuses = await documentTranslationStatus(document, {locales: ['it']})
    expect(statuses.map((status) => [status.field, status.state])).toEqual([['body', 'missing']])
  })

  it('rejects unknown locales and documents without ids with a TypeError', async () => {
    await expect(documentTranslationStatus(await sampleDocument(), {locales: ['fr']})).rejects.toThrow(
      new TypeError('documentTranslationStatus: "fr" is not a translation locale; expected one of it, de'),
    )
    await expect(documentTranslationStatus(await sampleDocument(), {locales: ['en']})).rejects.toThrow(TypeError)
    await expect(documentTranslationStatus({_type: 'x'} as never)).rejects.toThrow(
      new TypeError('documentTranslationStatus expects a document with a string `_id` and `_type`'),
    )
  })
})

describe('translationStatus', () => {
  it('summarizes every locale: percent complete is translated plus reviewed over all fields', async () => {
    const report = await translationStatus([await sampleDocument()])
    expect(report.baseLocale).toBe('en')
    expect(report.locales).toEqual([
      {locale: 'it', total: 4, missing: 1, stale: 2, translated: 0, reviewed: 1, complete: 1, percentComplete: 25},
      {locale: 'de', total: 4, missing: 3, stale: 0, translated: 1, reviewed: 0, complete: 1, percentComplete: 25},
    ])
    expect(report.fields).toHaveLength(8)
  })

  it('reports only the requested locales', async () => {
    const report = await translationStatus([await sampleDocument()], {locales: ['de']})
    expect(report.locales.map((summary) => summary.locale)).toEqual(['de'])
    expect(new Set(report.fields.map((field) => field.locale))).toEqual(new Set(['de']))
  })
})
