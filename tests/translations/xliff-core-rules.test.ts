import {exportXliff} from '@treatments/translations'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {translateXliff} from '../../packages/translations/src/test-support/test-translator.ts'
import {xliffCoreViolations} from './support/xliff-core-rules.ts'
import {startTempLake, type TempLake} from './support/temp-lake.ts'

// The OASIS XSD cannot be installed from npm or Debian here, so this checks the rules of the
// XLIFF 2.0 core schema that matter for this export (see support/xliff-core-rules.ts).
let temp: TempLake
let exports: Record<string, string>
beforeAll(async () => {
  temp = await startTempLake()
  exports = {
    de: (await exportXliff(temp.client, {locale: 'de'})).xml!,
    it: (await exportXliff(temp.client, {locale: 'it'})).xml!,
  }
})
afterAll(async () => {
  await temp.close()
})

describe('the exported XLIFF', () => {
  it('follows the XLIFF 2.0 core rules, with and without targets', () => {
    expect(xliffCoreViolations(exports.de!)).toEqual([])
    expect(xliffCoreViolations(exports.it!)).toEqual([])
    expect(xliffCoreViolations(translateXliff(exports.de!, (text) => `[DE] ${text}`))).toEqual([])
  })

  it('uses the 2.0 namespace and version and has a file per document and a unit per field', () => {
    const xml = exports.it!
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><xliff ')).toBe(true)
    expect(xml).toMatch(/<xliff [^>]*version="2\.0" srcLang="en" trgLang="it" xmlns="urn:oasis:names:tc:xliff:document:2\.0">/)
    expect(xml.match(/<file /g)).toHaveLength(26)
    expect(xml.match(/<unit /g)).toHaveLength(50)
  })

  it('is caught by the rule check when it breaks the schema (so the check is not vacuous)', () => {
    const xml = exports.it!
    expect(xliffCoreViolations(xml.replace('version="2.0"', 'version="2.1"'))).toEqual(['version must be "2.0", is "2.1"'])
    expect(xliffCoreViolations(xml.replace('<unit id="title" name="title">', '<unit name="title">'))).toEqual(['<unit> needs attribute id'])
    expect(xliffCoreViolations(xml.replace('<unit id="summary"', '<unit id="title"'))).toEqual([
      'file "treatment-mesotherapy-cellulite": duplicate unit id "title"',
    ])
    expect(xliffCoreViolations(xml.replace('<unit id="title" name="title">', '<unit id="ti tle" name="title">'))).toEqual([
      '<unit id="ti tle"> is not an NMTOKEN',
    ])
    expect(xliffCoreViolations(xml.replace('dataRefStart="d1"', 'dataRefStart="d99"'))).toEqual([
      'file "treatment-mesotherapy-cellulite", unit "body", <source>: dataRefStart="d99" names no <data>',
    ])
    expect(xliffCoreViolations(xml.replace(/(<target>[^<]*)<pc id="m1"[^>]*>([^<]*)<\/pc>/, '$1$2'))).toEqual([
      'file "treatment-mesotherapy-cellulite", unit "body": target codes [] do not match source codes [m1]',
    ])
    expect(xliffCoreViolations(xml.replace(/<source>What is mesotherapy\?<\/source>/, ''))).toEqual([
      '<segment> needs at least 1 <source>',
    ])
    expect(xliffCoreViolations(xml.replace('type="fmt" subType="xlf:i"', 'type="link" subType="xlf:i"'))).toEqual([
      'file "treatment-mesotherapy-cellulite", unit "body", <source>: subType "xlf:i" needs type "fmt"',
    ])
    expect(xliffCoreViolations(xml.replace('<segment id="b1" canResegment="no" state="translated">', '<segment id="b1" canResegment="maybe" state="done">'))).toEqual([
      'canResegment must be yes or no',
      'state "done" is not one of initial, translated, reviewed, final',
    ])
  })
})
