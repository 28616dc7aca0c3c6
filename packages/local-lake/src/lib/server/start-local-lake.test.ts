import {execFileSync} from 'node:child_process'
import {constants} from 'node:fs'
import {mkdtemp, open, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {createClient} from '@sanity/client'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {FIXTURE_FILE} from '../../test-support/lake-fixture.ts'
import {isLocalLakeError} from '../local-lake-error.ts'
import {startLocalLake} from './start-local-lake.ts'

let directory: string
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'local-lake-start-'))
})
afterEach(async () => {
  await rm(directory, {recursive: true, force: true})
})

async function startError(options: Parameters<typeof startLocalLake>[0]): Promise<unknown> {
  try {
    const lake = await startLocalLake(options)
    await lake.close()
  } catch (error) {
    return error
  }
  throw new Error('expected startLocalLake to fail')
}

describe('startLocalLake', () => {
  it('listens on 127.0.0.1 on a free port and reports a ready-to-use client config', async () => {
    const lake = await startLocalLake({datasets: {production: FIXTURE_FILE}, readOnly: true})
    try {
      expect(lake.host).toBe('127.0.0.1')
      expect(lake.port).toBeGreaterThan(0)
      expect(lake.url).toBe(`http://127.0.0.1:${lake.port}`)
      expect(lake.clientConfig).toEqual({
        apiHost: lake.url,
        useProjectHostname: false,
        projectId: 'local',
        dataset: 'production',
        apiVersion: '2025-02-19',
        useCdn: false,
        token: lake.token,
      })
      expect(lake.token).toMatch(/^[A-Za-z0-9_-]{32}$/)
      expect(await createClient(lake.clientConfig).fetch('count(*[_type == "treatment"])')).toBe(2)
    } finally {
      await lake.close()
    }
  })

  it('serves several datasets from a directory of .ndjson files', async () => {
    await writeFile(join(directory, 'production.ndjson'), '{"_id":"p","_type":"t"}\n')
    await writeFile(join(directory, 'staging.ndjson'), '{"_id":"s","_type":"t"}\n')
    await writeFile(join(directory, 'notes.txt'), 'ignored')
    const lake = await startLocalLake({datasets: directory})
    try {
      expect(lake.datasets).toEqual(['production', 'staging'])
      const staging = createClient({...lake.clientConfig, dataset: 'staging'})
      expect(await staging.fetch('*[]._id')).toEqual(['s'])
    } finally {
      await lake.close()
    }
  })

  it('serves in-memory documents without touching them', async () => {
    const documents = [{_id: 'a', _type: 't', n: 1}]
    const lake = await startLocalLake({datasets: {production: documents}})
    try {
      const client = createClient(lake.clientConfig)
      await client.patch('a').inc({n: 1}).commit()
      expect(await client.fetch('*[_id == "a"][0].n')).toBe(2)
      expect(documents).toEqual([{_id: 'a', _type: 't', n: 1}])
    } finally {
      await lake.close()
    }
  })

  it('fails to start on a malformed dataset file, naming the file and line', async () => {
    const file = join(directory, 'dataset.ndjson')
    await writeFile(file, '{"_id":"a","_type":"t"}\n{"_id":"b"}\n')
    const error = await startError({datasets: {production: file}})
    expect(isLocalLakeError(error)).toBe(true)
    expect(error).toMatchObject({code: 'DATASET_FILE_INVALID', file, line: 2})
    expect((error as Error).message).toBe(`${file}:2: document "b" has no string "_type" (got nothing)`)
  })

  it('fails to start on a missing dataset file with DATASET_FILE_UNREADABLE', async () => {
    const file = join(directory, 'missing.ndjson')
    const error = await startError({datasets: {production: file}})
    expect(error).toMatchObject({code: 'DATASET_FILE_UNREADABLE', file})
    expect((error as Error).message).toMatch(new RegExp(`^Cannot read dataset file ${file}: ENOENT`))
  })

  it('fails to start on a dataset path that is a pipe, naming it, instead of waiting for a writer for ever', async () => {
    const file = join(directory, 'dataset.ndjson')
    execFileSync('mkfifo', [file])
    try {
      const error = await Promise.race([startError({datasets: {production: file}}), new Promise((resolve) => setTimeout(() => resolve('still starting after 3 s'), 3000))])
      expect(error).toMatchObject({code: 'DATASET_FILE_UNREADABLE', file, message: `Cannot read dataset file ${file}: it is not a regular file (a pipe, a device or a directory)`})
    } finally {
      // Lets a read that did start on the pipe end (open for writing succeeds only with a reader).
      await open(file, constants.O_WRONLY | constants.O_NONBLOCK).then((handle) => handle.close(), () => {})
    }
  })

  it('fails with LISTEN_FAILED when the port is taken', async () => {
    const first = await startLocalLake({datasets: {production: []}})
    try {
      const error = await startError({datasets: {production: []}, port: first.port})
      expect(error).toMatchObject({code: 'LISTEN_FAILED'})
      expect((error as Error).message).toBe(`Cannot listen on 127.0.0.1:${first.port}: the port is already in use`)
    } finally {
      await first.close()
    }
  })

  it('validates options with messages naming the option, the expected form and the received value', async () => {
    await expect(startLocalLake(undefined as never)).rejects.toThrow(
      "startLocalLake: options must be an object like {datasets: {production: 'content/dataset.ndjson'}}; received nothing",
    )
    await expect(startLocalLake({datasets: 42 as never})).rejects.toThrow(
      'startLocalLake: option "datasets" must be a directory path, or an object mapping dataset names to NDJSON file paths or arrays of documents, like {production: "content/dataset.ndjson"}; received number 42',
    )
    await expect(startLocalLake({datasets: {Production: []}})).rejects.toThrow(
      'but has key "Production"',
    )
    await expect(startLocalLake({datasets: {a: FIXTURE_FILE, b: FIXTURE_FILE}})).rejects.toThrow(
      `startLocalLake: option "datasets.b" must be a file not used by another dataset, but dataset "a" also uses ${FIXTURE_FILE}; received`,
    )
    await expect(startLocalLake({datasets: {production: []}, port: 70000})).rejects.toThrow(
      new TypeError('startLocalLake: option "port" must be an integer from 0 to 65535 (0 picks a free port); received number 70000'),
    )
    await expect(startLocalLake({datasets: {production: []}, readOnly: 'yes' as never})).rejects.toThrow(
      new TypeError('startLocalLake: option "readOnly" must be a boolean; received the string "yes"'),
    )
    await expect(startLocalLake({datasets: {production: [{_id: 'x'}]}})).rejects.toThrow(
      'Dataset "production", document at index 0 "x" has no string "_type" (got nothing)',
    )
  })
})
