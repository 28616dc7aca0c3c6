import {afterEach, describe, expect, it} from 'vitest'

import {type LakeFixture, startLakeFixture} from '../../test-support/lake-fixture.ts'
import {startLocalLake} from '../server/start-local-lake.ts'
import {MAX_DOCUMENT_DEPTH} from '../write/storable-value.ts'

let fixture: LakeFixture | undefined
afterEach(async () => {
  await fixture?.close()
  fixture = undefined
})

async function post(endpoint: 'mutate' | 'actions', text: string): Promise<{status: number; body: {error?: {type: string; description: string}}}> {
  const response = await fetch(`${fixture!.lake.url}/v2025-02-19/data/${endpoint}/production`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', ...fixture!.auth},
    body: text,
  })
  return {status: response.status, body: (await response.json()) as {error?: {type: string; description: string}}}
}

/** JSON text of arrays nested `depth` levels deep around `inner`. */
const nested = (depth: number, inner = '') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`

describe('what the lake accepts at write', () => {
  it('refuses a 2,000-deep array with 400 in Sanity shape, in a document and in a patch, and the next start works', async () => {
    fixture = await startLakeFixture()
    const before = await fixture.readText()
    const created = await post('mutate', `{"mutations":[{"create":{"_id":"deep","_type":"note","v":${nested(2000)}}}]}`)
    expect(created.status).toBe(400)
    expect(created.body.error).toMatchObject({type: 'httpBadRequest', description: expect.stringMatching(/more than \d+ levels deep/)})
    const patched = await post('mutate', `{"mutations":[{"patch":{"id":"treatment-botox","set":{"v":${nested(2000)}}}}]}`)
    expect(patched.status).toBe(400)
    const action = await post('actions', `{"actions":[{"actionType":"sanity.action.document.create","publishedId":"deep","attributes":{"_id":"drafts.deep","_type":"note","v":${nested(2000)}}}]}`)
    expect(action.status).toBe(400)
    expect(await fixture.readText()).toBe(before)
    await fixture.lake.close()
    const again = await startLocalLake({datasets: {production: fixture.file}})
    await again.close()
  })

  it('refuses a document that patches make too deep, one level at a time', async () => {
    fixture = await startLakeFixture()
    const {client} = fixture
    await client.create({_id: 'grows', _type: 'note', v: JSON.parse(nested(MAX_DOCUMENT_DEPTH - 2)) as unknown})
    // One more level fits (the document is level 1); the next is refused.
    const path = `v${'[0]'.repeat(MAX_DOCUMENT_DEPTH - 3)}`
    await client.patch('grows').set({[path]: [[]]}).commit()
    await expect(client.patch('grows').set({[path]: [[[]]]}).commit()).rejects.toMatchObject({
      statusCode: 400,
      response: {body: {error: {type: 'mutationError', description: expect.stringMatching(/Document "grows" nests .* more than 100 levels deep/)}}},
    })
  })

  it('reads a document just under the limit back after a restart', async () => {
    fixture = await startLakeFixture()
    const value = JSON.parse(nested(MAX_DOCUMENT_DEPTH - 1, '"bottom"')) as unknown
    await fixture.client.create({_id: 'deep', _type: 'note', v: value})
    await fixture.client.patch('deep').set({n: 1}).commit()
    await fixture.lake.close()
    const again = await startLocalLake({datasets: {production: fixture.file}})
    try {
      const response = await fetch(`${again.url}/v2025-02-19/data/doc/production/deep`)
      const {documents} = (await response.json()) as {documents: Array<{v: unknown; n: number}>}
      expect(documents[0]).toMatchObject({v: value, n: 1})
    } finally {
      await again.close()
    }
  })

  it('refuses a reused transaction id with 409, so a stale ifRevisionID patch cannot overwrite an edit', async () => {
    fixture = await startLakeFixture()
    const {client} = fixture
    await client.transaction().create({_id: 'note', _type: 'note', text: 'first'}).commit({transactionId: 'rev-1'})
    expect((await client.getDocument('note'))?._rev).toBe('rev-1')
    // Another writer edits with a transaction id equal to the revision the first writer saw.
    await expect(client.patch('note').set({text: 'second writer'}).commit({transactionId: 'rev-1'})).rejects.toMatchObject({
      statusCode: 409,
      response: {body: {error: {type: 'conflict'}}},
    })
    await client.patch('note').set({text: 'second writer'}).commit({transactionId: 'rev-2'})
    // The first writer's stale patch now fails instead of overwriting the second writer's text.
    await expect(client.patch('note').ifRevisionId('rev-1').set({text: 'stale'}).commit()).rejects.toMatchObject({statusCode: 409})
    expect((await client.getDocument('note'))?.text).toBe('second writer')
    // A transaction id the log holds stays used after a restart.
    const contents = await fixture.readText()
    await fixture.close()
    fixture = await startLakeFixture({}, {contents})
    await expect(fixture.client.transaction().create({_id: 'other', _type: 'note'}).commit({transactionId: 'rev-2'})).rejects.toMatchObject({statusCode: 409})
  })

  it('refuses inc past the largest number and a number JSON cannot hold, instead of storing null', async () => {
    fixture = await startLakeFixture()
    const {client} = fixture
    await client.create({_id: 'count', _type: 'note', n: Number.MAX_VALUE})
    await expect(client.patch('count').inc({n: Number.MAX_VALUE}).commit()).rejects.toMatchObject({
      statusCode: 400,
      response: {body: {error: {type: 'mutationError', description: expect.stringContaining('beyond the largest number')}}},
    })
    const huge = await post('mutate', '{"mutations":[{"patch":{"id":"count","set":{"n":1e999}}}]}')
    expect(huge).toMatchObject({status: 400, body: {error: {type: 'httpBadRequest', description: expect.stringContaining('beyond the largest JSON number')}}})
    expect((await client.getDocument('count'))?.n).toBe(Number.MAX_VALUE)
  })
})
