import {describe, expect, it} from 'vitest'

import {sampleDocument} from '../test-support/documents.ts'
import {documentTranslationStatus} from './document-translation-status.ts'
import {summarizeLocales, type LocaleSummary} from './summarize-locales.ts'
import {translationBadge} from './translation-badge.ts'

function summary(counts: Partial<LocaleSummary> & {locale: string}): LocaleSummary {
  const base = {total: 0, missing: 0, stale: 0, translated: 0, reviewed: 0, ...counts}
  const complete = base.translated + base.reviewed
  return {...base, complete, percentComplete: base.total === 0 ? 100 : (complete / base.total) * 100}
}

describe('translationBadge', () => {
  it('shows missing and stale counts of the open document per locale', async () => {
    const fields = await documentTranslationStatus(await sampleDocument())
    const badges = summarizeLocales(fields, ['it', 'de']).map(translationBadge)
    expect(badges).toEqual([
      {locale: 'it', label: 'it: 1 missing, 2 stale', title: 'Italiano: 1 missing, 2 stale, 1 reviewed (of 4 fields)', color: 'danger'},
      {locale: 'de', label: 'de: 3 missing', title: 'Deutsch: 3 missing, 1 translated – awaiting review (of 4 fields)', color: 'danger'},
    ])
  })

  it('is a warning when only stale fields are left', () => {
    expect(translationBadge(summary({locale: 'it', total: 13, stale: 2, translated: 11}))).toMatchObject({label: 'it: 2 stale', color: 'warning'})
  })

  it('says translated (awaiting review) or reviewed when nothing is missing or stale', () => {
    expect(translationBadge(summary({locale: 'it', total: 3, translated: 2, reviewed: 1}))).toEqual({
      locale: 'it',
      label: 'it: translated – awaiting review',
      title: 'Italiano: 2 translated – awaiting review, 1 reviewed (of 3 fields)',
      color: 'primary',
    })
    expect(translationBadge(summary({locale: 'de', total: 1, reviewed: 1}))).toEqual({
      locale: 'de',
      label: 'de: reviewed',
      title: 'Deutsch: 1 reviewed (of 1 field)',
      color: 'success',
    })
  })

  it('shows no badge for a document without text to translate', () => {
    expect(translationBadge(summary({locale: 'de'}))).toBeNull()
  })
})
