import {type ChildProcess, spawn} from 'node:child_process'
import {watch} from 'node:fs'
import {appendFile, mkdtemp, readFile, rename, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {createClient} from '@sanity/client'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {type OpenAppendHandle, openForAppend} from './append-fully.ts'
import {type HistoryEntry, historyFileOf, readHistoryLog} from './history-log.ts'
import type {DatasetDocument} from '@treatments/content/dataset'
import {parseNdjson} from '../../test-support/parse-ndjson.ts'
import {startLocalLake} from '../server/start-local-lake.ts'
import {firstLine} from '../../test-support/first-line.ts'

const CHILD = new URL('../../test-support/lake-child.ts', import.meta.url).pathname

let directory: string
let file: string
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'lake-history-'))
  file = join(directory, 'dataset.ndjson')
  await writeFile(file, '{"_id":"a","_type":"note","_rev":"r0","_updatedAt":"2026-01-01T00:00:00Z","n":0}\n')
})
afterEach(async () => {
  await rm(directory, {recursive: true, force: true})
})

const clientFor = (url: string, token: string) =>
  createClient({apiHost: url, useProjectHostname: false, projectId: 'local', dataset: 'production', apiVersion: '2025-02-19', useCdn: false, token})

const readDataset = async () => parseNdjson(await readFile(file, 'utf8'), file)

/** The log's last word on each document it knows. */
function latestStates(entries: readonly HistoryEntry[]): Map<string, DatasetDocument | null> {
  const latest = new Map<string, DatasetDocument | null>()
  for (const entry of entries) for (const change of entry.changes) latest.set(change.id, change.after)
  return latest
}

/** Every document the log knows is in the dataset exactly as the log's last entry for it says. */
function expectLogMatchesDataset(entries: readonly HistoryEntry[], documents: readonly DatasetDocument[]): void {
  const byId = new Map(documents.map((document) => [document._id, document]))
  for (const [id, after] of latestStates(entries)) {
    expect({id, document: byId.get(id) ?? null}).toEqual({id, document: after})
  }
}

describe('the history log', () => {
  it('records each committed transaction with author, time, revisions, the mutations as received and the document before and after', async () => {
    const lake = await startLocalLake({datasets: {production: file}, author: 'Dr. Rossi'})
    try {
      const client = clientFor(lake.url, lake.token)
      const first = await client.patch('a').set({n: 1}).commit()
      await client.patch('a').set({n: 2}).commit({transactionId: 'second'})
      await client.create({_id: 'b', _type: 'note'})
      const {entries} = await readHistoryLog(historyFileOf(file))
      expect(entries.map((entry) => [entry.transactionId, entry.author, entry.origin])).toEqual([
        [first._rev, 'Dr. Rossi', 'lake'],
        ['second', 'Dr. Rossi', 'lake'],
        [expect.any(String), 'Dr. Rossi', 'lake'],
      ])
      const [one, two, three] = entries
      expect(one!.changes).toEqual([
        {
          id: 'a',
          previousRev: 'r0',
          resultRev: first._rev,
          before: {_id: 'a', _type: 'note', _rev: 'r0', _updatedAt: '2026-01-01T00:00:00Z', n: 0},
          after: expect.objectContaining({n: 1, _rev: first._rev}),
          mutations: [{patch: {id: 'a', set: {n: 1}}}],
        },
      ])
      // The version before is recorded once: afterwards it is the previous entry's `after`.
      expect(two!.changes[0]).not.toHaveProperty('before')
      expect(two!.changes[0]).toMatchObject({previousRev: first._rev, resultRev: 'second', after: {n: 2}})
      expect(three!.changes[0]).toMatchObject({id: 'b', previousRev: null, before: null})
      expect(Date.parse(one!.timestamp)).toBeLessThanOrEqual(Date.parse(two!.timestamp))
      expectLogMatchesDataset(entries, await readDataset())
    } finally {
      await lake.close()
    }
  })

  it('logs nothing for a transaction that fails or changes nothing, and takes the entry back when the dataset write fails', async () => {
    let failWrites = false
    const lake = await startLocalLake({
      datasets: {production: file},
      writeFile: async (target, contents) => {
        if (failWrites) throw new Error('disk full')
        await writeFile(target, contents)
      },
    })
    try {
      const client = clientFor(lake.url, lake.token)
      await expect(client.patch('missing').set({n: 1}).commit()).rejects.toThrow()
      await client.createIfNotExists({_id: 'a', _type: 'note'})
      expect((await readHistoryLog(historyFileOf(file))).entries).toEqual([])
      failWrites = true
      await expect(client.patch('a').set({n: 5}).commit()).rejects.toThrow(/disk full/)
      expect((await readHistoryLog(historyFileOf(file))).entries).toEqual([])
      failWrites = false
      await client.patch('a').set({n: 6}).commit()
      expect((await readHistoryLog(historyFileOf(file))).entries).toHaveLength(1)
    } finally {
      await lake.close()
    }
  })

  it('at start, removes a logged transaction that never reached the dataset and a torn last line', async () => {
    const lake = await startLocalLake({datasets: {production: file}})
    const first = await clientFor(lake.url, lake.token).patch('a').set({n: 1}).commit()
    await lake.close()
    const log = historyFileOf(file)
    const kept = await readFile(log, 'utf8')
    // What a crash after the log append and before the dataset rename leaves: an entry the
    // dataset does not reflect, then half of another.
    const orphan: HistoryEntry = {
      transactionId: 'never-committed',
      timestamp: new Date().toISOString(),
      identity: 'local-editor',
      author: 'someone',
      origin: 'lake',
      changes: [{id: 'a', previousRev: first._rev, resultRev: 'never-committed', after: {...first, n: 99, _rev: 'never-committed'} as DatasetDocument, mutations: []}],
    }
    await appendFile(log, `${JSON.stringify(orphan)}\n{"transactionId":"tor`)
    const again = await startLocalLake({datasets: {production: file}})
    try {
      expect(await readFile(log, 'utf8')).toBe(kept)
      const response = await fetch(`${again.url}/v2025-02-19/data/history/production/documents/a?revision=never-committed`, {
        headers: {Authorization: `Bearer ${again.token}`},
      })
      expect(response.status).toBe(404)
    } finally {
      await again.close()
    }
  })

  it('records the author a write names for itself (X-Lake-Author, percent-encoded), for mutations and actions, and rejects a bad one', async () => {
    const lake = await startLocalLake({datasets: {production: file}, author: 'Dr. Rossi'})
    try {
      const client = clientFor(lake.url, lake.token)
      const tool = 'translations import übersetzung.xlf'
      const headers = {'X-Lake-Author': encodeURIComponent(tool)}
      await client.patch('a').set({n: 1}).commit({headers})
      await client.action({actionType: 'sanity.action.document.edit', draftId: 'drafts.a', publishedId: 'a', patch: {set: {n: 2}}}, {headers})
      await client.patch('a').set({n: 3}).commit()
      await expect(client.patch('a').set({n: 4}).commit({headers: {'X-Lake-Author': encodeURIComponent('two\nlines')}})).rejects.toMatchObject({statusCode: 400})
      const {entries} = await readHistoryLog(historyFileOf(file))
      expect(entries.map((entry) => entry.author)).toEqual([tool, tool, 'Dr. Rossi'])
    } finally {
      await lake.close()
    }
  })

  it('at start, records a change made to the file while no lake served it, by an unknown author', async () => {
    const lake = await startLocalLake({datasets: {production: file}})
    await clientFor(lake.url, lake.token).patch('a').set({n: 1}).commit()
    await lake.close()
    await writeFile(file, '{"_id":"a","_type":"note","_rev":"edited-by-hand","n":42}\n')
    const again = await startLocalLake({datasets: {production: file}})
    await again.close()
    const {entries} = await readHistoryLog(historyFileOf(file))
    expect(entries).toHaveLength(2)
    expect(entries[1]).toMatchObject({origin: 'outside', author: 'unknown (changed outside the lake)', changes: [{id: 'a', resultRev: 'edited-by-hand', after: {n: 42}}]})
    expectLogMatchesDataset(entries, await readDataset())
  })

  it('a read-only lake reads the log but never repairs or writes it', async () => {
    const lake = await startLocalLake({datasets: {production: file}})
    await clientFor(lake.url, lake.token).patch('a').set({n: 1}).commit()
    await lake.close()
    await appendFile(historyFileOf(file), '{"torn')
    const before = await readFile(historyFileOf(file), 'utf8')
    const readOnly = await startLocalLake({datasets: {production: file}, readOnly: true})
    try {
      const response = await fetch(`${readOnly.url}/v2025-02-19/data/history/production/transactions/a`, {headers: {Authorization: `Bearer ${readOnly.token}`}})
      expect((await response.text()).trim().split('\n')).toHaveLength(1)
    } finally {
      await readOnly.close()
    }
    expect(await readFile(historyFileOf(file), 'utf8')).toBe(before)
  })

  it('keeps the history of a directory of datasets out of the dataset list', async () => {
    const lake = await startLocalLake({datasets: directory})
    await clientFor(lake.url, lake.token).withConfig({dataset: 'dataset'}).patch('a').set({n: 1}).commit()
    await lake.close()
    const again = await startLocalLake({datasets: directory})
    try {
      const response = await fetch(`${again.url}/v2025-02-19/data/query/dataset.ndjson.history?query=1`)
      expect(response.status).toBe(404)
    } finally {
      await again.close()
    }
  })
})

/** The real log opener, with every write cut to at most `chunk` bytes and no error (a nearly full disk). */
const shortWrites =
  (chunk: number): OpenAppendHandle =>
  async (path) => {
    const handle = await openForAppend(path)
    return {
      write: (buffer, offset, length, position) => handle.write(buffer, offset, Math.min(length, chunk), position),
      truncate: (length) => handle.truncate(length),
      sync: () => handle.sync(),
      close: () => handle.close(),
    }
  }

/** The real log opener while `full()` says so: writes take `room` bytes in all, then fail with ENOSPC. */
const fillingDisk =
  (full: () => boolean, room: number): OpenAppendHandle =>
  async (path) => {
    const handle = await openForAppend(path)
    let left = room
    return {
      write: async (buffer, offset, length, position) => {
        if (!full()) return handle.write(buffer, offset, length, position)
        if (left === 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), {code: 'ENOSPC'})
        const result = await handle.write(buffer, offset, Math.min(length, left), position)
        left -= result.bytesWritten
        return result
      },
      truncate: (length) => handle.truncate(length),
      sync: () => handle.sync(),
      close: () => handle.close(),
    }
  }

describe('the history log on a full disk', () => {
  const big = 'x'.repeat(120_001)

  it('writes every byte of an entry whose writes come back short, and a take-back cuts exactly that entry', async () => {
    let failDataset = false
    const lake = await startLocalLake({
      datasets: {production: file},
      openHistoryFile: shortWrites(20_480),
      writeFile: async (target, contents) => {
        if (failDataset) throw new Error('disk full')
        await writeFile(target, contents)
      },
    })
    let kept: string
    try {
      const client = clientFor(lake.url, lake.token)
      await client.patch('a').set({big}).commit({transactionId: 'big'})
      await client.patch('a').set({n: 1}).commit({transactionId: 'small'})
      kept = await readFile(historyFileOf(file), 'utf8')
      failDataset = true
      await expect(client.patch('a').set({big: `${big}y`}).commit({transactionId: 'reverted'})).rejects.toThrow(/disk full/)
    } finally {
      await lake.close()
    }
    // The take-back cut the file to its length before that append: no NUL padding, no half line.
    expect(await readFile(historyFileOf(file), 'utf8')).toBe(kept)
    const {entries, tornBytes} = await readHistoryLog(historyFileOf(file))
    expect(tornBytes).toBe(0)
    expect(entries.map((entry) => entry.transactionId)).toEqual(['big', 'small'])
    expect(entries[0]!.changes[0]!.after).toMatchObject({big})
    const again = await startLocalLake({datasets: {production: file}})
    await again.close()
  })

  it('fails an append whose write fails part way as a whole: the file is cut back, the client told, later entries land whole', async () => {
    let full = false
    const lake = await startLocalLake({datasets: {production: file}, openHistoryFile: fillingDisk(() => full, 20_480)})
    try {
      const client = clientFor(lake.url, lake.token)
      await client.patch('a').set({n: 1}).commit({transactionId: 'before'})
      const kept = await readFile(historyFileOf(file), 'utf8')
      full = true
      await expect(client.patch('a').set({big}).commit({transactionId: 'torn'})).rejects.toThrow(/history log.*ENOSPC/)
      expect(await readFile(historyFileOf(file), 'utf8')).toBe(kept)
      expect((await readDataset())[0]).not.toHaveProperty('big')
      full = false
      await client.patch('a').set({n: 2}).commit({transactionId: 'after'})
    } finally {
      await lake.close()
    }
    const {entries, tornBytes} = await readHistoryLog(historyFileOf(file))
    expect(tornBytes).toBe(0)
    expect(entries.map((entry) => entry.transactionId)).toEqual(['before', 'after'])
    const again = await startLocalLake({datasets: {production: file}})
    await again.close()
  })

  it('refuses to start on a damaged log with one line naming the repair, which keeps the damaged tail in a side file', async () => {
    const lake = await startLocalLake({datasets: {production: file}})
    const client = clientFor(lake.url, lake.token)
    await client.patch('a').set({n: 1}).commit({transactionId: 'one'})
    const whole = await readFile(historyFileOf(file), 'utf8')
    await client.patch('a').set({n: 2}).commit({transactionId: 'two'})
    await lake.close()
    // What the old append left on a full disk: a torn entry, NUL padding, then a later entry.
    const later = (await readFile(historyFileOf(file), 'utf8')).slice(whole.length)
    const damaged = `${whole}${later.slice(0, 40)}${'\0'.repeat(30)}${later}`
    await writeFile(historyFileOf(file), damaged)
    const refused = await startLocalLake({datasets: {production: file}}).then(
      async (started) => {
        await started.close()
        return undefined
      },
      (error: unknown) => error as Error & {code: string},
    )
    expect(refused?.code).toBe('HISTORY_LOG_INVALID')
    expect(refused?.message).not.toContain('\n')
    expect(refused?.message).toMatch(/damaged at line 2 .*pnpm lake --repair-history/)
    const repaired = await startLocalLake({datasets: {production: file}, repairHistory: true})
    try {
      expect(repaired.historyRepairs).toEqual([{file: historyFileOf(file), line: 2, sideFile: expect.stringContaining('.damaged-'), movedBytes: damaged.length - whole.length}])
      expect(await readFile(repaired.historyRepairs[0]!.sideFile, 'utf8')).toBe(damaged.slice(whole.length))
    } finally {
      await repaired.close()
    }
    // The entries before the damage stay; the dataset's state after them is recorded as an outside change.
    const {entries} = await readHistoryLog(historyFileOf(file))
    expect(entries.map((entry) => [entry.transactionId, entry.origin])).toEqual([['one', 'lake'], [expect.stringMatching(/^outside-/), 'outside']])
    expectLogMatchesDataset(entries, await readDataset())
  })
})

describe('the history log and the dataset after SIGKILL', () => {
  let child: ChildProcess | undefined
  afterEach(() => {
    child?.kill('SIGKILL')
    child = undefined
  })

  async function startChild(): Promise<{url: string; token: string}> {
    child = spawn(process.execPath, ['--conditions=@treatments/source', CHILD, file], {stdio: ['ignore', 'pipe', 'inherit']})
    return JSON.parse(await firstLine(child)) as {url: string; token: string}
  }

  async function killChild(): Promise<void> {
    const exited = new Promise((resolve) => child!.once('exit', resolve))
    child!.kill('SIGKILL')
    await exited
    child = undefined
  }

  /** Restarts a lake on the file (which repairs the log) and checks log and dataset agree. */
  async function expectAgreementAfterRestart(acknowledged: readonly string[]): Promise<HistoryEntry[]> {
    const lake = await startLocalLake({datasets: {production: file}})
    await lake.close()
    const {entries, tornBytes} = await readHistoryLog(historyFileOf(file))
    expect(tornBytes).toBe(0)
    const documents = await readDataset()
    expectLogMatchesDataset(entries, documents)
    // Every transaction a client was told about is in the log.
    const logged = new Set(entries.map((entry) => entry.transactionId))
    expect(acknowledged.filter((id) => !logged.has(id))).toEqual([])
    // No entry but the outside-change kind is missing from the dataset's revisions.
    expect(entries.every((entry) => entry.origin === 'lake')).toBe(true)
    return entries
  }

  it('killed between the log append and the dataset rename: the next start drops the entry, or keeps it when the rename happened', async () => {
    // Large enough (about 20 MB) that writing and syncing it takes a while.
    const padding = 'x'.repeat(2000)
    await writeFile(file, Array.from({length: 10_000}, (_, index) => JSON.stringify({_id: `doc-${index}`, _type: 'note', padding})).join('\n') + '\n')
    const {url, token} = await startChild()
    const killed = new Promise<void>((resolve) => {
      const watcher = watch(directory, (_event, name) => {
        if (name?.endsWith('.tmp') && child?.kill('SIGKILL')) {
          watcher.close()
          resolve()
        }
      })
    })
    void clientFor(url, token).patch('doc-1').set({n: 1}).commit({transactionId: 'killed'}).catch(() => {})
    await killed
    await new Promise((resolve) => child!.once('exit', resolve))
    child = undefined
    // The log was appended before the dataset write began.
    expect((await readHistoryLog(historyFileOf(file))).entries.map((entry) => entry.transactionId)).toEqual(['killed'])
    const entries = await expectAgreementAfterRestart([])
    const reached = (await readDataset()).find((document) => document._id === 'doc-1')?._rev === 'killed'
    expect(entries.map((entry) => entry.transactionId)).toEqual(reached ? ['killed'] : [])
  }, 60_000)

  it('killed at arbitrary moments of a stream of writes: after each restart the log and the dataset agree', async () => {
    const acknowledged: string[] = []
    for (const delay of [5, 40, 120, 300]) {
      const {url, token} = await startChild()
      const client = clientFor(url, token)
      let stop = false
      const writer = (async () => {
        for (let index = 0; !stop; index++) {
          const transactionId = `t-${delay}-${index}`
          try {
            await client.patch('a').inc({n: 1}).commit({transactionId})
            acknowledged.push(transactionId)
            await client.createOrReplace({_id: `b-${index % 3}`, _type: 'note', index})
          } catch {
            return
          }
        }
      })()
      await new Promise((resolve) => setTimeout(resolve, delay))
      await killChild()
      stop = true
      await writer
      const entries = await expectAgreementAfterRestart(acknowledged)
      const counter = (await readDataset()).find((document) => document._id === 'a')
      // The counter counts exactly the logged increments.
      expect(counter?.n).toBe(entries.filter((entry) => entry.changes.some((change) => change.id === 'a')).length)
    }
  }, 120_000)
})

describe('a history log changed outside a running lake', () => {
  const victimText = `${'a file of the user that is not the log\n'.repeat(200)}`
  for (const [how, change] of [
    ['replaced by a link to another file', async (log: string, victim: string) => {
      await rename(log, `${log}.moved`)
      await symlink(victim, log)
    }],
    ['removed', async (log: string) => rm(log)],
    ['replaced by a shorter file', async (log: string) => writeFile(log, '')],
  ] as const) {
    it(`when ${how}: writes are refused with 409 and write nothing anywhere; reads keep answering`, async () => {
      const victim = join(directory, 'victim.txt')
      await writeFile(victim, victimText)
      const lake = await startLocalLake({datasets: {production: file}})
      try {
        const client = clientFor(lake.url, lake.token)
        await client.patch('a').set({n: 1}).commit({transactionId: 'before'})
        const log = historyFileOf(file)
        await change(log, victim)
        const logged = await readFile(log, 'utf8').catch(() => undefined)
        const dataset = await readFile(file, 'utf8')
        const error = await client.patch('a').set({n: 2}).commit({transactionId: 'refused'}).catch((caught: unknown) => caught)
        expect(error).toMatchObject({statusCode: 409, response: {body: {error: {type: 'datasetChangedOutsideError'}}}})
        expect(await readFile(victim, 'utf8')).toBe(victimText)
        expect(await readFile(log, 'utf8').catch(() => undefined)).toBe(logged)
        expect(await readFile(file, 'utf8')).toBe(dataset)
        expect(await client.getDocument('a')).toMatchObject({n: 1})
      } finally {
        await lake.close()
      }
    })
  }

  it('a lake started on a log that is a link refuses to start, also to repair it, and leaves the link\'s target alone', async () => {
    const victim = join(directory, 'victim.txt')
    await writeFile(victim, victimText)
    await symlink(victim, historyFileOf(file))
    for (const repairHistory of [false, true]) {
      const error = await startLocalLake({datasets: {production: file}, repairHistory}).then(
        async (lake) => lake.close(),
        (caught: unknown) => caught,
      )
      expect(error, `repairHistory: ${repairHistory}`).toMatchObject({code: 'HISTORY_LOG_INVALID', message: expect.stringMatching(/is a link/)})
    }
    expect(await readFile(victim, 'utf8')).toBe(victimText)
  })
})
