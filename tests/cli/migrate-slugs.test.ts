import {mkdtemp, readdir, readFile, rm, stat, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {startLakeFixture} from '../../packages/local-lake/src/test-support/lake-fixture.ts'

import {defaultDatasetPath} from '../../scripts/lib/paths.ts'
import {runScript} from '../translations/support/run-script.ts'

// `pnpm migrate:slugs` gave content/dataset.ndjson its Italian and German slugs. Run on the
// dataset as it was before, it must make exactly the shipped file; run again, change nothing
// (not even the file's modification time); and refuse, writing nothing, a result with two
// treatments sharing a slug in one locale.

let directory: string
let shipped: string
/** The shipped dataset as it was before the migration: no `localizedSlugs`. */
let before: string
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'migrate-slugs-'))
  shipped = await readFile(defaultDatasetPath, 'utf8')
  before = shipped
    .split('\n')
    .map((line) => {
      if (!line.includes('"_type":"treatment"')) return line
      const {localizedSlugs: _dropped, ...rest} = JSON.parse(line) as Record<string, unknown>
      return JSON.stringify(rest)
    })
    .join('\n')
})
afterAll(async () => {
  await rm(directory, {recursive: true, force: true})
})

async function fileWith(name: string, text: string): Promise<string> {
  const file = join(directory, name)
  await writeFile(file, text)
  return file
}

describe('pnpm migrate:slugs', () => {
  it('makes the shipped dataset from the one before it, and a second run changes nothing', async () => {
    expect(before).not.toBe(shipped)
    const file = await fileWith('before.ndjson', before)
    const first = await runScript('migrate-slugs.ts', [file])
    expect(first).toMatchObject({code: 0, stderr: ''})
    expect(first.stdout).toContain('localized slugs given to treatment-mesotherapy-cellulite')
    expect(await readFile(file, 'utf8')).toBe(shipped)

    const written = await stat(file)
    const second = await runScript('migrate-slugs.ts', [file])
    expect(second).toMatchObject({code: 0, stderr: ''})
    expect(second.stdout).toContain('nothing changed')
    expect(await readFile(file, 'utf8')).toBe(shipped)
    const after = await stat(file)
    expect([after.ino, after.mtimeMs]).toEqual([written.ino, written.mtimeMs])
  })

  it('keeps a slug an editor set and adds only the missing one', async () => {
    const edited = before.replace('"slug":{"_type":"slug","current":"mesotherapy-cellulite"}', '$&,"localizedSlugs":[{"_key":"it","_type":"internationalizedArrayStringValue","language":"it","value":"mesoterapia"}]')
    expect(edited).not.toBe(before)
    const file = await fileWith('edited.ndjson', edited)
    expect((await runScript('migrate-slugs.ts', [file])).code).toBe(0)
    const treatment = (await readFile(file, 'utf8')).split('\n').find((line) => line.includes('"_type":"treatment"'))!
    expect((JSON.parse(treatment) as {localizedSlugs: unknown}).localizedSlugs).toEqual([
      {_key: 'it', _type: 'internationalizedArrayStringValue', language: 'it', value: 'mesoterapia'},
      {_key: 'de', _type: 'internationalizedArrayStringValue', language: 'de', value: 'mesotherapie-cellulite'},
    ])
  })

  it('writes nothing when the result would give two treatments one slug in a locale', async () => {
    const other = {_id: 'treatment-other', _type: 'treatment', slug: {_type: 'slug', current: 'other'}, localizedSlugs: [{_key: 'it', language: 'it', value: 'mesoterapia-cellulite'}]}
    const text = `${before}${JSON.stringify(other)}\n`
    const file = await fileWith('clash.ndjson', text)
    const result = await runScript('migrate-slugs.ts', [file])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^pnpm migrate:slugs: the migration would give treatment-mesotherapy-cellulite and treatment-other the slug “mesoterapia-cellulite” in it; nothing was written\n$/)
    expect(await readFile(file, 'utf8')).toBe(text)
    expect((await readdir(directory)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('refuses, writing nothing, a file a running local lake serves: the lake would undo the migration with its next write', async () => {
    const fixture = await startLakeFixture({}, {contents: before})
    try {
      const result = await runScript('migrate-slugs.ts', [fixture.file])
      expect(result.code).toBe(1)
      expect(result.stdout).toBe('')
      expect(result.stderr.replace(/PID \d+/, 'PID N')).toBe(
        `pnpm migrate:slugs: ${fixture.file} is in use by a test lake (PID N, listening on ${fixture.lake.url}), which holds the dataset in memory and writes the whole file on its next change; ` +
          'stop it, then run migrate:slugs again. Nothing was written\n',
      )
      expect(await readFile(fixture.file, 'utf8')).toBe(before)
    } finally {
      await fixture.close()
    }
  })

  it('names the file and line of a line that is not a dataset document, in one line, writing nothing', async () => {
    for (const [name, text, problem] of [
      ['junk.ndjson', 'this is not JSON\n', /^pnpm migrate:slugs: .*junk\.ndjson:1(:\d+)?: line is not valid JSON/],
      ['null.ndjson', `${before.split('\n')[0]}\nnull\n`, /^pnpm migrate:slugs: .*null\.ndjson:2: /],
    ] as const) {
      const file = await fileWith(name, text)
      const result = await runScript('migrate-slugs.ts', [file])
      expect(result.code, name).toBe(1)
      expect(result.stderr, name).toMatch(problem)
      expect(result.stderr.trimEnd().split('\n'), name).toHaveLength(1)
      expect(await readFile(file, 'utf8')).toBe(text)
    }
  })

  it('refuses a second file (exit 2) instead of ignoring it', async () => {
    const file = await fileWith('one.ndjson', before)
    const result = await runScript('migrate-slugs.ts', [file, join(directory, 'two.ndjson')])
    expect(result.code).toBe(2)
    expect(result.stderr.split('\n')[0]).toMatch(/^pnpm migrate:slugs: takes one dataset file, got 2/)
    expect(await readFile(file, 'utf8')).toBe(before)
  })
})
