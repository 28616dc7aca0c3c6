import {describe, expect, it} from 'vitest'

import {linkedBody} from '../test-support/documents.ts'
import {buildXliff, type XliffInput} from './build-xliff.ts'
import {parseXliff} from './parse-xliff.ts'
import {unitContent} from './unit-content.ts'

const input = (source: unknown, targets?: XliffInput['files'][number]['units'][number]['targets']): XliffInput => ({
  srcLang: 'en',
  trgLang: 'de',
  files: [
    {
      documentId: 'doc-1',
      documentType: 'treatment',
      units: [{field: 'body', itemType: 'internationalizedArrayBlockContentValue', sourceHash: 'sha256-abc', state: 'missing', content: unitContent(source)!, ...(targets ? {targets} : {})}],
    },
  ],
})

describe('buildXliff', () => {
  it('writes XLIFF 2.0 with the hash in a note, block metadata, original data and paired codes', () => {
    const xml = buildXliff(input(linkedBody))
    expect(xml).toContain('<xliff xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" version="2.0" srcLang="en" trgLang="de" xmlns="urn:oasis:names:tc:xliff:document:2.0">')
    expect(xml).toContain('<note category="sourceHash">sha256-abc</note>')
    expect(xml).toContain('<mda:meta type="listItem">bullet</mda:meta>')
    expect(xml).toContain('<data id="d1">https://example.org/en</data>')
    expect(xml).toContain(
      '<segment id="b2" canResegment="no">\n        <source>See <pc id="m1" type="link" dataRefStart="d1" canDelete="no">the <pc id="m2" type="fmt" subType="xlf:b" dataRefStart="d2" canDelete="no">bold</pc></pc> and more.</source>\n      </segment>',
    )
  })

  it('records in a note of every file the locale it was exported for, which tools keep and the import checks trgLang against', () => {
    const xml = buildXliff(input('Mesotherapy'))
    expect(xml).toContain('<notes>\n      <note category="documentType">treatment</note>\n      <note category="exportLocale">de</note>\n    </notes>')
  })

  it('writes characters XML cannot hold as <cp> and reads them back', () => {
    const text = 'bell\u0007 and \uFFFF and markup <b>&amp;'
    const xml = buildXliff({...input(text), files: [{...input(text).files[0]!, units: [{...input(text).files[0]!.units[0]!, field: 'title'}]}]})
    expect(xml).toContain('<source>bell<cp hex="0007"/> and <cp hex="FFFF"/> and markup &lt;b&gt;&amp;amp;</source>')
    const parsed = parseXliff(xml)
    expect(parsed.files[0]!.units[0]!.segments[0]!.source).toEqual([{kind: 'text', text}])
  })

  it('writes carriage returns as <cp hex="000D"/> in source and target, so XML line-end normalization cannot turn them into line feeds', () => {
    const xml = buildXliff(input('Line one\r\nLine two', [[{kind: 'text', text: 'Zeile eins\r\nZeile zwei\r'}]]))
    expect(xml).toContain('<source>Line one<cp hex="000D"/>\nLine two</source>')
    expect(xml).toContain('<target>Zeile eins<cp hex="000D"/>\nZeile zwei<cp hex="000D"/></target>')
    expect(xml).not.toContain('\r')
    const [segment] = parseXliff(xml).files[0]!.units[0]!.segments
    expect(segment!.source).toEqual([{kind: 'text', text: 'Line one\r\nLine two'}])
    expect(segment!.target).toEqual([{kind: 'text', text: 'Zeile eins\r\nZeile zwei\r'}])
    const asReference = parseXliff(xml.replace('<source>Line one<cp hex="000D"/>', '<source>Line one&#13;')).files[0]!.units[0]!.segments[0]!
    expect(asReference.source).toEqual([{kind: 'text', text: 'Line one\r\nLine two'}])
  })

  it('writes a target with a state when a current translation is given', () => {
    const xml = buildXliff(input('Hello', [[{kind: 'text', text: 'Hallo'}]]))
    expect(xml).toContain('<segment canResegment="no" state="translated">\n        <source>Hello</source>\n        <target>Hallo</target>')
  })

  it('refuses to write an XLIFF without files or units, which the schema forbids', () => {
    expect(() => buildXliff({srcLang: 'en', trgLang: 'de', files: []})).toThrow(
      new TypeError('buildXliff: an XLIFF document needs at least one <file>; there is nothing to export'),
    )
    expect(() => buildXliff({srcLang: 'en', trgLang: 'de', files: [{documentId: 'a', documentType: 't', units: []}]})).toThrow(
      new TypeError('buildXliff: document "a" has no units; leave it out'),
    )
  })
})
