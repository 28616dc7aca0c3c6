import {describe, expect, it} from 'vitest'

import {sampleDocument} from '../test-support/documents.ts'
import {documentTranslationStatus} from './document-translation-status.ts'
import {fieldLabel, translationPanelModel} from './translation-panel-model.ts'

describe('translationPanelModel', () => {
  it('lists the missing, then the stale fields of each locale with a headline and the reason', async () => {
    const model = translationPanelModel(await documentTranslationStatus(await sampleDocument()), ['it', 'de'])
    expect(model.map(({locale, title, headline, items}) => ({locale, title, headline, items}))).toEqual([
      {
        locale: 'it',
        title: 'Italiano',
        headline: 'needs translation: 1 missing, 2 stale, 1 reviewed (of 4 fields)',
        items: [
          {field: 'body', label: 'body', state: 'missing', word: 'missing', note: 'no text in this language'},
          {field: 'summary', label: 'summary', state: 'stale', word: 'stale', note: 'the English text changed since it was translated'},
          {
            field: 'claims[_key=="c1"].statement',
            label: 'claims › c1 › statement',
            state: 'stale',
            word: 'stale',
            note: 'no record of the English text it was translated from',
          },
        ],
      },
      {
        locale: 'de',
        title: 'Deutsch',
        headline: 'needs translation: 3 missing, 1 translated – awaiting review (of 4 fields)',
        items: [
          {field: 'summary', label: 'summary', state: 'missing', word: 'missing', note: 'no text in this language'},
          {field: 'body', label: 'body', state: 'missing', word: 'missing', note: 'no text in this language'},
          {field: 'claims[_key=="c1"].statement', label: 'claims › c1 › statement', state: 'missing', word: 'missing', note: 'no text in this language'},
        ],
      },
    ])
  })

  it('says when a locale is complete, awaiting review or reviewed, or has nothing to translate', async () => {
    const fields = (await documentTranslationStatus(await sampleDocument())).filter((field) => field.field === 'title')
    expect(translationPanelModel(fields, ['it', 'de']).map((section) => section.headline)).toEqual([
      'reviewed: 1 reviewed (of 1 field)',
      'translated – awaiting review: 1 translated – awaiting review (of 1 field)',
    ])
    expect(translationPanelModel([], ['de'])[0]!.headline).toBe('nothing to translate')
  })

  it('makes paths readable', () => {
    expect(fieldLabel('alternateNames[_key=="orange-peel"].name')).toBe('alternateNames › orange-peel › name')
    expect(fieldLabel('steps[2].caption')).toBe('steps › 2 › caption')
  })
})
