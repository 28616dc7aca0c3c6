import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {type LakeFixture, fixtureDocuments, startLakeFixture} from '../../test-support/lake-fixture.ts'

let fixture: LakeFixture
beforeEach(async () => {
  fixture = await startLakeFixture()
})
afterEach(async () => {
  await fixture.close()
})

describe('documents by id through @sanity/client', () => {
  it('getDocument returns the stored document, drafts included, and undefined for a missing id', async () => {
    const stored = await fixtureDocuments()
    expect(await fixture.client.getDocument('treatment-botox')).toEqual(stored.find((document) => document._id === 'treatment-botox'))
    expect(await fixture.client.getDocument('drafts.treatment-peel')).toMatchObject({_id: 'drafts.treatment-peel', priceFrom: 120})
    expect(await fixture.client.getDocument('no-such-document')).toBeUndefined()
  })

  it('getDocuments returns documents in the order asked, with null for missing ids', async () => {
    const documents = await fixture.client.getDocuments(['clinic-berlin', 'missing', 'treatment-fillers'])
    expect(documents.map((document) => document?._id ?? null)).toEqual(['clinic-berlin', null, 'treatment-fillers'])
  })

  it('answers {documents, omitted} with reason "existence" for missing ids', async () => {
    const response = await fetch(`${fixture.lake.url}/v2025-02-19/data/doc/production/clinic-berlin,missing-one`)
    expect(response.status).toBe(200)
    const body = (await response.json()) as {documents: Array<{_id: string}>; omitted: unknown[]}
    expect(body.documents.map((document) => document._id)).toEqual(['clinic-berlin'])
    expect(body.omitted).toEqual([{id: 'missing-one', reason: 'existence'}])
  })
})
