import {subscribe, unsubscribe} from 'node:diagnostics_channel'

import {ClientError, createClient} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {GroqRunner} from './groq-runner.ts'
import {QueryBudget, QueryCancelledError} from './query-budget.ts'
import {type LocalLake, startLocalLake} from '../server/start-local-lake.ts'

/** 5,000 documents, one in five a treatment with a slug: a cross join visits 5 million pairs. */
function manyDocuments(count = 5000) {
  return Array.from({length: count}, (_, index) => ({
    _id: `doc-${index}`,
    _type: index % 5 === 0 ? 'treatment' : 'other',
    slug: {_type: 'slug', current: `slug-${index}`},
    title: `Title ${index}`,
  }))
}

const CROSS_JOIN = '*[_type == "treatment"]{"x": *[_type != ""]}'

/** The next `query-stopped` event of the lake. */
function nextQueryStopped(): Promise<{reason: string; ms: number}> {
  return new Promise((resolve) => {
    const listener = (message: unknown) => {
      unsubscribe('treatments:local-lake:query-stopped', listener)
      resolve(message as {reason: string; ms: number})
    }
    subscribe('treatments:local-lake:query-stopped', listener)
  })
}

describe('a long query', () => {
  // No race with the clock: the cross join's limit is a minute, and it ends when the test
  // cancels it, which the lake reports as an event.
  it('leaves a second client its by-slug answers while it runs', async () => {
    const lake = await startLocalLake({datasets: {production: manyDocuments()}, queryTimeoutMs: 60_000, readOnly: true})
    try {
      const controller = new AbortController()
      let crossJoinSettled = false
      const crossJoin = createClient(lake.clientConfig)
        .fetch(CROSS_JOIN, {}, {signal: controller.signal})
        .finally(() => {
          crossJoinSettled = true
        })
      const other = createClient(lake.clientConfig)
      for (const index of [0, 5, 10, 15, 20]) {
        const title = await other.fetch('*[_type == "treatment" && slug.current == $slug][0].title', {slug: `slug-${index}`})
        expect(title).toBe(`Title ${index}`)
      }
      // Every by-slug answer arrived while the cross join was still running.
      expect(crossJoinSettled).toBe(false)
      const stopped = nextQueryStopped()
      controller.abort()
      await expect(crossJoin).rejects.toThrow()
      expect(await stopped).toMatchObject({reason: 'cancelled'})
      expect(await other.fetch('count(*)')).toBe(5000)
    } finally {
      await lake.close()
    }
  })
})

describe('the query time limit', () => {
  let lake: LocalLake
  beforeAll(async () => {
    lake = await startLocalLake({datasets: {production: manyDocuments()}, queryTimeoutMs: 3000, readOnly: true})
    // Two queries at once start both query workers (they start with the first queries that need them).
    const url = `${lake.url}/v2025-02-19/data/query/production?query=count(*)`
    await Promise.all([fetch(url), fetch(url)])
  })
  afterAll(async () => {
    await lake.close()
  })

  it('stops a cross join with 408, and the lake keeps serving', async () => {
    const error = await createClient(lake.clientConfig)
      .fetch(CROSS_JOIN)
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ClientError)
    expect(error).toMatchObject({statusCode: 408})
    expect((error as Error).message).toMatch(/^Query exceeded the local lake's time limit of 3000 ms and was stopped/)
    expect(await createClient(lake.clientConfig).fetch('count(*)')).toBe(5000)
  })

  it('stops a query nested three scans deep', async () => {
    const response = await fetch(
      `${lake.url}/v2025-02-19/data/query/production?query=${encodeURIComponent('*{"x":*{"y":*{"z":*}}}')}`,
    )
    expect(response.status).toBe(408)
    expect(await response.json()).toMatchObject({error: {type: 'queryTimeoutError'}})
  })
})

describe('a client that disconnects', () => {
  it('cancels its query on the server', async () => {
    const lake = await startLocalLake({datasets: {production: manyDocuments()}, queryTimeoutMs: 60_000, readOnly: true})
    const stopped = nextQueryStopped()
    try {
      const controller = new AbortController()
      const request = fetch(`${lake.url}/v2025-02-19/data/query/production?query=${encodeURIComponent(CROSS_JOIN)}`, {signal: controller.signal})
      setTimeout(() => controller.abort(), 200)
      await expect(request).rejects.toThrow()
      // Stopped long before its 60 s limit.
      expect(await stopped).toMatchObject({reason: 'cancelled', ms: expect.any(Number)})
    } finally {
      await lake.close()
    }
  })
})

describe('QueryBudget', () => {
  it('cancels a running evaluation when its signal aborts', async () => {
    const runner = new GroqRunner(10)
    const documents = manyDocuments(2000)
    const view = {documents, byId: new Map(documents.map((document) => [document._id, document]))}
    const controller = new AbortController()
    const running = runner.run(CROSS_JOIN, {}, view, {projectId: 'p', dataset: 'd'}, {timeoutMs: 60_000, signal: controller.signal})
    setTimeout(() => controller.abort(), 20)
    await expect(running).rejects.toBeInstanceOf(QueryCancelledError)
  })

  it('meters every scan, including nested ones, and leaves results unchanged', async () => {
    const runner = new GroqRunner(10)
    const documents = manyDocuments(20)
    const view = {documents, byId: new Map(documents.map((document) => [document._id, document]))}
    const result = await runner.run(
      '{"n": count(*), "pairs": count(*[_type == "treatment"]{"all": *[]}.all[]), "first": *[0]._id}',
      {},
      view,
      {projectId: 'p', dataset: 'd'},
      {timeoutMs: 60_000},
    )
    expect(result).toEqual({n: 20, pairs: 80, first: 'doc-0'})
  })

  it('fails past its deadline with Sanity\'s error shape', async () => {
    const budget = new QueryBudget({timeoutMs: 1})
    await new Promise((resolve) => setTimeout(resolve, 5))
    await expect(budget.checkpoint()).rejects.toMatchObject({
      statusCode: 408,
      body: {error: {type: 'queryTimeoutError'}},
    })
  })
})
