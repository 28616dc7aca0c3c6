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
  it('nothing when one document changed after it was read: every document is guarded by its revision, all in one transaction', async () => {
    const translated = translateXliff((await exportXliff(temp.client, {locale: 'de'})).xml!, (text) => `[DE] ${text}`)
    const plan = await planXliffImport(parseXliff(translated), await fetchPublishedDocuments(temp.client), {now: '2026-06-01T00:00:00.000Z'})
    expect(plan.updates.length).toBeGreaterThan(2)
    // The last document the import writes changes after the import read it.
    const last = plan.updates.at(-1)!.documentId
    let afterEdit = ''
    const racing = clientWithEditMeanwhile(temp.client, async () => {
      await temp.client.patch(last).set({editorNote: 'edited while the import ran'}).commit()
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
    expect(entries[0]!.changes.map((change) => change.id).sort()).toEqual(result.updates.map((update) => update.documentId).sort())
    expect(result.updates.length).toBeGreaterThan(2)
  })
})
