import {describe, expect, it} from 'vitest'
import {queryApiSource} from './query-api-source.ts'

/** A `fetch` that records each request and answers with `respond`. */
function recordingFetch(respond: () => Response = () => Response.json({result: 'ok', ms: 1})) {
  const requests: Array<{url: string; init: RequestInit}> = []
  const fetchImpl = (async (url: string, init: RequestInit) => {
    requests.push({url, init})
    return respond()
  }) as typeof fetch
  return {requests, fetchImpl}
}

describe('queryApiSource', () => {
  it('asks the CDN host with GET, the query as given, JSON-encoded $params, the published perspective and no echoed query', async () => {
    const {requests, fetchImpl} = recordingFetch()
    const source = queryApiSource({projectId: 'abc123', dataset: 'production'}, fetchImpl)
    expect(await source.fetch('*[slug.current == $slug][0]', {slug: 'a b', locales: ['it', 'en']})).toBe('ok')
    const url = new URL(requests[0]!.url)
    expect(url.origin).toBe('https://abc123.apicdn.sanity.io')
    expect(url.pathname).toBe('/v2025-02-19/data/query/production')
    expect(url.searchParams.get('query')).toBe('*[slug.current == $slug][0]')
    expect(url.searchParams.get('$slug')).toBe('"a b"')
    expect(url.searchParams.get('$locales')).toBe('["it","en"]')
    expect(url.searchParams.get('perspective')).toBe('published')
    expect(url.searchParams.get('returnQuery')).toBe('false')
    expect(requests[0]!.init.method).toBe('GET')
  })

  it('uses the API host and a bearer token when given a token, and the apiHost when set', async () => {
    const {requests, fetchImpl} = recordingFetch()
    await queryApiSource({projectId: 'abc123', dataset: 'production', token: 'sk-read'}, fetchImpl).fetch('*', {})
    expect(new URL(requests[0]!.url).origin).toBe('https://abc123.api.sanity.io')
    expect((requests[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer sk-read')
    await queryApiSource({projectId: 'x', dataset: 'd', apiHost: 'http://127.0.0.1:3334/', apiVersion: '2024-01-01'}, fetchImpl).fetch('*', {})
    expect(requests[1]!.url.startsWith('http://127.0.0.1:3334/v2024-01-01/data/query/d?query=')).toBe(true)
  })

  it('sends a query too long for a URL as a POST body, keeping the perspective in the URL', async () => {
    const {requests, fetchImpl} = recordingFetch()
    const query = `*[${'a == 1 || '.repeat(2000)}true]`
    await queryApiSource({projectId: 'abc123', dataset: 'production'}, fetchImpl).fetch(query, {slug: 's'})
    expect(requests[0]!.init.method).toBe('POST')
    expect(new URL(requests[0]!.url).searchParams.get('perspective')).toBe('published')
    expect(JSON.parse(String(requests[0]!.init.body))).toEqual({query, params: {slug: 's'}})
  })

  it('fails with the status code, the API’s description and the Retry-After header, for the package’s retries', async () => {
    const {fetchImpl} = recordingFetch(
      () => new Response(JSON.stringify({error: {description: 'Rate limit exceeded'}}), {status: 429, headers: {'retry-after': '2'}}),
    )
    const failure = queryApiSource({projectId: 'abc123', dataset: 'production'}, fetchImpl).fetch('*', {})
    await expect(failure).rejects.toMatchObject({statusCode: 429, message: expect.stringContaining('Rate limit exceeded'), response: {headers: {'retry-after': '2'}}})
  })

  it('turns a failed connection into a retryable network error, not a TypeError', async () => {
    const fetchImpl = (async () => {
      throw new TypeError('Failed to fetch')
    }) as typeof fetch
    const failure = queryApiSource({projectId: 'abc123', dataset: 'production'}, fetchImpl).fetch('*', {})
    await expect(failure).rejects.toMatchObject({code: 'ECONNRESET', message: expect.stringContaining('Failed to fetch')})
    await expect(failure).rejects.not.toBeInstanceOf(TypeError)
  })

  it('says which host answered 200 with something that is not JSON (a web server on the lake’s port, say)', async () => {
    const {fetchImpl} = recordingFetch(() => new Response('<!DOCTYPE html><html><body>Next.js</body></html>', {headers: {'content-type': 'text/html'}}))
    const failure = queryApiSource({projectId: 'x', dataset: 'd', apiHost: 'http://127.0.0.1:3000'}, fetchImpl).fetch('*', {})
    await expect(failure).rejects.toThrow('HTTP 200 from http://127.0.0.1:3000 is not JSON: <!DOCTYPE html><html><body>Next.js</body></html>')
    await expect(failure).rejects.not.toBeInstanceOf(SyntaxError)
    // JSON without a result, even `null`: nothing, which the reader reports as a malformed answer (not a TypeError).
    const nothing = recordingFetch(() => new Response('null', {headers: {'content-type': 'application/json'}}))
    await expect(queryApiSource({projectId: 'x', dataset: 'd'}, nothing.fetchImpl).fetch('*', {})).resolves.toBeUndefined()
  })
})
