import {readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'

import {DOMParser} from '@xmldom/xmldom'
import {exportXliff, importXliff, isXliffError, type XliffErrorCode} from '@treatments/translations'
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest'

import {defaultDatasetPath} from '../../scripts/lib/paths.ts'
import {translateXliff} from '../../packages/translations/src/test-support/test-translator.ts'
import {runScript} from './support/run-script.ts'
import {startTempLake, type TempLake} from './support/temp-lake.ts'

const treatment = 'treatment-mesotherapy-cellulite'
let temp: TempLake
let original: Buffer
/** A valid, fully translated German file to break in different ways. */
let valid: string

beforeAll(async () => {
  temp = await startTempLake()
  original = await readFile(temp.file)
  valid = translateXliff((await exportXliff(temp.client, {locale: 'de'})).xml!, (text) => `[DE] ${text}`)
})
afterAll(async () => {
  await temp.close()
})
afterEach(() => {
  vi.restoreAllMocks()
})

async function expectRejected(text: string, code: XliffErrorCode, message: string, options: {locale?: string} = {}): Promise<void> {
  const error = await importXliff(temp.client, text, options).then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(isXliffError(error), String(error)).toBe(true)
  expect((error as {code: string}).code).toBe(code)
  expect((error as Error).message).toBe(message)
  expect(Buffer.compare(await readFile(temp.file), original), 'the dataset file must be byte-identical').toBe(0)
}

const body = (xml: string) => /<unit id="body"[\s\S]*?<\/unit>/.exec(xml)![0]

describe('importing a hostile or broken XLIFF file', () => {
  it('accepts the untouched file in a dry run, so every rejection below is caused by the damage', async () => {
    const parse = vi.spyOn(DOMParser.prototype, 'parseFromString')
    const result = await importXliff(temp.client, valid, {dryRun: true})
    expect(result.changes).toHaveLength(50)
    expect(result.applied).toBe(false)
    expect(parse).toHaveBeenCalledTimes(1)
    expect(Buffer.compare(await readFile(temp.file), original)).toBe(0)
  })

  it('rejects a German breastfeeding contraindication of one zero-width space, naming the unit, and writes nothing', async () => {
    const file = /<file id="contraindication-breastfeeding"[\s\S]*?<\/file>/.exec(valid)![0]
    const blanked = file.replace(/<target>[^<]*<\/target>/, '<target>\u200B</target>')
    const error = await importXliff(temp.client, valid.replace(file, blanked)).catch((caught: unknown) => caught)
    expect(isXliffError(error) && error.code).toBe('IMPORT_REJECTED')
    expect((error as {problems: string[]}).problems).toEqual([
      'document "contraindication-breastfeeding", field "text": the <target> has no visible text (empty, whitespace or invisible characters) but the <source> has text; translate it (an import never deletes or blanks text)',
    ])
    expect(Buffer.compare(await readFile(temp.file), original), 'the dataset file must be byte-identical').toBe(0)
  })

  it('rejects German safety texts with a line break in a one-line field, spaces around them, or a carriage return and a bell, naming each unit, and writes nothing', async () => {
    const retarget = (xml: string, documentId: string, field: string, target: string) => {
      const file = new RegExp(`<file id="${documentId}"[\\s\\S]*?</file>`).exec(xml)![0]
      const unit = new RegExp(`<unit id="${field}"[\\s\\S]*?</unit>`).exec(file)![0]
      return xml.replace(file, file.replace(unit, unit.replace(/<target>[\s\S]*?<\/target>/, `<target>${target}</target>`)))
    }
    let xml = retarget(valid, 'contraindication-breastfeeding', 'text', 'Still\nzeit')
    xml = retarget(xml, 'contraindication-pregnancy', 'text', '   Schwangerschaft   ')
    xml = retarget(xml, 'side-effect-swelling', 'whenToSeekHelp', 'Schwellung<cp hex="000D"/>ist normal<cp hex="0007"/>.')
    const error = await importXliff(temp.client, xml).catch((caught: unknown) => caught)
    expect(isXliffError(error) && error.code).toBe('IMPORT_REJECTED')
    expect((error as {problems: string[]}).problems.toSorted()).toEqual([
      'document "contraindication-breastfeeding", field "text": the <target> has a line break (U+000A), but the field holds a single line; write it on one line',
      'document "contraindication-pregnancy", field "text": the <target> starts and ends with white space; remove the spaces at the start and end',
      'document "side-effect-swelling", field "whenToSeekHelp": the <target> holds control characters (U+000D, U+0007), which are not text; remove them',
    ])
    expect(Buffer.compare(await readFile(temp.file), original), 'the dataset file must be byte-identical').toBe(0)
  })

  it('rejects text that is not XML', async () => {
    await expectRejected('Title: Mesotherapie\n', 'NOT_XML', 'Not well-formed XML: missing root element')
    await expectRejected('<xliff><file></xliff>', 'NOT_XML', 'Not well-formed XML: Opening and ending tag mismatch: "file" != "xliff" (line 1, column 8)')
  })

  it('rejects an entity-expansion bomb in a DOCTYPE without parsing it', async () => {
    const parse = vi.spyOn(DOMParser.prototype, 'parseFromString')
    const entities = Array.from({length: 9}, (_, level) => `<!ENTITY a${level + 1} "${'&a'.concat(String(level), ';').repeat(10)}">`).join('')
    const bomb = valid.replace('?>', `?><!DOCTYPE xliff [<!ENTITY a0 "${'a'.repeat(100)}">${entities}]>`).replace('[DE] Mesotherapie', '&a9;')
    await expectRejected(
      bomb,
      'DOCTYPE_FORBIDDEN',
      'Rejected: the file contains a <!DOCTYPE declaration (line 1, column 39). DOCTYPE and ENTITY declarations are never accepted: they can read local files (XXE) or expand without limit.',
    )
    expect(parse).not.toHaveBeenCalled()
  })

  it('rejects an external entity (XXE) without reading the file it names', async () => {
    const secret = join(temp.directory, 'secret.txt')
    await writeFile(secret, 'TOP-SECRET-CONTENT')
    const parse = vi.spyOn(DOMParser.prototype, 'parseFromString')
    const xxe = valid
      .replace('?>', `?>\n<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file://${secret}"><!ENTITY passwd SYSTEM "file:///etc/passwd">]>`)
      .replace('<target>[DE] Mesotherapy for cellulite</target>', '<target>&xxe;&passwd;</target>')
    await expectRejected(
      xxe,
      'DOCTYPE_FORBIDDEN',
      'Rejected: the file contains a <!DOCTYPE declaration (line 2, column 1). DOCTYPE and ENTITY declarations are never accepted: they can read local files (XXE) or expand without limit.',
    )
    expect(parse).not.toHaveBeenCalled()
  })

  it('rejects the wrong namespace and the wrong version', async () => {
    await expectRejected(
      valid.replace('xmlns="urn:oasis:names:tc:xliff:document:2.0"', 'xmlns="urn:oasis:names:tc:xliff:document:1.2"'),
      'NOT_XLIFF',
      'Not an XLIFF 2 file: the root element is <xliff> in namespace "urn:oasis:names:tc:xliff:document:1.2"; expected <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0">',
    )
    await expectRejected(valid.replace('version="2.0"', 'version="1.2"'), 'UNSUPPORTED_VERSION', 'Unsupported XLIFF version "1.2": expected version="2.0" (or "2.1")')
  })

  it('rejects a wrong trgLang', async () => {
    await expectRejected(valid.replace('trgLang="de"', 'trgLang="fr"'), 'WRONG_LANGUAGE', 'Wrong target language: trgLang is "fr"; expected one of it, de')
    await expectRejected(valid, 'WRONG_LANGUAGE', 'Wrong target language: trgLang is "de", but the import is for "it"', {locale: 'it'})
  })

  it('rejects a German export whose trgLang was changed to it, naming both languages, and imports an export made before the locale was recorded', async () => {
    await expectRejected(
      valid.replace('trgLang="de"', 'trgLang="it"'),
      'WRONG_LANGUAGE',
      'Wrong target language: trgLang is "it", but the file was exported for "de" (its <note category="exportLocale">); set trgLang back to "de", or export again for "it"',
    )
    const older = valid.replace(/\s*<note category="exportLocale">de<\/note>/g, '')
    expect(older).not.toContain('exportLocale')
    const result = await importXliff(temp.client, older, {dryRun: true})
    expect(result).toMatchObject({locale: 'de', applied: false})
    expect(result.changes).toHaveLength(50)
  })

  it('rejects unknown document and field ids', async () => {
    await expectRejected(
      valid.replace(`<file id="${treatment}"`, '<file id="treatment-botox"').replace('name="disclaimer"', 'name="footer"'),
      'IMPORT_REJECTED',
      'Import rejected: 1 problem; nothing was changed\n  - file "treatment-botox": unknown document "treatment-botox"',
    )
    await expectRejected(
      valid.replace('<unit id="disclaimer" name="disclaimer">', '<unit id="footer" name="footer">'),
      'IMPORT_REJECTED',
      `Import rejected: 1 problem; nothing was changed\n  - document "${treatment}": unknown field "footer" (unit "footer")`,
    )
  })

  it('rejects a target that drops a link, naming document, field, segment and link', async () => {
    const unit = body(valid)
    const dropped = unit.replace(/(<target>\[DE\] An orange peel[^<]*)<pc id="m1"[^>]*>\[DE\] mesotherapy<\/pc>/, '$1[DE] Mesotherapie')
    expect(dropped).not.toBe(unit)
    await expectRejected(
      valid.replace(unit, dropped),
      'IMPORT_REJECTED',
      `Import rejected: 1 problem; nothing was changed\n  - document "${treatment}", field "body", segment "b2": the target drops <pc id="m1"> (link to https://en.wikipedia.org/wiki/Mesotherapy)`,
    )
  })

  it('rejects duplicate units', async () => {
    const unit = /<unit id="summary"[\s\S]*?<\/unit>/.exec(valid)![0]
    await expectRejected(
      valid.replace(unit, `${unit}\n${unit}`),
      'INVALID_XLIFF',
      `Rejected: the XLIFF file is not in the form this tool exports; nothing was imported\n  - file "${treatment}": unit "summary" appears twice (line 754); first (line 738)`,
    )
  })

  it('rejects an edited source and a link target smuggled into <originalData>', async () => {
    await expectRejected(
      valid.replace('<source>Mesotherapy for cellulite</source>', '<source>Mesotherapy</source>'),
      'IMPORT_REJECTED',
      `Import rejected: 1 problem; nothing was changed\n  - document "${treatment}", field "title": the <source> differs from the current text; sources must not be edited, export again`,
    )
    await expectRejected(
      valid.replace('<data id="d1">https://en.wikipedia.org/wiki/Mesotherapy</data>', '<data id="d1">javascript:alert(1)</data>'),
      'IMPORT_REJECTED',
      `Import rejected: 1 problem; nothing was changed\n  - document "${treatment}", field "body": <originalData> <data id="d1"> differs from the current text; sources must not be edited, export again`,
    )
  })

  it('makes the import command exit 1 with the reason and leave the dataset file as it was', async () => {
    const file = join(temp.directory, 'broken.xlf')
    await writeFile(file, valid.replace('version="2.0"', 'version="1.2"'))
    const result = await runScript('translations.ts', ['import', file], {CONTENT_DATASET: temp.file})
    expect(result).toEqual({code: 1, stdout: '', stderr: 'pnpm translations import: Unsupported XLIFF version "1.2": expected version="2.0" (or "2.1")\n'})
    expect(Buffer.compare(await readFile(temp.file), original)).toBe(0)
    expect(Buffer.compare(await readFile(defaultDatasetPath), original)).toBe(0)
  })
})
