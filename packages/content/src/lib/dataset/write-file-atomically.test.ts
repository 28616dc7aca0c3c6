import {mkdir, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {writeFileAtomically} from './write-file-atomically.ts'

let directory: string
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'dataset-write-'))
})
afterEach(async () => {
  await rm(directory, {recursive: true, force: true})
})

describe('writeFileAtomically', () => {
  it('replaces the file contents and leaves no temporary file behind', async () => {
    const file = join(directory, 'dataset.ndjson')
    await writeFile(file, 'old\n')
    await writeFileAtomically(file, 'new\n')
    expect(await readFile(file, 'utf8')).toBe('new\n')
    expect(await readdir(directory)).toEqual(['dataset.ndjson'])
  })

  it('creates the file when it does not exist yet', async () => {
    const file = join(directory, 'fresh.ndjson')
    await writeFileAtomically(file, '{"_id":"a","_type":"t"}\n')
    expect(await readFile(file, 'utf8')).toBe('{"_id":"a","_type":"t"}\n')
  })

  it('on failure throws, keeps the target untouched and removes its temporary file', async () => {
    const target = join(directory, 'dataset.ndjson')
    await mkdir(target) // renaming a file over a directory fails
    await writeFile(join(target, 'keep'), 'x')
    await expect(writeFileAtomically(target, 'new\n')).rejects.toThrow()
    expect(await readdir(directory)).toEqual(['dataset.ndjson'])
    expect(await readFile(join(target, 'keep'), 'utf8')).toBe('x')
  })
})
