import {open, mkdtemp, readFile, rename, rm, stat, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {type SanityClient, createClient} from '@sanity/client'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {historyFileOf, readHistoryLog} from '../history/history-log.ts'
import type {StartLocalLakeOptions} from '../lake-options.ts'
import {type LocalLake, startLocalLake} from '../server/start-local-lake.ts'

const CONTRAINDICATION =
  '{"_id":"contraindication-pregnancy","_type":"contraindication","_rev":"seed1","_createdAt":"2026-11-20T09:00:00Z","_updatedAt":"2026-11-20T09:00:00Z","text":[{"_key":"en","_type":"internationalizedArrayStringValue","language":"en","value":"Pregnancy"},{"_key":"de","_type":"internationalizedArrayStringValue","language":"de","value":"Schwangerschaft"}],"kind":"absolute"}'
const CLINIC = '{"_id":"clinic-berlin","_type":"clinic","_rev":"seed1","_createdAt":"2026-11-20T09:00:00Z","_updatedAt":"2026-11-20T09:00:00Z","name":"Berlin Mitte","visits":0}'

let directory: string
let file: string
let lakes: LocalLake[]
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'lake-outside-edit-'))
  file = join(directory, 'dataset.ndjson')
  await writeFile(file, `${CONTRAINDICATION}\n${CLINIC}\n`)
  lakes = []
})
afterEach(async () => {
  await Promise.all(lakes.map((lake) => lake.close()))
  await rm(directory, {recursive: true, force: true})
})

async function start(options: Partial<StartLocalLakeOptions> = {}): Promise<{lake: LocalLake; client: SanityClient}> {
  const lake = await startLocalLake({datasets: {production: file}, lock: {command: 'a test lake', server: true}, ...options})
  lakes.push(lake)
  return {lake, client: clientFor(lake)}
}

async function stop(lake: LocalLake): Promise<void> {
  lakes = lakes.filter((each) => each !== lake)
  await lake.close()
}

const clientFor = (lake: LocalLake) =>
  createClient({apiHost: lake.url, useProjectHostname: false, projectId: 'local', dataset: 'production', apiVersion: '2025-02-19', useCdn: false, token: lake.token})

const failure = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('the write was accepted'), (error: unknown) => error)

const refusal = () =>
  `The dataset file ${file} (dataset "production") was changed outside the lake after the lake loaded or last wrote it ` +
  '(an editor, git checkout, a script); this change was not applied, so that the outside edit is not overwritten. ' +
  'Restart the lake: it records the outside change in its history log and takes writes again.'

const edited = (text: string) => text.replace('"value":"Pregnancy"', '"value":"Pregnancy (also suspected pregnancy)"')

/** Replaces the file as `sed -i` does: a new file renamed over it (a new inode). */
async function replaceOutside(change: (text: string) => string): Promise<string> {
  const next = change(await readFile(file, 'utf8'))
  await writeFile(`${file}.sed-tmp`, next)
  await rename(`${file}.sed-tmp`, file)
  return next
}

/** Rewrites the file in place, as an editor saving over the same inode does. */
async function rewriteInPlace(change: (text: string) => string): Promise<string> {
  const next = change(await readFile(file, 'utf8'))
  const handle = await open(file, 'r+')
  try {
    await handle.truncate(0)
    await handle.write(next, 0)
  } finally {
    await handle.close()
  }
  return next
}

const historyBytes = () => readFile(historyFileOf(file), 'utf8').catch(() => '')

describe('a dataset file changed outside a running lake', () => {
  for (const [how, edit] of [
    ['replaced (sed -i: a new file renamed over it)', replaceOutside],
    ['rewritten in place (same inode)', rewriteInPlace],
  ] as const) {
    it(`when ${how}: writes are refused with 409 and change nothing; reads keep answering`, async () => {
      const {lake, client} = await start()
      // The lake has written the file once: the log knows the contraindication.
      await client.patch('contraindication-pregnancy').set({kind: 'relative'}).commit()
      const inode = (await stat(file)).ino
      const outside = await edit(edited)
      if (how.includes('same inode')) expect((await stat(file)).ino).toBe(inode)
      const log = await historyBytes()
      expect(log).not.toBe('')

      const error = await failure(client.patch('clinic-berlin').set({name: 'Berlin Mitte (moved)'}).commit())
      expect(error).toMatchObject({statusCode: 409})
      expect((error as Error).message).toBe(refusal())
      // The Actions API goes through the same transaction.
      const actionError = await failure(
        client.action({actionType: 'sanity.action.document.edit', draftId: 'drafts.clinic-berlin', publishedId: 'clinic-berlin', patch: {set: {visits: 1}}}),
      )
      expect(actionError).toMatchObject({statusCode: 409})
      expect((actionError as Error).message).toBe(refusal())
      // A raw request gets Sanity's error shape.
      const response = await fetch(`${lake.url}/v2025-02-19/data/mutate/production`, {
        method: 'POST',
        headers: {Authorization: `Bearer ${lake.token}`, 'Content-Type': 'application/json'},
        body: JSON.stringify({mutations: [{create: {_type: 'note'}}]}),
      })
      expect(response.status).toBe(409)
      expect(await response.json()).toMatchObject({error: {description: refusal(), type: 'datasetChangedOutsideError'}})

      expect(await readFile(file, 'utf8')).toBe(outside)
      expect(await historyBytes()).toBe(log)
      expect(await client.fetch('*[_id == "clinic-berlin"][0].name')).toBe('Berlin Mitte')
      expect(await client.getDocument('contraindication-pregnancy')).toMatchObject({kind: 'relative'})
    })
  }

  it('after a restart on the same file the write succeeds, and the log records the outside change before it', async () => {
    const first = await start()
    await first.client.patch('contraindication-pregnancy').set({kind: 'relative'}).commit({transactionId: 'by-the-lake'})
    await replaceOutside(edited)
    const error = await failure(first.client.patch('clinic-berlin').set({name: 'Berlin Mitte (moved)'}).commit({transactionId: 'refused'}))
    expect(error).toMatchObject({statusCode: 409})
    await stop(first.lake)

    const second = await start()
    await second.client.patch('clinic-berlin').set({name: 'Berlin Mitte (moved)'}).commit({transactionId: 'after-restart'})
    const {entries} = await readHistoryLog(historyFileOf(file))
    expect(entries.map((entry) => entry.origin)).toEqual(['lake', 'outside', 'lake'])
    expect(entries.map((entry) => entry.transactionId)).toEqual(['by-the-lake', expect.stringMatching(/^outside-/), 'after-restart'])
    expect(entries[1]?.changes).toMatchObject([
      {id: 'contraindication-pregnancy', after: {text: [{_key: 'en', value: 'Pregnancy (also suspected pregnancy)'}, {_key: 'de'}]}},
    ])
    const text = await readFile(file, 'utf8')
    expect(text).toContain('"value":"Pregnancy (also suspected pregnancy)"')
    expect(text).toContain('"name":"Berlin Mitte (moved)"')
  })

  it("never refuses the lake's own writes: many in a row and two clients at once", async () => {
    const {lake, client} = await start()
    for (let index = 1; index <= 25; index++) await client.patch('clinic-berlin').set({visits: index}).commit()
    const other = clientFor(lake)
    await Promise.all([
      ...Array.from({length: 15}, () => client.patch('clinic-berlin').inc({visits: 1}).commit()),
      ...Array.from({length: 15}, (_, index) => other.createOrReplace({_id: `note-${index}`, _type: 'note'})),
    ])
    expect(await client.fetch('*[_id == "clinic-berlin"][0].visits')).toBe(40)
    const text = await readFile(file, 'utf8')
    expect(text).toContain('"visits":40')
    expect(text).toContain('"_id":"note-14"')
  })

  it('a deleted file is recreated by the next write, as before', async () => {
    const {client} = await start()
    await client.patch('clinic-berlin').set({visits: 1}).commit()
    await rm(file)
    await client.patch('clinic-berlin').set({visits: 2}).commit()
    await client.patch('clinic-berlin').set({visits: 3}).commit()
    const text = await readFile(file, 'utf8')
    expect(text).toContain('"_id":"contraindication-pregnancy"')
    expect(text).toContain('"visits":3')
  })

  it('an in-memory lake never writes the file, so an outside edit does not stop its writes', async () => {
    const {client} = await start({inMemory: true})
    const outside = await replaceOutside(edited)
    await client.patch('clinic-berlin').set({visits: 1}).commit()
    expect(await readFile(file, 'utf8')).toBe(outside)
  })
})
