import {createServer} from 'node:http'
import {type AddressInfo, connect} from 'node:net'

import {ClientError, createClient} from '@sanity/client'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {type LakeFixture, fixtureDocuments, startLakeFixture} from '../../test-support/lake-fixture.ts'
import {readToEnd} from '../../test-support/read-to-end.ts'
import {createLocalLakeHandler} from './create-local-lake-handler.ts'

describe('HTTP routing and errors', () => {
  let fixture: LakeFixture
  beforeEach(async () => {
    fixture = await startLakeFixture({maxBodyBytes: 1024})
  })
  afterEach(async () => {
    await fixture.close()
  })

  it('answers an unknown dataset with 404, which the client reports', async () => {
    const client = createClient({...fixture.lake.clientConfig, dataset: 'staging'})
    const error = await client.fetch('*').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ClientError)
    expect(error).toMatchObject({statusCode: 404})
    expect((error as Error).message).toBe('Dataset "staging" not found; the local lake serves: production')
  })

  it('answers an unknown route with 404 in Sanity error shape', async () => {
    const response = await fetch(`${fixture.lake.url}/v1/nope`)
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      error: {
        type: 'httpNotFound',
        description:
          'Unknown route GET /v1/nope; the local lake serves /v{apiVersion}/data/{query,doc,mutate,listen,actions,history,references}/{dataset}',
      },
    })
  })

  it('answers a wrong method with 405 and an Allow header', async () => {
    const response = await fetch(`${fixture.lake.url}/v2025-02-19/data/mutate/production`)
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST, OPTIONS')
    expect(await response.json()).toEqual({
      error: {type: 'httpMethodNotAllowed', description: 'Method GET is not allowed on /data/mutate; use POST'},
    })
  })

  it('answers endpoints it does not implement (export) with 501', async () => {
    const response = await fetch(`${fixture.lake.url}/v2025-02-19/data/export/production`)
    expect(response.status).toBe(501)
    expect(await response.json()).toMatchObject({error: {description: 'The local lake does not implement /data/export'}})
  })

  it('answers a body over the limit with 413 and changes nothing', async () => {
    const bytes = await fixture.readText()
    const response = await fetch(`${fixture.lake.url}/v2025-02-19/data/mutate/production`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', ...fixture.auth},
      body: JSON.stringify({mutations: [{create: {_id: 'big', _type: 'x', text: 'x'.repeat(2000)}}]}),
    })
    expect(response.status).toBe(413)
    expect(await response.json()).toEqual({
      error: {type: 'httpPayloadTooLarge', description: "Request body is larger than the local lake's limit of 1024 bytes"},
    })
    expect(await fixture.readText()).toBe(bytes)
    expect(await fixture.client.getDocument('big')).toBeUndefined()
  })

  it('accepts any version prefix, including vX and v1', async () => {
    for (const version of ['vX', 'v1', 'v2021-10-21']) {
      const response = await fetch(`${fixture.lake.url}/${version}/data/query/production?query=1`)
      expect(await response.json()).toMatchObject({result: 1})
    }
  })
})

describe('createLocalLakeHandler', () => {
  it('serves the lake from your own node:http server', async () => {
    const handler = await createLocalLakeHandler({datasets: {production: await fixtureDocuments()}})
    expect(handler.datasets).toEqual(['production'])
    const server = createServer(handler)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const {port} = server.address() as AddressInfo
      const client = createClient({
        apiHost: `http://127.0.0.1:${port}`,
        useProjectHostname: false,
        projectId: 'local',
        dataset: 'production',
        apiVersion: '2025-02-19',
        useCdn: false,
        token: handler.token,
      })
      await client.create({_id: 'embedded', _type: 'x'})
      await handler.idle()
      expect(await client.fetch('*[_id == "embedded"][0]._id')).toBe('embedded')
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it('rejects invalid options with a TypeError naming the call and the option', async () => {
    await expect(createLocalLakeHandler({datasets: {production: 42 as never}})).rejects.toThrow(
      new TypeError('createLocalLakeHandler: option "datasets.production" must be an NDJSON file path or an array of documents; received number 42'),
    )
  })
})

describe('inputs that used to crash the lake', () => {
  let fixture: LakeFixture
  beforeEach(async () => {
    fixture = await startLakeFixture({queryTimeoutMs: 2000, maxResponseBytes: 4096})
  })
  afterEach(async () => {
    await fixture.close()
  })

  const post = (query: string, params?: string) =>
    fetch(`${fixture.lake.url}/v2025-02-19/data/query/production`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: params === undefined ? JSON.stringify({query}) : `{"query":${JSON.stringify(query)},"params":${params}}`,
    })

  it('answers a request line that is not a URL path (GET //) with 400 and serves the next request', async () => {
    const {port} = new URL(fixture.lake.url)
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.end('GET // HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'))
      let text = ''
      socket.setEncoding('utf8')
      socket.on('data', (chunk: string) => (text += chunk))
      socket.on('end', () => resolve(text))
      socket.on('error', reject)
    })
    expect(answer).toMatch(/^HTTP\/1\.1 400 /)
    expect(answer).toContain('httpBadRequest')
    expect(await fixture.client.fetch('count(*) > 0')).toBe(true)
  })

  for (const [what, request, status, type] of [
    ['two Content-Length headers (request smuggling)', 'POST /v2025-02-19/data/query/production HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 13\r\nContent-Length: 5\r\n\r\n{"query":"1"}', 400, 'httpBadRequest'],
    ['Content-Length with Transfer-Encoding: chunked', 'POST /v2025-02-19/data/query/production HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', 400, 'httpBadRequest'],
    ['a NUL byte in the request line', 'GET /v2025-02-19/data/query/production?query=1\0 HTTP/1.1\r\nHost: localhost\r\n\r\n', 400, 'httpBadRequest'],
    ['headers over the size limit', `GET /v2025-02-19/data/query/production?query=1 HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${'x'.repeat(20_000)}\r\n\r\n`, 431, 'httpRequestHeaderFieldsTooLarge'],
  ] as const) {
    it(`answers a request with ${what} with ${status} in Sanity's error shape, closes it, and serves the next request`, async () => {
      const {port} = new URL(fixture.lake.url)
      const socket = connect(Number(port), '127.0.0.1', () => socket.write(request))
      const answer = await readToEnd(socket)
      const [head = '', body = ''] = answer.split('\r\n\r\n')
      expect(head).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `))
      expect(head).toMatch(/\r\ncontent-type: application\/json; charset=utf-8\r\n/i)
      expect(head).toMatch(/\r\nconnection: close(\r\n|$)/i)
      expect(JSON.parse(body)).toEqual({error: {type, description: expect.any(String)}})
      expect(await fixture.client.fetch('count(*) > 0')).toBe(true)
    })
  }

  it('answers a result over the size cap with 400 and serves the next request', async () => {
    const response = await post('*{"x": *{"y": *}}')
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      error: {type: 'queryResultTooLarge', description: expect.stringMatching(/limit of 4096 bytes/)},
    })
    expect(await fixture.client.fetch('count(*) > 0')).toBe(true)
  })

  it('answers *{"x":*{"y":*{"z":*}}} over the shipped dataset with an error, not a crash, and serves the next request', async () => {
    const shipped = await startLakeFixture({queryTimeoutMs: 2000}, {file: new URL('../../../../../content/dataset.ndjson', import.meta.url).pathname})
    try {
      const response = await fetch(`${shipped.lake.url}/v2025-02-19/data/query/production?query=${encodeURIComponent('*{"x":*{"y":*{"z":*}}}')}`)
      expect([400, 408]).toContain(response.status)
      expect(await response.json()).toMatchObject({error: {type: expect.stringMatching(/^(queryTimeoutError|queryResultTooLarge)$/)}})
      expect(await shipped.client.fetch('count(*) > 0')).toBe(true)
    } finally {
      await shipped.close()
    }
  })

  it('answers parameters nested 10,000 arrays deep with 400, not a crash', async () => {
    const response = await post('$p', `{"p":${'['.repeat(10_000)}${']'.repeat(10_000)}}`)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: {type: 'queryParamsTooDeep', description: 'Query parameters nest more than 200 arrays or objects deep', query: '$p'},
    })
    expect(await fixture.client.fetch('1 + 1')).toBe(2)
  })

  it('answers queries nested too deeply with 400 queryParseError', async () => {
    for (const query of [`${'['.repeat(5000)}${']'.repeat(5000)}`, `1${'+1'.repeat(5000)}`, `a${'.b'.repeat(3000)}`]) {
      const response = await post(query)
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({
        error: {type: 'queryParseError', description: 'Query nests too deeply (the local lake accepts up to 200 levels)'},
      })
    }
    expect(await fixture.client.fetch('1 + 1')).toBe(2)
  })

  it('answers an error thrown while sending with 500 and keeps serving', async () => {
    // A failing writeHead stands in for any failure on the sending path.
    const handler = await createLocalLakeHandler({datasets: {production: [{_id: 'a', _type: 'x'}]}})
    const server = createServer((request, response) => {
      const write = response.writeHead.bind(response)
      let first = true
      response.writeHead = ((...args: Parameters<typeof write>) => {
        if (first) {
          first = false
          throw new Error('socket exploded')
        }
        return write(...args)
      }) as typeof response.writeHead
      handler(request, response)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const {port} = server.address() as AddressInfo
      const response = await fetch(`http://127.0.0.1:${port}/v2025-02-19/data/query/production?query=1`)
      expect(response.status).toBe(500)
      expect(await response.json()).toEqual({
        error: {type: 'internalError', description: 'Internal error in the local lake: socket exploded'},
      })
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
