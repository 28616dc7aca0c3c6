import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {type LakeFixture, startLakeFixture} from '../../test-support/lake-fixture.ts'

let fixture: LakeFixture
beforeAll(async () => {
  fixture = await startLakeFixture()
})
afterAll(async () => {
  await fixture.close()
})

describe('live events (client.live.events)', () => {
  it('announces each committed transaction with the sync tag that live-aware query answers carry', async () => {
    const answer = await fixture.client.withConfig({resultSourceMap: 'withKeyArraySelector'}).fetch('*[_type == "treatment"]', {}, {perspective: 'drafts', filterResponse: false})
    expect(answer.syncTags).toHaveLength(1)
    const received: Array<{type: string; id?: string; tags?: string[]}> = []
    let welcomed!: () => void
    let done!: () => void
    const welcome = new Promise<void>((resolve) => (welcomed = resolve))
    const two = new Promise<void>((resolve) => (done = resolve))
    const subscription = fixture.client.live.events({includeDrafts: true}).subscribe((event) => {
      if (event.type === 'welcome') welcomed()
      if (event.type === 'message') received.push(event)
      if (received.length === 2) done()
    })
    await welcome
    const draft = await fixture.client.create({_id: 'drafts.live-event-draft', _type: 'treatment', title: {en: 'Draft'}})
    const published = await fixture.client.create({_id: 'live-event-published', _type: 'treatment', title: {en: 'Published'}})
    await two
    subscription.unsubscribe()
    expect(received.map((event) => event.id)).toEqual([draft._rev, published._rev])
    for (const event of received) expect(event.tags).toEqual(answer.syncTags)
  })

  it('refuses drafts to a client without the token', async () => {
    const {apiHost, dataset} = fixture.client.config()
    const url = new URL(`/v2025-02-19/data/live/events/${dataset}`, apiHost)
    const anonymous = await fetch(`${url.href}?includeDrafts=true`)
    expect(anonymous.status).toBe(401)
    const published = await fetch(url, {signal: AbortSignal.timeout(5000)})
    expect(published.status).toBe(200)
    await published.body?.cancel()
  })

  it('answers a dataset name that is not valid URL encoding with a 400, not an internal error', async () => {
    const {apiHost} = fixture.client.config()
    const response = await fetch(new URL('/v2025-02-19/data/live/events/%E0%A4%A', apiHost), {signal: AbortSignal.timeout(5000)})
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({error: {type: 'httpBadRequest', description: 'Dataset name "%E0%A4%A" is not valid URL encoding'}})
  })
})
