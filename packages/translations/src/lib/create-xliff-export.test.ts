import {describe, expect, it} from 'vitest'

import {sampleDocument} from '../test-support/documents.ts'
import {createXliffExport} from './create-xliff-export.ts'
import {previousSourceKey} from './previous-sources.ts'

describe('createXliffExport', () => {
  it('exports every field with English text, with its translation as target: current, or for a stale field the previous one to revise', async () => {
    const result = await createXliffExport([await sampleDocument()], {locale: 'it'})
    expect(result).toMatchObject({locale: 'it', documents: 1, units: {missing: 1, stale: 2, translated: 0, reviewed: 1}, unsupported: []})
    expect(result.xml).toContain('<segment canResegment="no" state="reviewed">\n        <source>Mesotherapy</source>\n        <target>Mesoterapia</target>')
    expect(result.xml).toContain(
      '<segment canResegment="no" state="initial" subState="treatments:stale">\n        <source>A treatment.</source>\n        <target>Un trattamento.</target>',
    )
    expect(result.xml).toContain('<segment id="b1" canResegment="no">\n        <source>Heading</source>\n      </segment>')
  })

  it('puts a stale field’s old source and the word diff to the new one in notes, when known', async () => {
    const previousSources = new Map([[previousSourceKey('treatment-a', 'summary'), {text: 'A cellulite treatment.', from: 'history' as const}]])
    const result = await createXliffExport([await sampleDocument()], {locale: 'it', only: ['stale'], previousSources})
    expect(result.xml).toContain(
      '<notes>\n        <note category="sourceHash">sha256-4caf3794afc443aa05e6be981d3bb026b52c62f8b9e8ecef0f39fed42841f200</note>\n' +
        '        <note category="translationState">stale</note>\n' +
        '        <note category="previousSource" appliesTo="source">A cellulite treatment.</note>\n' +
        '        <note category="sourceChange" appliesTo="source">A [-cellulite -]treatment.</note>\n      </notes>',
    )
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
