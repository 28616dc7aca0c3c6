import type {SanityClient} from '@sanity/client'
import {exportXliff, importXliff, planXliffImport, parseXliff, fetchPublishedDocuments} from '@treatments/translations'
import {historyFileOf, readHistoryLog} from '@treatments/local-lake'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {translateXliff} from '../../packages/translations/src/test-support/test-translator.ts'
import {startTempLake, type TempLake} from './support/temp-lake.ts'

let temp: TempLake
beforeEach(async () => {
  temp = await startTempLake()
})
afterEach(async () => {
  await temp.close()
})

/**
 * The lake's client, except that each transaction, just before it commits, first runs `meanwhile`
 * (once per import): an editor's change landing between the import's read and its write.
 */
function clientWithEditMeanwhile(client: SanityClient, meanwhile: () => Promise<void>): SanityClient {
  let edited = false
  return new Proxy(client, {
    get(target, property) {
      if (property === 'transaction') {
        return (...args: Parameters<SanityClient['transaction']>) => {
          const transaction = target.transaction(...args)
          const commit = transaction.commit.bind(transaction)
          transaction.commit = (async (options?: never) => {
            if (!edited) {
              edited = true
              await meanwhile()
            }
            return commit(options)
          }) as typeof transaction.commit
          return transaction
        }
      }
      const value = Reflect.get(target, property, target) as unknown
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

describe('importXliff writes', () => {
  // An import writes drafts (issue 23): an existing draft is patched with its revision as guard,
  // a new one is created and fails if a draft appeared meanwhile. Either way, one editor's
  // change between the import's read and its write leaves nothing of the import written.
  it.each([
    ['an existing draft is guarded by its revision', true],
    ['a new draft fails when an editor made one meanwhile', false],
  ])('nothing when one document changed after it was read (%s), all in one transaction', async (_name, draftsFirst) => {
    const translated = translateXliff((await exportXliff(temp.client, {locale: 'de'})).xml!, (text) => `[DE] ${text}`)
    const published = await fetchPublishedDocuments(temp.client)
    const plan = await planXliffImport(parseXliff(translated), published, {now: '2026-06-01T00:00:00.000Z'})
    expect(plan.updates.length).toBeGreaterThan(2)
    const draftOf = (id: string) => {
      const {_rev: _omitRev, _updatedAt: _omitUpdatedAt, ...copy} = published.find((document) => document._id === id)!
      return {...copy, _id: `drafts.${id}`}
    }
    if (draftsFirst) {
      const drafts = temp.client.transaction()
      for (const update of plan.updates) drafts.create(draftOf(update.documentId))
      await drafts.commit()
    }
    // The last document the import writes changes after the import read it, as an editor's edit does.
    const last = plan.updates.at(-1)!.documentId
    let afterEdit = ''
    const racing = clientWithEditMeanwhile(temp.client, async () => {
      await temp.client.createOrReplace({...draftOf(last), editorNote: 'edited while the import ran'})
      afterEdit = await temp.readText()
    })
    const error = await importXliff(racing, translated, {now: '2026-06-01T00:00:00.000Z'}).catch((caught: unknown) => caught)
    expect(error).toMatchObject({statusCode: 409})
    expect(afterEdit).toContain('edited while the import ran')
    // Not one document of the import was written: the file is as the editor left it.
    expect(await temp.readText()).toBe(afterEdit)
    expect(afterEdit).not.toContain('[DE] ')
  })

  it("all documents in one transaction, which the lake's history records as one entry", async () => {
    const translated = translateXliff((await exportXliff(temp.client, {locale: 'de'})).xml!, (text) => `[DE] ${text}`)
    const before = (await readHistoryLog(historyFileOf(temp.file))).entries.length
    const result = await importXliff(temp.client, translated, {now: '2026-06-01T00:00:00.000Z'})
    expect(result.applied).toBe(true)
    const entries = (await readHistoryLog(historyFileOf(temp.file))).entries.slice(before)
    expect(entries.map((entry) => entry.transactionId)).toEqual([result.transactionId])
    expect(entries[0]!.changes.map((change) => change.id).sort()).toEqual(result.updates.map((update) => `drafts.${update.documentId}`).sort())
    expect(result.updates.length).toBeGreaterThan(2)
  })
})
