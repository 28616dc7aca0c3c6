import {ClientError, createClient} from '@sanity/client'
import {evaluate, parse} from 'groq-js'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {type LakeFixture, fixtureDocuments, startLakeFixture} from '../../test-support/lake-fixture.ts'

let fixture: LakeFixture
let requests: Array<{method: string; url: string}>
beforeEach(async () => {
  fixture = await startLakeFixture()
  requests = []
  fixture.lake.server.prependListener('request', (request) => {
    requests.push({method: request.method ?? '', url: request.url ?? ''})
  })
})
afterEach(async () => {
  await fixture.close()
})

async function groqJs(query: string, params: Record<string, unknown>, dataset: unknown[]): Promise<unknown> {
  return (await evaluate(parse(query), {dataset, params})).get()
}

async function publishedFixture() {
  return (await fixtureDocuments()).filter((document) => !document._id.startsWith('drafts.'))
}

describe('GROQ queries through @sanity/client', () => {
  it('answers a GET query with $params exactly as groq-js does over the published documents', async () => {
    const query = '*[_type == $type && priceFrom >= $min] | order(priceFrom desc) {_id, "title": select($lang == "de" => title.de, title.en), clinic->{name}}'
    const params = {type: 'treatment', min: 100, lang: 'de'}
    const result = await fixture.client.fetch(query, params)
    expect(result).toEqual(await groqJs(query, params, await publishedFixture()))
    expect(result).toEqual([
      {_id: 'treatment-fillers', title: 'Hyaluron-Filler', clinic: null},
      {_id: 'treatment-botox', title: 'Botox', clinic: {name: 'Berlin Mitte'}},
    ])
    expect(requests).toHaveLength(1)
    expect(requests[0]?.method).toBe('GET')
    expect(requests[0]?.url).toContain('%24type=%22treatment%22')
  })

  it('sends a query longer than 11 KB as POST and answers it the same way', async () => {
    const exclude = Array.from({length: 1200}, (_, index) => `missing-document-${index}`)
    const query = '*[_type == "treatment" && !(_id in $exclude)]{_id, priceFrom}'
    const result = await fixture.client.fetch(query, {exclude})
    expect(requests.map((request) => request.method)).toEqual(['POST'])
    expect(result).toEqual(await groqJs(query, {exclude}, await publishedFixture()))
    expect(result).toEqual([
      {_id: 'treatment-botox', priceFrom: 250},
      {_id: 'treatment-fillers', priceFrom: 350},
    ])
  })

  it('returns the raw response with query and ms when filterResponse is false', async () => {
    const response = await fixture.client.fetch('count(*[_type == "treatment"])', {}, {filterResponse: false})
    expect(response).toMatchObject({query: 'count(*[_type == "treatment"])', result: 2})
    expect(typeof response.ms).toBe('number')
  })

  it('omits the query from the response when the client asks for returnQuery=false', async () => {
    const response = await fetch(`${fixture.lake.url}/v2025-02-19/data/query/production?query=1%2B1&returnQuery=false`)
    expect(await response.json()).toEqual({result: 2, ms: expect.any(Number)})
  })

  it('applies perspectives: published by default, raw, and drafts with _originalId', async () => {
    const query = '*[_type == "treatment"] | order(_id) {_id, priceFrom}'
    expect(await fixture.client.fetch(query)).toEqual([
      {_id: 'treatment-botox', priceFrom: 250},
      {_id: 'treatment-fillers', priceFrom: 350},
    ])
    expect((await fixture.client.fetch<Array<{_id: string}>>(query, {}, {perspective: 'raw'})).map((row) => row._id)).toEqual([
      'drafts.treatment-botox',
      'drafts.treatment-peel',
      'treatment-botox',
      'treatment-fillers',
    ])
    expect(await fixture.client.fetch('*[_type == "treatment"] | order(_id) {_id, _originalId, priceFrom}', {}, {perspective: 'drafts'})).toEqual([
      {_id: 'treatment-botox', _originalId: 'drafts.treatment-botox', priceFrom: 275},
      {_id: 'treatment-fillers', _originalId: 'treatment-fillers', priceFrom: 350},
      {_id: 'treatment-peel', _originalId: 'drafts.treatment-peel', priceFrom: 120},
    ])
  })

  it('defaults to the raw perspective for API versions before 2025-02-19', async () => {
    const oldClient = createClient({...fixture.lake.clientConfig, apiVersion: '2024-01-01'})
    expect(await oldClient.fetch('count(*[_type == "treatment"])')).toBe(4)
  })

  it('rejects invalid GROQ with a Sanity-shaped 400 that the client turns into a readable ClientError', async () => {
    const error = await fixture.client.fetch('*[_type == "treatment"').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ClientError)
    expect(error).toMatchObject({statusCode: 400})
    expect((error as Error).message).toContain('GROQ query parse error')
    expect((error as Error).message).toContain('*[_type == "treatment"')

    const response = await fetch(`${fixture.lake.url}/v2025-02-19/data/query/production?query=${encodeURIComponent('*[_type ==')}`)
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toContain('application/json')
    expect(await response.json()).toEqual({
      error: {
        type: 'queryParseError',
        description: 'Unexpected end of query',
        query: '*[_type ==',
        start: 9,
        end: 10,
      },
    })
  })

  it('rejects a query that uses a parameter it was not given, like Content Lake', async () => {
    const error = await fixture.client.fetch('*[_id == $id]').catch((caught: unknown) => caught)
    expect(error).toMatchObject({statusCode: 400, message: 'param $id referenced, but not provided'})
  })

  it('keeps a GET parameter named $__proto__ as an ordinary parameter', async () => {
    const response = await fetch(`${fixture.lake.url}/vX/data/query/production?query=%24__proto__&%24__proto__=${encodeURIComponent('{"a":1}')}`)
    expect(await response.json()).toMatchObject({result: {a: 1}})
  })

  it('rejects a GET parameter that is not JSON-encoded and an unknown perspective', async () => {
    const badParam = await fetch(`${fixture.lake.url}/vX/data/query/production?query=%24id&%24id=plain`)
    expect(badParam.status).toBe(400)
    expect(((await badParam.json()) as {error: {description: string}}).error.description).toMatch(
      /^Parameter "\$id" is not valid JSON: plain/,
    )
    const badPerspective = await fetch(`${fixture.lake.url}/vX/data/query/production?query=1&perspective=bogus`)
    expect(badPerspective.status).toBe(400)
    expect(await badPerspective.json()).toMatchObject({error: {type: 'httpBadRequest', description: expect.stringContaining('Unknown perspective "bogus"')}})
  })

  it('answers a POST with a missing query with 400', async () => {
    const response = await fetch(`${fixture.lake.url}/vX/data/query/production`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: '{"params":{}}',
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: {type: 'httpBadRequest', description: 'Request body must have "query": a GROQ query string'},
    })
  })
})

describe('kept answers', () => {
  it('answers a repeated query from the kept answer and drops it on the next change', async () => {
    const query = '*[_id == $id][0].priceFrom'
    expect(await fixture.client.fetch(query, {id: 'treatment-botox'})).toBe(250)
    expect(await fixture.client.fetch(query, {id: 'treatment-botox'})).toBe(250)
    await fixture.client.patch('treatment-botox').set({priceFrom: 260}).commit()
    expect(await fixture.client.fetch(query, {id: 'treatment-botox'})).toBe(260)
    await fixture.client.transaction().delete('treatment-botox').commit()
    expect(await fixture.client.fetch(query, {id: 'treatment-botox'})).toBeNull()
  })

  it('keeps answers per perspective and per parameters', async () => {
    const query = '*[_id == $id][0].priceFrom'
    const anonymous = createClient({...fixture.lake.clientConfig, token: undefined})
    expect(await anonymous.fetch(query, {id: 'treatment-botox'})).toBe(250)
    expect(await fixture.client.fetch(query, {id: 'treatment-botox'}, {perspective: 'drafts'})).toBe(275)
    expect(await anonymous.fetch(query, {id: 'treatment-botox'})).toBe(250)
    expect(await anonymous.fetch(query, {id: 'treatment-fillers'})).toBe(350)
  })

  it('never keeps an answer that reads the time', async () => {
    const first = await fixture.client.fetch<string>('now()')
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(await fixture.client.fetch<string>('now()')).not.toBe(first)
  })

  it('sends the same bytes for a kept answer, with and without the query echoed', async () => {
    const url = `${fixture.lake.url}/v2025-02-19/data/query/production?query=${encodeURIComponent('*[_type == "treatment"]{_id}')}`
    const first = await (await fetch(`${url}&returnQuery=false`)).json()
    const second = await fetch(url)
    expect(Number(second.headers.get('content-length'))).toBe(Buffer.byteLength(await second.clone().text()))
    expect(await second.json()).toEqual({...(first as object), query: '*[_type == "treatment"]{_id}', ms: expect.any(Number)})
  })
})
