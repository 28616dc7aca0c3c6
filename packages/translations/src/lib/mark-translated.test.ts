import {sourceHash} from '@treatments/content/dataset'
import {describe, expect, it} from 'vitest'

import {sampleDocument} from '../test-support/documents.ts'
import {documentTranslationStatus} from './document-translation-status.ts'
import {markTranslatedPatch} from './mark-translated.ts'

const now = '2026-12-07T10:00:00.000Z'
const claim = 'claims[_key=="c1"].statement'

/** The field's state in `locale` after the patch is applied the way the Studio applies it. */
async function stateAfter(document: Awaited<ReturnType<typeof sampleDocument>>, locale: string, path: string) {
  const patched = {...document, ...markTranslatedPatch(document, locale, path, now).set}
  const status = (await documentTranslationStatus(patched, {locales: [locale]})).find((field) => field.field === path)
  return {patched, status}
}

describe('markTranslatedPatch', () => {
  it('makes a field typed in with no record of its source translated from the current English, as an import records it', async () => {
    const document = await sampleDocument()
    expect((await documentTranslationStatus(document, {locales: ['it']})).find((field) => field.field === claim)).toMatchObject({state: 'stale', reason: 'no-source-hash'})
    const {patched, status} = await stateAfter(document, 'it', claim)
    expect(status).toMatchObject({state: 'translated', recordedHash: sourceHash('Results last.')})
    const [italian, german] = patched.translations as Array<Record<string, unknown>>
    // The other fields' records stay; the review's name and date go (the locale is reviewed again).
    expect(italian).toEqual({
      _key: 'it',
      _type: 'translationState',
      language: 'it',
      status: 'translated',
      translatedAt: now,
      sourceHashes: [
        {_key: 'h1', _type: 'sourceHash', field: 'title', hash: sourceHash('Mesotherapy')},
        {_key: 'h2', _type: 'sourceHash', field: 'summary', hash: sourceHash('An older summary.')},
        {_key: 'h3', _type: 'sourceHash', field: claim, hash: sourceHash('Results last.')},
      ],
      reviewedTargetHashes: [{_key: 'r1', _type: 'sourceHash', field: claim, hash: expect.stringMatching(/^sha256-/)}],
      sourceTexts: [{_key: 's1', _type: 'sourceText', field: claim, hash: sourceHash('Results last.'), text: 'Results last.'}],
    })
    expect(german).toBe((document.translations as unknown[])[1])
  })

  it('makes a stale field current again when the translator vouches for it, and adds a state for a locale that has none', async () => {
    const document = await sampleDocument()
    expect((await stateAfter(document, 'it', 'summary')).status).toMatchObject({state: 'translated', recordedHash: sourceHash('A treatment.')})
    document.translations = []
    const {patched, status} = await stateAfter(document, 'de', 'title')
    expect(status).toMatchObject({state: 'translated'})
    expect(patched.translations).toEqual([expect.objectContaining({_key: 'de', language: 'de', status: 'translated'})])
  })

  it('refuses a field with no text to vouch for, an unknown field and the source language, with what and where', async () => {
    const document = await sampleDocument()
    expect(() => markTranslatedPatch(document, 'de', 'summary', now)).toThrow(new TypeError('markTranslatedPatch: summary of treatment-a has no German text'))
    expect(() => markTranslatedPatch(document, 'de', 'body', now)).toThrow(new TypeError('markTranslatedPatch: body of treatment-a has no German text'))
    expect(() => markTranslatedPatch(document, 'it', 'subtitle', now)).toThrow(new TypeError('markTranslatedPatch: document treatment-a has no localized field subtitle'))
    expect(() => markTranslatedPatch(document, 'en', 'title', now)).toThrow(new TypeError('markTranslatedPatch: en is the source language, not a translation'))
  })
})
