import {ClientError, type SanityClient, createClient} from '@sanity/client'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {type LakeFixture, startLakeFixture} from '../../test-support/lake-fixture.ts'

let fixture: LakeFixture
beforeEach(async () => {
  fixture = await startLakeFixture()
})
afterEach(async () => {
  await fixture.close()
})

/** Read, change, write with ifRevisionID; on 409 read again and retry, as an editor would. */
async function appendTag(client: SanityClient, id: string, tag: string, beforeWrite: () => Promise<void> = async () => {}) {
  let conflicts = 0
  for (;;) {
    const current = await client.getDocument<{_rev: string; tags?: string[]}>(id)
    await beforeWrite()
    try {
      await client.patch(id).ifRevisionId(current!._rev).set({tags: [...(current!.tags ?? []), tag]}).commit()
      return conflicts
    } catch (error) {
      if (!(error instanceof ClientError) || error.statusCode !== 409) throw error
      conflicts++
      beforeWrite = async () => {}
    }
  }
}

describe('revisions', () => {
  it('stamps _rev, _createdAt and _updatedAt on every write; _createdAt stays', async () => {
    const created = await fixture.client.create({_id: 'note', _type: 'note'})
    expect(created).toMatchObject({_rev: expect.any(String), _createdAt: expect.any(String), _updatedAt: created._createdAt})
    await new Promise((resolve) => setTimeout(resolve, 5))
    const patched = await fixture.client.patch('note').set({a: 1}).commit()
    expect(patched._rev).not.toBe(created._rev)
    expect(patched._createdAt).toBe(created._createdAt)
    expect(patched._updatedAt > created._updatedAt).toBe(true)
  })

  it('two concurrent writers lose nothing: one gets 409, reads again, retries, and both changes are kept', async () => {
    const second = createClient(fixture.lake.clientConfig)
    await fixture.client.create({_id: 'shared', _type: 'note', tags: []})
    let release!: () => void
    const bothRead = new Promise<void>((resolve) => (release = resolve))
    let reads = 0
    const waitForBoth = async () => {
      if (++reads === 2) release()
      await bothRead
    }
    const [firstConflicts, secondConflicts] = await Promise.all([
      appendTag(fixture.client, 'shared', 'from-first', waitForBoth),
      appendTag(second, 'shared', 'from-second', waitForBoth),
    ])
    expect(firstConflicts + secondConflicts).toBe(1)
    const stored = (await fixture.readDocuments()).find((document) => document._id === 'shared')
    expect([...(stored!.tags as string[])].sort()).toEqual(['from-first', 'from-second'])
  })

  it('answers a stale ifRevisionID with 409 in Sanity\'s shape and changes nothing', async () => {
    const bytes = await fixture.readText()
    const response = await fetch(`${fixture.lake.url}/v2025-02-19/data/mutate/production`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', ...fixture.auth},
      body: JSON.stringify({mutations: [{patch: {id: 'clinic-berlin', ifRevisionID: 'stale', set: {name: 'x'}}}]}),
    })
    expect(response.status).toBe(409)
    expect(await response.json()).toMatchObject({
      error: {
        type: 'mutationError',
        items: [{index: 0, error: {type: 'documentRevisionIDDoesNotMatchError', id: 'clinic-berlin', expectedRevisionID: 'stale'}}],
      },
    })
    expect(await fixture.readText()).toBe(bytes)
  })
})
