import {type ChildProcess, execFileSync, spawn} from 'node:child_process'
import {mkdtemp, readFile, readdir, rm, stat, writeFile} from 'node:fs/promises'
import {watch} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {createClient} from '@sanity/client'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {lockFileOf, readDatasetLock} from './dataset-lock.ts'
import {isLocalLakeError} from '../local-lake-error.ts'
import {parseNdjson} from '../../test-support/parse-ndjson.ts'
import {startLocalLake} from '../server/start-local-lake.ts'
import {firstLine} from '../../test-support/first-line.ts'

const CHILD = new URL('../../test-support/lake-child.ts', import.meta.url).pathname

let directory: string
let file: string
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'lake-lock-'))
  file = join(directory, 'dataset.ndjson')
  await writeFile(file, '{"_id":"a","_type":"note","n":1}\n')
})
afterEach(async () => {
  await rm(directory, {recursive: true, force: true})
})

describe('one writer per dataset file', () => {
  it('refuses a second lake on the same file, naming the owner\'s PID and port; the lock goes with the owner', async () => {
    const first = await startLocalLake({datasets: {production: file}, lock: {command: 'pnpm lake', server: true}})
    try {
      expect(JSON.parse(await readFile(lockFileOf(file), 'utf8'))).toMatchObject({
        pid: process.pid,
        command: 'pnpm lake',
        server: true,
        url: first.url,
        port: first.port,
        token: first.token,
      })
      expect((await stat(lockFileOf(file))).mode & 0o777).toBe(0o600)
      const error = await startLocalLake({datasets: {production: file}}).catch((caught: unknown) => caught)
      expect(isLocalLakeError(error) && error.code).toBe('DATASET_LOCKED')
      expect((error as Error).message).toBe(
        `${file} is in use by pnpm lake (PID ${process.pid}, listening on ${first.url}, port ${first.port}); ` +
          `send your changes to it (scripts: --lake ${first.url} with LAKE_TOKEN), or stop it first. Its lock file is ${lockFileOf(file)}.`,
      )
    } finally {
      await first.close()
    }
    await expect(readdir(directory)).resolves.toEqual(['dataset.ndjson'])
    const second = await startLocalLake({datasets: {production: file}})
    await second.close()
  })

  it('takes no lock for read-only or in-memory lakes, which never write the file', async () => {
    const owner = await startLocalLake({datasets: {production: file}})
    try {
      const readOnly = await startLocalLake({datasets: {production: file}, readOnly: true})
      const inMemory = await startLocalLake({datasets: {production: file}, inMemory: true})
      await Promise.all([readOnly.close(), inMemory.close()])
    } finally {
      await owner.close()
    }
  })

  it('replaces a stale lock left by a process that no longer runs', async () => {
    const deadPid = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'}))
    await writeFile(lockFileOf(file), JSON.stringify({pid: deadPid, command: 'pnpm lake', server: true, url: 'http://127.0.0.1:1', port: 1, token: 'x'}))
    expect(await readDatasetLock(file)).toBeUndefined()
    const lake = await startLocalLake({datasets: {production: file}})
    expect(JSON.parse(await readFile(lockFileOf(file), 'utf8'))).toMatchObject({pid: process.pid, url: lake.url})
    await lake.close()
  })
})

describe('a write killed with SIGKILL', () => {
  let child: ChildProcess | undefined
  afterEach(() => {
    child?.kill('SIGKILL')
    child = undefined
  })

  it('leaves the dataset whole, and the next start removes the temporary file and the stale lock', async () => {
    // Large enough (about 20 MB) that writing and syncing it takes a while.
    const padding = 'x'.repeat(2000)
    const original = Array.from({length: 10_000}, (_, index) => ({_id: `doc-${index}`, _type: 'note', padding}))
    await writeFile(file, original.map((document) => JSON.stringify(document)).join('\n') + '\n')
    child = spawn(process.execPath, ['--conditions=@treatments/source', CHILD, file], {stdio: ['ignore', 'pipe', 'inherit']})
    const {url, token} = JSON.parse(await firstLine(child)) as {url: string; token: string}
    const client = createClient({apiHost: url, useProjectHostname: false, projectId: 'local', dataset: 'production', apiVersion: '2025-02-19', useCdn: false, token})
    const killed = new Promise<string>((resolve) => {
      const watcher = watch(directory, (_event, name) => {
        if (name?.endsWith('.tmp') && child?.kill('SIGKILL')) {
          watcher.close()
          resolve(name)
        }
      })
    })
    void client.create({_id: 'added', _type: 'note'}).catch(() => {})
    const temporary = await killed
    await new Promise((resolve) => child!.once('exit', resolve))
    child = undefined
    // The dataset is the old one or the new one, never a torn mix.
    const documents = parseNdjson(await readFile(file, 'utf8'), file)
    expect(documents.length === 10_000 || documents.length === 10_001).toBe(true)
    expect(documents.slice(0, 10_000).map((document) => document._id)).toEqual(original.map((document) => document._id))
    const left = await readdir(directory)
    expect(left).toContain(`.dataset.ndjson.lock`)
    // Killed mid-write, the temporary file is still there (unless the rename had just happened).
    expect(left.includes(temporary) || documents.length === 10_001).toBe(true)
    const lake = await startLocalLake({datasets: {production: file}})
    try {
      // The history log stays (the write was logged before the dataset write began).
      expect((await readdir(directory)).sort()).toEqual(['.dataset.ndjson.history.ndjson', '.dataset.ndjson.lock', 'dataset.ndjson'])
      expect(await createClient(lake.clientConfig).fetch('count(*)')).toBe(documents.length)
    } finally {
      await lake.close()
    }
  }, 60_000)
})
