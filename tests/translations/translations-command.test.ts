import {copyFile, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {defaultDatasetPath} from '../../scripts/lib/paths.ts'
import {translateXliff} from '../../packages/translations/src/test-support/test-translator.ts'
import {runScript} from './support/run-script.ts'

let directory: string
let dataset: string
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'translations-cli-'))
  dataset = join(directory, 'dataset.ndjson')
  await copyFile(defaultDatasetPath, dataset)
})
afterEach(async () => {
  await rm(directory, {recursive: true, force: true})
})

const translations = (...args: string[]) => runScript('translations.ts', args, {CONTENT_DATASET: dataset})

describe('pnpm translations status', () => {
  it('prints a table per locale', async () => {
    expect(await translations('status')).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'locale  complete  missing  stale  translated – awaiting review  reviewed  total',
        'it        100.0%        0      0                            50         0     50',
        'de         24.0%       38      0                            12         0     50',
        '',
      ].join('\n'),
    })
  })

  it('exits 1 naming every locale under --fail-under', async () => {
    const result = await translations('status', '--fail-under', '80')
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('translations status: de is 24.0% complete, under --fail-under 80%\n')
    expect((await translations('status', '--locale', 'it', '--fail-under', '100')).code).toBe(0)
  })

  it('does not call a dataset without localized fields complete, and fails --fail-under on it (a gate pointed at the wrong dataset)', async () => {
    await writeFile(dataset, '{"_id":"image-1","_type":"sanity.imageAsset"}\n')
    expect(await translations('status')).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'locale  complete  missing  stale  translated – awaiting review  reviewed  total',
        'it             –        0      0                             0         0      0',
        'de             –        0      0                             0         0      0',
        '',
        'No published document has a localized field: nothing to translate (is this the dataset you meant?)',
        '',
      ].join('\n'),
    })
    const gate = await translations('status', '--fail-under', '90')
    expect(gate.code).toBe(1)
    expect(gate.stderr).toBe('translations status: no published document has a localized field, so no locale is 90% complete; is this the dataset you meant?\n')
  })

  it('prints every field with --json', async () => {
    const result = await translations('status', '--json', '--locale', 'de')
    const report = JSON.parse(result.stdout) as {locales: unknown[]; fields: Array<Record<string, unknown>>}
    expect(report.locales).toEqual([{locale: 'de', total: 50, missing: 38, stale: 0, translated: 12, reviewed: 0, complete: 12, percentComplete: 24}])
    expect(report.fields).toHaveLength(50)
    expect(report.fields.find((field) => field.field === 'ingredients[_key=="pc"].role')).toMatchObject({
      documentId: 'treatment-mesotherapy-cellulite',
      locale: 'de',
      state: 'missing',
      reason: 'no-text',
    })
  })

  it('rejects bad options with exit 2 in one line that says where the usage is', async () => {
    const result = await translations('status', '--locale', 'fr')
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pnpm translations status: --locale must be one of it, de; got "fr"; run "pnpm translations status --help" for the usage\n',
    })
    expect((await translations('status', '--fail-under', '120')).stderr).toBe(
      'pnpm translations status: --fail-under must be a percentage from 0 to 100; got "120"; run "pnpm translations status --help" for the usage\n',
    )
    expect((await translations('export')).stderr).toBe('pnpm translations export: --locale is required; run "pnpm translations export --help" for the usage\n')
    expect((await translations('export', '--locale', 'de', '--only', 'missing,done')).stderr).toBe(
      'pnpm translations export: --only takes missing, stale, translated, reviewed; got "done"; run "pnpm translations export --help" for the usage\n',
    )
    expect((await translations('frobnicate')).code).toBe(2)
  })

  it('has --help for the command and every subcommand', async () => {
    for (const args of [['--help'], ['status', '--help'], ['export', '--help'], ['import', '--help']]) {
      const result = await translations(...args)
      expect(result.code, args.join(' ')).toBe(0)
      expect(result.stdout, args.join(' ')).toMatch(/^Usage: pnpm translations/)
    }
  })
})

describe('pnpm translations export --out', () => {
  it('refuses (exit 2) to write XLIFF over an NDJSON file, the dataset included, and leaves it whole', async () => {
    const before = await readFile(dataset, 'utf8')
    const other = join(directory, 'other.ndjson')
    await writeFile(other, before)
    for (const out of [dataset, other]) {
      const result = await translations('export', '--locale', 'de', '--out', out)
      expect(result, out).toEqual({
        code: 2,
        stdout: '',
        stderr: `pnpm translations export: --out ${out} is an NDJSON file (a dataset's name): XLIFF goes to its own file, e.g. de.xlf; nothing was written; run "pnpm translations export --help" for the usage\n`,
      })
      expect(await readFile(out, 'utf8')).toBe(before)
    }
  })
})

describe('pnpm translations export with nothing to export', () => {
  it('says that an earlier file at --out was left as it was, so nobody sends it on as new', async () => {
    const out = join(directory, 'old.xlf')
    await writeFile(out, '<xliff/>')
    const result = await translations('export', '--locale', 'it', '--only', 'missing', '--out', out)
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: `translations export: nothing to export for it (--only missing); no file written, and ${out} from an earlier export was left as it was\n`,
    })
    expect(await readFile(out, 'utf8')).toBe('<xliff/>')
  })
})

describe('pnpm translations export and import', () => {
  it('round-trips through files: --dry-run writes nothing, import writes and prints what changed', async () => {
    const xlf = join(directory, 'de.xlf')
    const exported = await translations('export', '--locale', 'de', '--only', 'missing', '--out', xlf)
    expect(exported).toEqual({code: 0, stdout: '', stderr: `translations export: 38 fields (38 missing) of 22 documents for de written to ${xlf}\n`})
    await writeFile(xlf, translateXliff(await readFile(xlf, 'utf8'), (text) => `[DE] ${text}`))

    const before = await readFile(dataset)
    const dryRun = await translations('import', xlf, '--dry-run')
    expect(dryRun.code).toBe(0)
    expect(dryRun.stdout.split('\n')[0]).toBe('de: 38 added, 0 updated, 0 unchanged, 0 without target (left as they are)')
    expect(dryRun.stdout).toContain('  added    treatment-mesotherapy-cellulite  Active ingredients › pc › Role in this treatment (ingredients[_key=="pc"].role)\n')
    expect(dryRun.stdout.trimEnd().split('\n').at(-1)).toBe('Dry run: would write 22 drafts; nothing was written.')
    expect(Buffer.compare(await readFile(dataset), before)).toBe(0)

    const imported = await translations('import', xlf, '--locale', 'de')
    expect(imported.code).toBe(0)
    expect(imported.stdout.trimEnd().split('\n').at(-1)).toMatch(/^Wrote 22 drafts in one transaction \(.+\); review and publish them in the Studio\.$/)
    // Drafts: the published documents, and so the status and the site, wait for Publish.
    expect((await translations('status', '--locale', 'de')).stdout).toBe(
      'locale  complete  missing  stale  translated – awaiting review  reviewed  total\n' +
        'de         24.0%       38      0                            12         0     50\n',
    )
  })

  it('refuses a German export whose trgLang was changed to it, in one line naming both languages, and writes nothing', async () => {
    const xlf = join(directory, 'de-as-it.xlf')
    expect((await translations('export', '--locale', 'de', '--only', 'missing', '--out', xlf)).code).toBe(0)
    await writeFile(xlf, translateXliff(await readFile(xlf, 'utf8'), (text) => `[DE] ${text}`).replace('trgLang="de"', 'trgLang="it"'))
    const before = await readFile(dataset)
    expect(await translations('import', xlf)).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'pnpm translations import: Wrong target language: trgLang is "it", but the file was exported for "de" (its <note category="exportLocale">); set trgLang back to "de", or export again for "it"\n',
    })
    expect(Buffer.compare(await readFile(dataset), before)).toBe(0)
  })

  it('refuses a file that is not UTF-8', async () => {
    const xlf = join(directory, 'latin1.xlf')
    await writeFile(xlf, Buffer.from([0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e]))
    expect(await translations('import', xlf)).toEqual({code: 1, stdout: '', stderr: `pnpm translations import: ${xlf} is not UTF-8 text; save it as UTF-8\n`})
  })
})
