import {type ListenEvent, type MutationEvent, createClient} from '@sanity/client'
import {applyPatch} from 'mendoza'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {type LakeFixture, startLakeFixture} from '../../test-support/lake-fixture.ts'

let fixture: LakeFixture
beforeEach(async () => {
  fixture = await startLakeFixture()
})
afterEach(async () => {
  await fixture.close()
})

type Event = ListenEvent<Record<string, unknown>> & {type: string}

/** Subscribes with `client.listen()` and collects events; `next(n)` waits for the first n. */
function listen(query: string, params: Record<string, unknown>, options: Record<string, unknown>) {
  const events: Event[] = []
  const waiters: Array<() => void> = []
  let failure: unknown
  const subscription = fixture.client
    .listen(query, params, {events: ['welcome', 'mutation', 'reconnect', 'welcomeback', 'reset'], ...options} as never)
    .subscribe({
      next: (event) => {
        events.push(event as Event)
        for (const wake of waiters.splice(0)) wake()
      },
      error: (error: unknown) => {
        failure = error
        for (const wake of waiters.splice(0)) wake()
      },
    })
  return {
    events,
    async next(count: number): Promise<Event[]> {
      while (events.length < count) {
        if (failure !== undefined) throw failure
        await new Promise<void>((resolve) => waiters.push(resolve))
      }
      return events.slice(0, count)
    },
    close: () => subscription.unsubscribe(),
  }
}

const mutations = (events: Event[]) => events.filter((event): event is MutationEvent & {type: 'mutation'} => event.type === 'mutation')

describe('listen', () => {
  it('sends welcome, then one event per matching document in commit order, with revisions that chain and mendoza effects', async () => {
    const listener = listen('*[_type == "note"]', {}, {includeResult: true, effectFormat: 'mendoza'})
    try {
      expect((await listener.next(1))[0]).toMatchObject({type: 'welcome', listenerName: expect.any(String)})
      const first = await fixture.client
        .transaction()
        .create({_id: 'note-a', _type: 'note', text: 'a'})
        .create({_id: 'other', _type: 'clinic'})
        .create({_id: 'note-b', _type: 'note', text: 'b'})
        .commit({transactionId: 'tx-first'} as never)
      await fixture.client.patch('note-a').set({text: 'A'}).unset(['missing']).commit()
      await fixture.client.patch('note-b').set({_type: 'clinic'}).commit()
      const events = mutations(await listener.next(5))
      expect(events.map((event) => [event.documentId, event.transition, event.transactionCurrentEvent, event.transactionTotalEvents])).toEqual([
        ['note-a', 'appear', 0, 2],
        ['note-b', 'appear', 1, 2],
        ['note-a', 'update', 0, 1],
        ['note-b', 'disappear', 0, 1],
      ])
      const [createA, createB, patchA, leaveB] = events as [MutationEvent, MutationEvent, MutationEvent, MutationEvent]
      expect(createA).toMatchObject({
        transactionId: first.transactionId,
        identity: 'local-editor',
        visibility: 'query',
        resultRev: first.transactionId,
        mutations: [{create: {_id: 'note-a', _type: 'note', text: 'a'}}],
        result: {_id: 'note-a', text: 'a', _rev: first.transactionId},
        timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      })
      expect(createA.previousRev).toBeUndefined()
      expect(createB.transactionId).toBe(createA.transactionId)
      expect(patchA.previousRev).toBe(createA.resultRev)
      expect(patchA.resultRev).not.toBe(createA.resultRev)
      expect(patchA.mutations).toEqual([{patch: {id: 'note-a', set: {text: 'A'}, unset: ['missing']}}])
      // The effects turn the previous revision into the result, and back.
      expect(applyPatch(createA.result, patchA.effects!.apply)).toEqual(patchA.result)
      expect(applyPatch(patchA.result, patchA.effects!.revert)).toEqual(createA.result)
      expect(applyPatch(null, createA.effects!.apply)).toEqual(createA.result)
      expect(leaveB.previousRev).toBe(createB.resultRev)
    } finally {
      listener.close()
    }
  })

  it('reports a deleted document as disappear, without a result', async () => {
    await fixture.client.create({_id: 'note-gone', _type: 'note'})
    const listener = listen('*[_id == $id]', {id: 'note-gone'}, {includeResult: true, includePreviousRevision: true})
    try {
      await listener.next(1)
      await fixture.client.delete('note-gone')
      const [event] = mutations(await listener.next(2))
      expect(event).toMatchObject({documentId: 'note-gone', transition: 'disappear', previous: {_id: 'note-gone'}})
      expect(event!.result).toBeUndefined()
      // The Studio chains a document's events by previousRev -> resultRev: a delete still carries one.
      expect(event!.resultRev).toBe(event!.transactionId)
    } finally {
      listener.close()
    }
  })

  it('needs the token', async () => {
    const response = await fetch(`${fixture.lake.url}/v2025-02-19/data/listen/production?query=*`)
    expect(response.status).toBe(401)
  })

  it('refuses a query that is not a filter with 400', async () => {
    const response = await fetch(`${fixture.lake.url}/v2025-02-19/data/listen/production?query=count(*)`, {headers: fixture.auth})
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({error: {type: 'queryParseError'}})
  })

  it('resumes after a dropped connection: reconnect, welcomeback, then the events missed meanwhile', async () => {
    const listener = listen('*[_type == "note"]', {}, {enableResume: true, includeResult: false})
    try {
      await listener.next(1)
      await fixture.client.create({_id: 'note-1', _type: 'note'})
      await listener.next(2)
      fixture.lake.server.closeAllConnections()
      // Let this process see the closed sockets first: a write sent at once can go out on a
      // kept-alive socket the lake just closed ("other side closed"), which is not this test.
      await new Promise((resolve) => setTimeout(resolve, 50))
      const writer = createClient(fixture.lake.clientConfig)
      await writer.create({_id: 'note-2', _type: 'note'})
      const events = await listener.next(5)
      expect(events.map((event) => event.type)).toEqual(['welcome', 'mutation', 'reconnect', 'welcomeback', 'mutation'])
      expect(events[4]).toMatchObject({documentId: 'note-2', transition: 'appear'})
      expect((events[4] as MutationEvent).result).toBeUndefined()
    } finally {
      listener.close()
    }
  })

  it('answers a resume it cannot serve with reset', async () => {
    const controller = new AbortController()
    const response = await fetch(`${fixture.lake.url}/v2025-02-19/data/listen/production?query=*&enableResume=true`, {
      headers: {...fixture.auth, 'Last-Event-ID': 'forgotten-transaction#doc'},
      signal: controller.signal,
    })
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    const reader = response.body!.getReader()
    const {value} = await reader.read()
    expect(new TextDecoder().decode(value)).toBe('event: reset\ndata: {}\n\n')
    controller.abort()
  })

  it('closes a resumed listener whose filter cannot be evaluated with a channelError, without an unhandled rejection', async () => {
    const rejections: unknown[] = []
    const onRejection = (reason: unknown) => rejections.push(reason)
    process.on('unhandledRejection', onRejection)
    try {
      const {_rev: transactionId} = await fixture.client.create({_id: 'probe-1', _type: 'note'})
      const query = encodeURIComponent('*[_id == "probe-1" && geo::distance(_id, _id) > 1]')
      const response = await fetch(`${fixture.lake.url}/v2025-02-19/data/listen/production?query=${query}&enableResume=true`, {
        headers: {...fixture.auth, 'Last-Event-ID': `${transactionId}#probe-1`},
      })
      const reader = response.body!.getReader()
      let text = ''
      const deadline = Date.now() + 5000
      while (!text.includes('channelError') && Date.now() < deadline) {
        const {value, done} = await Promise.race([reader.read(), new Promise<{value: undefined; done: true}>((resolve) => setTimeout(() => resolve({value: undefined, done: true}), 5000))])
        if (done) break
        text += new TextDecoder().decode(value)
      }
      expect(text).toMatch(/^event: welcomeback\n/)
      expect(text).toMatch(/event: channelError\ndata: \{"message":"The local lake could not evaluate the listener: /)
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(rejections).toEqual([])
      expect(await fixture.client.fetch('count(*) > 0')).toBe(true)
    } finally {
      process.off('unhandledRejection', onRejection)
    }
  })
})
