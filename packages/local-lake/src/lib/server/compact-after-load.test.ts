import {execFile} from 'node:child_process'
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

const CHILD = new URL('../../test-support/loaded-heap-child.ts', import.meta.url).pathname
const GROWTH_CHILD = new URL('../../test-support/growth-after-load-child.ts', import.meta.url).pathname

let directory: string
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'local-lake-compact-'))
})
afterAll(async () => {
  await rm(directory, {recursive: true, force: true})
})

/** `count` treatment-like documents (localized arrays of small objects), about 1.3 kB each. */
function documents(count: number): string {
  const localized = (field: string, index: number) =>
    ['en', 'it', 'de'].map((language) => ({_key: language, _type: 'internationalizedArrayStringValue', language, value: `${field} ${index} in ${language}, long enough to be its own string`}))
  let out = ''
  for (let index = 0; index < count; index++) {
    const document = {
      _id: `treatment-${index}`,
      _type: 'treatment',
      _createdAt: '2026-11-20T09:00:00Z',
      _updatedAt: '2026-11-20T09:00:00Z',
      _rev: 'seed1',
      title: localized('Title', index),
      summary: localized('Summary', index),
      sideEffects: Array.from({length: 5}, (_, item) => ({_key: `s${item}`, _type: 'reference', _ref: `side-effect-${item}`})),
    }
    out += `${JSON.stringify(document)}\n`
  }
  return out
}

describe('compactAfterLoad', () => {
  it('gives back the young generation a load grew, when the lake runs with --expose-gc', async () => {
    const file = join(directory, 'production.ndjson')
    await writeFile(file, documents(3_000))
    const {stdout} = await promisify(execFile)(process.execPath, ['--expose-gc', '--conditions=@treatments/source', CHILD, file], {timeout: 60_000})
    const heap = JSON.parse(stdout) as {newSpaceBytes: number; heapTotalBytes: number; heapUsedBytes: number}
    // A regular full collection leaves it at the size the load grew it to (34 MB here, about
    // 134 MB at 100,000 documents); the memory-reducing one shrinks it to 1 MB.
    expect(heap.newSpaceBytes).toBeLessThanOrEqual(4 * 2 ** 20)
    expect(heap.heapTotalBytes - heap.heapUsedBytes).toBeLessThan(16 * 2 ** 20)
  }, 90_000)

  it('leaves the old generation room to grow: what serving promotes does not start a major collection', async () => {
    const file = join(directory, 'growth.ndjson')
    await writeFile(file, documents(20_000))
    const {stdout} = await promisify(execFile)(process.execPath, ['--expose-gc', '--conditions=@treatments/source', GROWTH_CHILD, file], {timeout: 60_000})
    // After the memory-reducing collection alone, about 8-25 MB of growth started one.
    expect(JSON.parse(stdout)).toEqual({majorCollections: 0, kept: 100})
  }, 90_000)
})
