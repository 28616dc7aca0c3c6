import {describe, expect, it} from 'vitest'

import {sampleDocument} from '../test-support/documents.ts'
import {createXliffExport} from './create-xliff-export.ts'

describe('createXliffExport', () => {
  it('exports every field with English text, with a target only where the translation is current', async () => {
    const result = await createXliffExport([await sampleDocument()], {locale: 'it'})
    expect(result).toMatchObject({locale: 'it', documents: 1, units: {missing: 1, stale: 2, translated: 0, reviewed: 1}, unsupported: []})
    expect(result.xml).toContain('<segment canResegment="no" state="reviewed">\n        <source>Mesotherapy</source>\n        <target>Mesoterapia</target>')
    expect(result.xml).toContain('<segment canResegment="no">\n        <source>A treatment.</source>\n      </segment>')
    expect(result.xml).not.toContain('Un trattamento.')
  })

  it('exports only the states asked for, and nothing (no XML) when none match', async () => {
    const stale = await createXliffExport([await sampleDocument()], {locale: 'it', only: ['stale']})
    expect(stale.units).toEqual({missing: 0, stale: 2, translated: 0, reviewed: 0})
    expect([...stale.xml!.matchAll(/<unit id="([^"]+)"/g)].map((match) => match[1])).toEqual(['summary', 'claims:c1.statement'])
    const none = await createXliffExport([await sampleDocument()], {locale: 'de', only: ['reviewed']})
    expect(none).toEqual({locale: 'de', xml: undefined, documents: 0, units: {missing: 0, stale: 0, translated: 0, reviewed: 0}, unsupported: []})
  })

  it('rejects an unknown locale or state with a TypeError', async () => {
    await expect(createXliffExport([], {locale: 'en'})).rejects.toThrow(
      new TypeError('createXliffExport: "en" is not a translation locale; expected one of it, de'),
    )
    await expect(createXliffExport([], {locale: 'de', only: ['done' as never]})).rejects.toThrow(
      new TypeError('createXliffExport: option "only" has "done"; expected some of missing, stale, translated, reviewed'),
    )
  })
})
