import {describe, expect, it} from 'vitest'

import {sampleDocument} from '../test-support/documents.ts'
import {translateXliff} from '../test-support/test-translator.ts'
import {createXliffExport} from './create-xliff-export.ts'
import {parseXliff} from './parse-xliff.ts'
import type {XliffError} from './xliff-error.ts'

async function exported(locale = 'de'): Promise<string> {
  return (await createXliffExport([await sampleDocument()], {locale})).xml!
}

function rejection(text: string, locale?: string): XliffError {
  try {
    parseXliff(text, locale === undefined ? {} : {locale})
  } catch (error) {
    return error as XliffError
  }
  throw new Error('expected a rejection')
}

describe('parseXliff', () => {
  it('reads files, units with their field path and source hash, segments, codes and original data', async () => {
    const parsed = parseXliff(translateXliff(await exported(), (text) => `[DE] ${text}`))
    expect(parsed).toMatchObject({version: '2.0', srcLang: 'en', trgLang: 'de'})
    const [file] = parsed.files
    expect(file!.id).toBe('treatment-a')
    expect(file!.units.map((unit) => [unit.id, unit.name])).toEqual([
      ['title', 'title'],
      ['summary', 'summary'],
      ['body', 'body'],
      ['claims:c1.statement', 'claims[_key=="c1"].statement'],
    ])
    const body = file!.units[2]!
    expect(body.sourceHash).toMatch(/^sha256-[0-9a-f]{64}$/)
    expect([...body.data]).toEqual([
      ['d1', 'https://example.org/en'],
      ['d2', 'strong'],
    ])
    expect(body.segments[1]!.target).toEqual([
      {kind: 'text', text: '[DE] See '},
      {
        kind: 'pc',
        id: 'm1',
        type: 'link',
        dataRefStart: 'd1',
        children: [
          {kind: 'text', text: '[DE] the '},
          {kind: 'pc', id: 'm2', type: 'fmt', subType: 'xlf:b', dataRefStart: 'd2', children: [{kind: 'text', text: '[DE] bold'}]},
        ],
      },
      {kind: 'text', text: '[DE]  and more.'},
    ])
  })

  it('rejects XLIFF 1.2 and other namespaces', () => {
    const error = rejection('<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file/></xliff>')
    expect(error.code).toBe('NOT_XLIFF')
    expect(error.message).toBe(
      'Not an XLIFF 2 file: the root element is <xliff> in namespace "urn:oasis:names:tc:xliff:document:1.2"; expected <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0">',
    )
    expect(rejection('<html/>').message).toBe(
      'Not an XLIFF 2 file: the root element is <html> without a namespace; expected <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0">',
    )
  })

  it('rejects an unsupported version', async () => {
    const error = rejection((await exported()).replace('version="2.0"', 'version="3.0"'))
    expect(error.code).toBe('UNSUPPORTED_VERSION')
    expect(error.message).toBe('Unsupported XLIFF version "3.0": expected version="2.0" (or "2.1")')
    expect(parseXliff((await exported()).replace('version="2.0"', 'version="2.1"')).version).toBe('2.1')
  })

  it('rejects a wrong source or target language', async () => {
    const xml = await exported()
    expect(rejection(xml.replace('srcLang="en"', 'srcLang="it"')).message).toBe(
      'Wrong source language: srcLang is "it"; the source of every translation is "en"',
    )
    expect(rejection(xml.replace('trgLang="de"', 'trgLang="fr"'))).toMatchObject({
      code: 'WRONG_LANGUAGE',
      message: 'Wrong target language: trgLang is "fr"; expected one of it, de',
    })
    expect(rejection(xml, 'it').message).toBe('Wrong target language: trgLang is "de", but the import is for "it"')
  })

  it('rejects a file whose trgLang is not the locale it was exported for, and reads a file exported before that was recorded', async () => {
    const xml = await exported('de')
    expect(rejection(xml.replace('trgLang="de"', 'trgLang="it"'))).toMatchObject({
      code: 'WRONG_LANGUAGE',
      message: 'Wrong target language: trgLang is "it", but the file was exported for "de" (its <note category="exportLocale">); set trgLang back to "de", or export again for "it"',
      problems: [],
    })
    expect(rejection(xml.replace('trgLang="de"', 'trgLang="it"'), 'it').message).toContain('but the file was exported for "de"')
    // A second file exported for another locale, pasted in: every recorded locale is checked.
    const file = /<file [\s\S]*?<\/file>/.exec(xml)![0]
    const other = file.replace('id="treatment-a"', 'id="treatment-b"').replace('<note category="exportLocale">de</note>', '<note category="exportLocale">it</note>')
    expect(rejection(xml.replace(file, `${file}${other}`)).message).toBe(
      'Wrong target language: trgLang is "de", but the file was exported for "it" (its <note category="exportLocale">); set trgLang back to "it", or export again for "de"',
    )
    const older = xml.replace(/\s*<note category="exportLocale">de<\/note>/, '')
    expect(older).not.toContain('exportLocale')
    expect(parseXliff(older.replace('trgLang="de"', 'trgLang="it"'))).toMatchObject({trgLang: 'it', files: [{id: 'treatment-a'}]})
  })

  it('rejects a target whose xml:lang is not the file’s trgLang, an <ignorable> and a second file with the same id', async () => {
    const xml = translateXliff(await exported(), (text) => text).replace('<target>Mesotherapy</target>', '<target xml:lang="it">Mesotherapy</target>')
    const file = /<file [\s\S]*?<\/file>/.exec(xml)![0]
    const error = rejection(xml.replace(file, `${file}${file}`).replace('<segment canResegment="no" state="translated">', '<ignorable><source> </source></ignorable><segment canResegment="no" state="translated">'))
    expect(error.problems).toEqual([
      'file "treatment-a", unit "title": unsupported <ignorable> (line 18); keep the segments as exported',
      'file "treatment-a" appears twice (line 92); first (line 2)',
      'file "treatment-a", unit "title": the <target> of the segment (line 18) has xml:lang="it", but the file\'s trgLang is "de"',
    ])
  })

  it('rejects duplicate units and files, missing hashes and unsupported inline elements, listing every problem', async () => {
    const xml = translateXliff(await exported(), (text) => text)
    const title = /<unit id="title"[\s\S]*?<\/unit>/.exec(xml)![0]
    const broken = xml
      .replace(title, `${title}${title}`)
      .replace('<note category="sourceHash">', '<note category="other">')
      .replace('<target>Item</target>', '<target><mrk id="x" translate="no">Item</mrk></target>')
    const error = rejection(broken)
    expect(error.code).toBe('INVALID_XLIFF')
    expect(error.problems).toEqual([
      'file "treatment-a", unit "title": no <note category="sourceHash"> (line 7); it is needed to detect source changes',
      'file "treatment-a", unit "body", segment "b3", <target>: unsupported inline element <mrk> (line 90); use the <pc> and <ph> codes of the source',
      'file "treatment-a": unit "title" appears twice (line 22); first (line 7)',
    ])
    expect(error.message.split('\n')[0]).toBe('Rejected: the XLIFF file is not in the form this tool exports; nothing was imported')
  })
})
