import {describe, expect, it} from 'vitest'

import type {FieldStatus} from './document-translation-status.ts'
import {formatStatusTable} from './format-status-table.ts'
import {formatPercent, summarizeLocales} from './summarize-locales.ts'

const field = (locale: string, state: FieldStatus['state']): FieldStatus => ({
  documentId: 'd',
  documentType: 't',
  field: `f-${Math.random()}`,
  itemType: 'internationalizedArrayStringValue',
  locale,
  state,
  sourceHash: 'sha256-x',
})

describe('formatStatusTable', () => {
  it('prints one aligned row per locale with percent complete and the counts', () => {
    const fields = [
      ...Array.from({length: 2}, () => field('it', 'translated')),
      field('it', 'reviewed'),
      ...Array.from({length: 2}, () => field('de', 'missing')),
      field('de', 'stale'),
    ]
    expect(formatStatusTable(summarizeLocales(fields, ['it', 'de']))).toBe(
      [
        'locale  complete  missing  stale  translated – awaiting review  reviewed  total',
        'it        100.0%        0      0                             2         1      3',
        'de          0.0%        2      1                             0         0      3',
      ].join('\n'),
    )
  })

  it('shows no percentage for a locale without fields (nothing is not 100% complete)', () => {
    expect(formatStatusTable(summarizeLocales([], ['de'])).split('\n')[1]).toBe('de             –        0      0                             0         0      0')
  })

  it('rounds percentages down so that incomplete never shows as 100%', () => {
    expect(formatPercent(99.96)).toBe('99.9%')
    expect(formatPercent(100)).toBe('100.0%')
    expect(formatPercent(24)).toBe('24.0%')
    expect(summarizeLocales([], ['de'])[0]!.percentComplete).toBe(100)
  })
})
