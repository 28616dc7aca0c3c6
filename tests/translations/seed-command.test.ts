import {readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'

import {parseNdjson} from '@treatments/content/dataset'
import {collectReferences} from '@treatments/translations'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {defaultDatasetPath} from '../../scripts/lib/paths.ts'
import {runScript} from './support/run-script.ts'
import {startTempLake, type TempLake} from './support/temp-lake.ts'

let temp: TempLake
beforeEach(async () => {
  temp = await startTempLake('')
})
afterEach(async () => {
  await temp.close()
})

const withoutServerFields = ({_rev, _updatedAt, ...document}: Record<string, unknown>) => document

describe('pnpm seed --lake URL', () => {
  it('loads the seed documents into an empty lake in batches, referenced documents first, and a second run changes nothing', async () => {
    const seed = parseNdjson(await readFile(defaultDatasetPath, 'utf8'))
    const first = await runScript('seed.ts', ['--lake', temp.lake.url, '--batch', '10'], {LAKE_TOKEN: temp.lake.token})
    expect(first).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        `Seeding 26 documents from content/dataset.ndjson into local lake at ${temp.lake.url}`,
        'seeded 10/26 (condition-cellulite … effect-skin-more-elastic)',
        'seeded 20/26 (side-effect-itching … contraindication-infections)',
        'seeded 26/26 (contraindication-kidney-failure … treatment-mesotherapy-cellulite)',
        'Done: 26 documents: 26 new; 3 transactions.',
        '',
      ].join('\n'),
    })
    const afterFirst = await temp.readDocuments()
    expect(afterFirst.map(withoutServerFields)).toEqual(seed.map(withoutServerFields))
    const position = new Map(afterFirst.map((document, index) => [document._id, index]))
    for (const [index, document] of afterFirst.entries()) {
      for (const reference of collectReferences(document)) expect(position.get(reference), `${document._id} → ${reference}`).toBeLessThan(index)
    }

    const log = join(temp.directory, '.dataset.ndjson.history.ndjson')
    const logBefore = await readFile(log, 'utf8')
    const second = await runScript('seed.ts', ['--lake', temp.lake.url, '--batch', '10'], {LAKE_TOKEN: temp.lake.token})
    expect(second.code).toBe(0)
    const afterSecond = await temp.readDocuments()
    expect(afterSecond).toHaveLength(26)
    expect(afterSecond.map(withoutServerFields)).toEqual(seed.map(withoutServerFields))
    expect(afterSecond.map((document) => document._createdAt)).toEqual(seed.map((document) => document._createdAt))
    // Nothing differed, so nothing was written: the same revisions, no history entry.
    expect(afterSecond.map((document) => document._rev)).toEqual(afterFirst.map((document) => document._rev))
    expect(await readFile(log, 'utf8')).toBe(logBefore)
    expect(second.stdout.trimEnd().split('\n').at(-1)).toBe('Done: 26 documents already as in the file; nothing written.')

    // A draft in the lake that the file replaces is named in the summary.
    await temp.client.createOrReplace({_id: 'drafts.contraindication-pregnancy', _type: 'contraindication', text: []})
    const withDraft = `${(await readFile(defaultDatasetPath, 'utf8')).trimEnd()}\n${JSON.stringify({_id: 'drafts.contraindication-pregnancy', _type: 'contraindication', text: [{_key: 'en', _type: 'internationalizedArrayStringValue', language: 'en', value: 'Pregnancy'}]})}\n`
    const file = join(temp.directory, 'with-draft.ndjson')
    await writeFile(file, withDraft)
    const third = await runScript('seed.ts', ['--lake', temp.lake.url, '--file', file], {LAKE_TOKEN: temp.lake.token})
    expect(third.code).toBe(0)
    expect(third.stdout.trimEnd().split('\n').at(-1)).toBe('Done: 27 documents: 1 replaced (drafts among them: drafts.contraindication-pregnancy), 26 already as in the file; 1 transaction.')
  })

  it('needs a target and a positive batch size', async () => {
    const noTarget = await runScript('seed.ts', [])
    expect(noTarget.code).toBe(2)
    expect(noTarget.stderr).toBe(
      'pnpm seed: give --lake URL, or set SANITY_PROJECT_ID, SANITY_DATASET and SANITY_TOKEN to seed a Sanity project; run "pnpm seed --help" for the usage\n',
    )
    const badBatch = await runScript('seed.ts', ['--lake', temp.lake.url, '--batch', '0'], {LAKE_TOKEN: temp.lake.token})
    expect(badBatch.code).toBe(2)
    expect(badBatch.stderr.split('\n')[0]).toBe('pnpm seed: --batch must be a positive integer; got "0"; run "pnpm seed --help" for the usage')
    const badUrl = await runScript('seed.ts', ['--lake', 'localhost:3333'])
    expect(badUrl.stderr.split('\n')[0]).toBe('pnpm seed: --lake must be an http:// or https:// URL; got "localhost:3333"; run "pnpm seed --help" for the usage')
    expect(await temp.readText()).toBe('')
  })

  it('explains a project configured without a token', async () => {
    const result = await runScript('seed.ts', [], {SANITY_PROJECT_ID: 'abc123', SANITY_DATASET: 'production'})
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'pnpm seed: SANITY_PROJECT_ID is set, so the project is used, but SANITY_TOKEN is not: set SANITY_DATASET (e.g. production) and SANITY_TOKEN (an API token with write access), or unset SANITY_PROJECT_ID to use the local dataset file\n',
    })
  })

  it('checks every id before writing anything: a bad one is named with its line, and nothing is written', async () => {
    const lines = (await readFile(defaultDatasetPath, 'utf8')).trimEnd().split('\n')
    lines.push(JSON.stringify({_id: 'bad id with spaces', _type: 'contraindication', text: []}))
    const file = join(temp.directory, 'bad-id.ndjson')
    await writeFile(file, `${lines.join('\n')}\n`)
    const result = await runScript('seed.ts', ['--lake', temp.lake.url, '--file', file, '--batch', '5'], {LAKE_TOKEN: temp.lake.token})
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `pnpm seed: ${file}:27: the _id "bad id with spaces" may only contain a-z, A-Z, 0-9, ".", "_" and "-", and may not start with "." or "-"; nothing was written\n`,
    })
    expect(await temp.readDocuments()).toEqual([])
  })

  it('says how many documents a refused batch left written, and which were not', async () => {
    const lines = (await readFile(defaultDatasetPath, 'utf8')).trimEnd().split('\n')
    // The treatment (written last) refers to a document the file does not have: the lake refuses its batch.
    const file = join(temp.directory, 'dangling.ndjson')
    await writeFile(file, `${lines.join('\n').replace('"_ref":"contraindication-pregnancy"', '"_ref":"contraindication-gone"')}\n`)
    const result = await runScript('seed.ts', ['--lake', temp.lake.url, '--file', file, '--batch', '5'], {LAKE_TOKEN: temp.lake.token})
    expect(result.code).toBe(1)
    const written = (await temp.readDocuments()).length
    expect(written).toBeGreaterThan(0)
    expect(written).toBeLessThan(26)
    expect(result.stderr.trimEnd().split('\n'), result.stderr).toHaveLength(1)
    expect(result.stderr).toMatch(
      new RegExp(`^pnpm seed: batch \\d+ was refused, so nothing of it was written: .*; ${written} of 26 documents \\(batches 1–\\d+\\) were written before it and stay; seeding is idempotent: fix the file and seed it again\\n$`),
    )
  })
})
