import {applyPatch} from 'mendoza'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {type LakeFixture, startLakeFixture} from '../../test-support/lake-fixture.ts'

let fixture: LakeFixture
beforeEach(async () => {
  fixture = await startLakeFixture({author: 'Dr. Rossi'})
})
afterEach(async () => {
  await fixture.close()
})

const history = (path: string) => fixture.client.request<Record<string, unknown>>({url: `/data/history/production/${path}`})

/** NDJSON lines of a transactions request, read raw as the Studio reads them. */
async function transactions(ids: string, query = ''): Promise<Array<Record<string, unknown>>> {
  const response = await fetch(`${fixture.lake.url}/v2025-02-19/data/history/production/transactions/${ids}${query}`, {headers: fixture.auth})
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/)
  const text = await response.text()
  return text === '' ? [] : text.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
}

/** Edits the fixture's published treatment twice, as in the example. */
async function editTwice() {
  const original = (await fixture.client.getDocument('treatment-fillers'))!
  const first = await fixture.client.patch('treatment-fillers').set({priceFrom: 360}).commit()
  await new Promise((resolve) => setTimeout(resolve, 5))
  const second = await fixture.client.patch('treatment-fillers').set({priceFrom: 370, 'title.en': 'Fillers'}).commit()
  return {original, first, second}
}

describe('GET /data/history/{dataset}/documents/{id}', () => {
  it('returns the document at a revision: the original, the first and the second edit', async () => {
    const {original, first, second} = await editTwice()
    expect(await history(`documents/treatment-fillers?revision=${first._rev}`)).toEqual({documents: [first]})
    expect(await history(`documents/treatment-fillers?revision=${second._rev}`)).toEqual({documents: [second]})
    expect(await history(`documents/treatment-fillers?revision=${original._rev}`)).toEqual({documents: [original]})
  })

  it('returns the document as it was at a time, and the last revision of a deleted document', async () => {
    const {original, first, second} = await editTwice()
    expect(await history(`documents/treatment-fillers?time=${encodeURIComponent(first._updatedAt)}`)).toEqual({documents: [first]})
    expect(await history(`documents/treatment-fillers?time=${encodeURIComponent(new Date(Date.parse(first._updatedAt) - 1).toISOString())}`)).toEqual({
      documents: [original],
    })
    await fixture.client.delete('treatment-fillers')
    expect(await history('documents/treatment-fillers?lastRevision=true')).toEqual({documents: [second]})
    await expect(history(`documents/treatment-fillers?time=${encodeURIComponent(new Date().toISOString())}`)).rejects.toMatchObject({statusCode: 404})
  })

  it('answers several ids at a time, with the documents found (as the Studio asks for a draft and its published document)', async () => {
    const {first} = await editTwice()
    const time = encodeURIComponent(first._updatedAt)
    expect(await history(`documents/treatment-fillers,drafts.treatment-fillers?time=${time}`)).toEqual({documents: [first]})
  })

  it('answers a revision it never saw with 404, a bad time with 400, and anonymous clients with 401', async () => {
    await editTwice()
    await expect(history('documents/treatment-fillers?revision=nope')).rejects.toMatchObject({
      statusCode: 404,
      message: expect.stringContaining('has no document "treatment-fillers" at revision "nope"'),
    })
    await expect(history('documents/treatment-fillers?time=yesterday')).rejects.toMatchObject({statusCode: 400})
    await expect(history('documents/treatment-fillers')).rejects.toMatchObject({statusCode: 400})
    const anonymous = await fetch(`${fixture.lake.url}/v2025-02-19/data/history/production/documents/treatment-fillers?lastRevision=true`)
    expect(anonymous.status).toBe(401)
  })
})

describe('GET /data/history/{dataset}/transactions/{ids}', () => {
  it('streams the transactions of a document as NDJSON with author, time, mutations and mendoza effects that rebuild each version', async () => {
    const {original, first, second} = await editTwice()
    await fixture.client.patch('clinic-berlin').set({visits: 3}).commit()
    const lines = await transactions('treatment-fillers', '?effectFormat=mendoza')
    expect(lines.map((line) => line.id)).toEqual([first._rev, second._rev])
    expect(lines[0]).toMatchObject({
      author: 'local-editor',
      authorName: 'Dr. Rossi',
      timestamp: first._updatedAt,
      documentIDs: ['treatment-fillers'],
      mutations: [{patch: {id: 'treatment-fillers', set: {priceFrom: 360}}}],
    })
    const effects = (line: Record<string, unknown>) => (line.effects as Record<string, {apply: unknown[]; revert: unknown[]}>)['treatment-fillers']!
    expect(applyPatch(structuredClone(original), effects(lines[0]!).apply)).toEqual(first)
    expect(applyPatch(structuredClone(second), effects(lines[1]!).revert)).toEqual(first)
  })

  it('filters by transaction range, time, reverses, limits and leaves content out on request', async () => {
    const {first, second} = await editTwice()
    const third = await fixture.client.patch('treatment-fillers').set({priceFrom: 380}).commit()
    const ids = (lines: Array<Record<string, unknown>>) => lines.map((line) => line.id)
    expect(ids(await transactions('treatment-fillers', `?fromTransaction=${first._rev}&toTransaction=${second._rev}`))).toEqual([first._rev, second._rev])
    expect(ids(await transactions('treatment-fillers', `?fromTime=${encodeURIComponent(second._updatedAt)}`))).toEqual([second._rev, third._rev])
    expect(ids(await transactions('treatment-fillers', `?toTime=${encodeURIComponent(first._updatedAt)}`))).toEqual([first._rev])
    expect(ids(await transactions('treatment-fillers', '?reverse=true&limit=2'))).toEqual([third._rev, second._rev])
    const [bare] = await transactions('treatment-fillers', '?excludeContent=true&limit=1')
    expect(bare).not.toHaveProperty('mutations')
    expect(ids(await transactions('clinic-berlin,treatment-fillers', '?limit=10'))).toHaveLength(3)
    expect(await transactions('never-changed')).toEqual([])
  })

  it('refuses, before sending anything, transactions larger than the lake\'s answer limit, saying how to ask for less', async () => {
    const small = await startLakeFixture({maxResponseBytes: 4096})
    try {
      for (let edit = 0; edit < 3; edit++) await small.client.patch('treatment-fillers').set({notes: `${edit}`.repeat(2000)}).commit()
      const url = `${small.lake.url}/v2025-02-19/data/history/production/transactions/treatment-fillers`
      const refused = await fetch(url, {headers: small.auth})
      expect(refused.status).toBe(400)
      expect(await refused.json()).toMatchObject({
        error: {
          type: 'queryResultTooLarge',
          description: "The history answer would be larger than the local lake's limit of 4096 bytes; ask for fewer transactions (limit, fromTransaction, toTransaction), leave out their content (excludeContent=true) or raise the limit (--max-response-bytes)",
        },
      })
      expect((await fetch(`${url}?excludeContent=true`, {headers: small.auth})).status).toBe(200)
      expect((await fetch(`${url}?limit=1`, {headers: small.auth})).status).toBe(200)
    } finally {
      await small.close()
    }
  })
})

describe('GET /data/history/{dataset}/events/documents/{id}', () => {
  it('lists the lifecycle of a draft the Studio way: created, then published, newest first', async () => {
    await fixture.client.action(
      {actionType: 'sanity.action.document.create', publishedId: 'note-1', attributes: {_id: 'drafts.note-1', _type: 'note', title: 'First'}, ifExists: 'fail'},
      {transactionId: 'tx-create'},
    )
    await fixture.client.action(
      {actionType: 'sanity.action.document.edit', draftId: 'drafts.note-1', publishedId: 'note-1', patch: {set: {title: 'Second'}}},
      {transactionId: 'tx-edit'},
    )
    await fixture.client.action({actionType: 'sanity.action.document.publish', draftId: 'drafts.note-1', publishedId: 'note-1'}, {transactionId: 'tx-publish'})
    const body = (await history('events/documents/drafts.note-1?limit=100')) as {events: Record<string, Array<Record<string, unknown>>>; nextCursor: string}
    expect(body.nextCursor).toBe('')
    expect(body.events['drafts.note-1']).toEqual([
      expect.objectContaining({
        type: 'publishDocumentVersion',
        documentId: 'note-1',
        revisionId: 'tx-publish',
        versionId: 'drafts.note-1',
        versionRevisionId: 'tx-edit',
        author: 'local-editor',
      }),
      expect.objectContaining({type: 'createDocumentVersion', documentId: 'note-1', versionId: 'drafts.note-1', versionRevisionId: 'tx-create'}),
    ])
    // The edit itself is not an event: the Studio builds edits from the transactions endpoint.
    const lines = await transactions('drafts.note-1', '?fromTransaction=tx-create&effectFormat=mendoza&excludeContent=true&includeIdentifiedDocumentsOnly=true')
    expect(lines.map((line) => line.id)).toEqual(['tx-create', 'tx-edit', 'tx-publish'])
  })

  it('pages with nextCursor', async () => {
    for (const index of [1, 2, 3]) {
      await fixture.client.create({_id: `drafts.page-${index}`, _type: 'note'})
      await fixture.client.delete(`drafts.page-${index}`)
      await fixture.client.create({_id: 'drafts.paged', _type: 'note', index})
      await fixture.client.delete('drafts.paged')
    }
    const first = (await history('events/documents/drafts.paged?limit=4')) as {events: Record<string, unknown[]>; nextCursor: string}
    expect(first.events['drafts.paged']).toHaveLength(4)
    const second = (await history(`events/documents/drafts.paged?limit=4&nextCursor=${first.nextCursor}`)) as {events: Record<string, unknown[]>; nextCursor: string}
    expect(second.events['drafts.paged']).toHaveLength(2)
    expect(second.nextCursor).toBe('')
  })
})
