import {readdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'

import {parseNdjson} from '@treatments/content/local-dataset'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {runScript} from './support/run-script.ts'
import {startTempLake, type TempLake} from './support/temp-lake.ts'

let temp: TempLake
beforeEach(async () => {
  temp = await startTempLake()
  await temp.client.createOrReplace({_id: 'drafts.condition-cellulite', _type: 'condition', name: []})
})
afterEach(async () => {
  await temp.close()
})

describe('pnpm content:export', () => {
  it('writes the published documents sorted by _type then _id, the same bytes every time, leaving no temporary file', async () => {
    const out = join(temp.directory, 'export.ndjson')
    const result = await runScript('content-export.ts', ['--lake', temp.lake.url, '--out', out])
    expect(result).toEqual({code: 0, stderr: '', stdout: `Exported 26 documents from local lake at ${temp.lake.url} to ${out}\n`})
    const text = await readFile(out, 'utf8')
    const documents = parseNdjson(text)
    const keys = documents.map((document) => [document._type, document._id])
    expect(keys).toEqual([...keys].sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : a[1]! < b[1]! ? -1 : 1)))
    expect(keys[0]).toEqual(['condition', 'condition-cellulite'])
    expect(keys.at(-1)).toEqual(['treatment', 'treatment-mesotherapy-cellulite'])
    expect(documents.some((document) => document._id.startsWith('drafts.'))).toBe(false)
    expect(text.endsWith('}\n')).toBe(true)
    const source = new Map((await temp.readDocuments()).map((document) => [document._id, document]))
    for (const document of documents) expect(document).toEqual(source.get(document._id))

    await runScript('content-export.ts', ['--lake', temp.lake.url, '--out', out])
    expect(await readFile(out, 'utf8')).toBe(text)
    expect((await readdir(temp.directory)).sort()).toEqual(['dataset.ndjson', 'export.ndjson'])
  })

  it('includes drafts with --drafts, and writes to standard output with --out -', async () => {
    const result = await runScript('content-export.ts', ['--lake', temp.lake.url, '--drafts', '--out', '-'])
    expect(result.code).toBe(0)
    const ids = parseNdjson(result.stdout).map((document) => document._id)
    expect(ids).toHaveLength(27)
    expect(ids.slice(0, 2)).toEqual(['condition-cellulite', 'drafts.condition-cellulite'])
  })

  it('reads the local dataset file when no lake or project is given', async () => {
    const result = await runScript('content-export.ts', ['--out', '-'], {CONTENT_DATASET: temp.file})
    expect(result.code).toBe(0)
    expect(parseNdjson(result.stdout)).toHaveLength(26)
  })
})
