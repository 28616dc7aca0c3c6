import {afterEach, describe, expect, it} from 'vitest'

import {type LakeFixture, startLakeFixture} from '../../test-support/lake-fixture.ts'

let fixture: LakeFixture
afterEach(async () => {
  await fixture.close()
})

describe("the query workers' copies of a dataset", () => {
  it('follow every change in dataset order, through mutations and actions', async () => {
    fixture = await startLakeFixture()
    const {client, readDocuments} = fixture
    const raw = client.withConfig({perspective: 'raw'})
    // A query the page plan cannot answer, so a worker does; asked after each change.
    const expectSameAsFile = async () => {
      const ids = await raw.fetch<string[]>('*[defined(_id)]._id')
      expect(ids).toEqual((await readDocuments()).map((document) => document._id))
      expect(await raw.fetch('*[_id == "note-2"][0].n')).toEqual((await readDocuments()).find((document) => document._id === 'note-2')?.n ?? null)
    }
    await expectSameAsFile()
    for (let round = 0; round < 3; round++) {
      await client.create({_id: `fresh-${round}`, _type: 'note', n: round})
      await expectSameAsFile()
      await client.transaction().createOrReplace({_id: 'note-2', _type: 'note', n: round * 10}).delete('clinic-berlin').create({_id: 'clinic-berlin', _type: 'clinic', name: `again ${round}`}).commit()
      await expectSameAsFile()
      await client.patch('note-2').inc({n: 1}).commit()
      await client.delete(`fresh-${round}`)
      await expectSameAsFile()
      await client.action({actionType: 'sanity.action.document.create', publishedId: `draft-note-${round}`, attributes: {_id: `drafts.draft-note-${round}`, _type: 'note'}, ifExists: 'fail'})
      await client.action({actionType: 'sanity.action.document.publish', draftId: `drafts.draft-note-${round}`, publishedId: `draft-note-${round}`})
      await expectSameAsFile()
    }
  }, 60_000)
})
