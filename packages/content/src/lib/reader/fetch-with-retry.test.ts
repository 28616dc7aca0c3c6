import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'

import {createClient} from '@sanity/client'
import {describe, expect, it} from 'vitest'

import {createTreatmentContent} from './create-treatment-content.ts'
import {createTreatmentContent as createBrowserTreatmentContent} from './create-treatment-content.browser.ts'
import {DatasetFileError} from '../dataset/dataset-file-error.ts'
import type {ContentSource} from '../source/content-source.ts'
import {ContentSourceError, ContentTimeoutError} from '../errors.ts'
import {fetchWithRetry} from './fetch-with-retry.ts'
import {sanitySource} from '../source/sanity-source.ts'

const policy = {retry: {attempts: 3, baseDelayMs: 100, maxDelayMs: 1000}, timeoutMs: 200}

function scripted(steps: Array<() => Promise<unknown>>): ContentSource & {calls: number} {
  const source = {
    calls: 0,
    async fetch<R>(): Promise<R> {
      const step = steps[Math.min(source.calls, steps.length - 1)]!
      source.calls++
      return (await step()) as R
    },
  }
  return source
}

const httpError = (statusCode: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`HTTP ${statusCode}`), {statusCode, response: {headers}})

describe('fetchWithRetry', () => {
  it('retries a 503 and returns the answer of the next attempt', async () => {
    const delays: number[] = []
    const source = scripted([() => Promise.reject(httpError(503)), () => Promise.resolve('ok')])
    const value = await fetchWithRetry(source, 'q', {}, {...policy, sleep: async (ms) => void delays.push(ms)})
    expect(value).toBe('ok')
    expect(source.calls).toBe(2)
    expect(delays).toHaveLength(1)
    expect(delays[0]).toBeGreaterThanOrEqual(50)
    expect(delays[0]).toBeLessThanOrEqual(100)
  })

  it.each([
    ['2', 5000, 2000],
    ['30', 1000, 1000],
  ])('honours Retry-After: %s on a real 429 through @sanity/client (maxDelayMs %i: waits %i ms)', async (retryAfter, maxDelayMs, waited) => {
    // A loopback server answers the first request 429 with Retry-After, the next one normally.
    let requests = 0
    const server = createServer((_request, response) => {
      requests++
      if (requests === 1) {
        response.writeHead(429, {'content-type': 'application/json', 'retry-after': retryAfter})
        response.end('{"error":{"description":"Rate limit exceeded","type":"httpTooManyRequests"}}')
      } else {
        response.writeHead(200, {'content-type': 'application/json'})
        response.end('{"result":"ok","ms":1,"query":"q"}')
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const {port} = server.address() as AddressInfo
      const source = sanitySource({projectId: 'p', dataset: 'd', apiHost: `http://127.0.0.1:${port}`, useCdn: false})
      const delays: number[] = []
      const value = await fetchWithRetry(source, '*', {}, {retry: {attempts: 3, baseDelayMs: 100, maxDelayMs}, timeoutMs: 10_000, sleep: async (ms) => void delays.push(ms)})
      expect(value).toBe('ok')
      expect(requests).toBe(2)
      expect(delays).toEqual([waited])
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it('does not retry a 400: the request itself is wrong', async () => {
    const source = scripted([() => Promise.reject(httpError(400))])
    const error = await fetchWithRetry(source, 'q', {}, {...policy, sleep: async () => {}}).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ContentSourceError)
    expect(error).toMatchObject({code: 'SOURCE_FAILED', statusCode: 400, attempts: 1})
    expect(source.calls).toBe(1)
  })

  it('gives up after the last attempt with the status and count', async () => {
    const source = scripted([() => Promise.reject(httpError(502))])
    const error = await fetchWithRetry(source, 'q', {}, {...policy, sleep: async () => {}}).catch((caught: unknown) => caught)
    expect(error).toMatchObject({code: 'SOURCE_FAILED', statusCode: 502, attempts: 3, message: 'The content source failed with HTTP 502: HTTP 502'})
    expect(source.calls).toBe(3)
  })

  it('times out a hanging source, aborts it and reports a timeout error', async () => {
    let aborted = 0
    const source: ContentSource = {
      fetch: (_query, _params, options) =>
        new Promise((_resolve, reject) => {
          options?.signal?.addEventListener('abort', () => {
            aborted++
            reject(new Error('aborted'))
          })
        }),
    }
    const error = await fetchWithRetry(source, 'q', {}, {retry: {attempts: 2, baseDelayMs: 0, maxDelayMs: 0}, timeoutMs: 20}).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ContentTimeoutError)
    expect(error).toMatchObject({code: 'SOURCE_TIMEOUT', timeoutMs: 20, attempts: 2})
    expect(aborted).toBe(2)
  })

  it('makes exactly `attempts` requests through a caller’s @sanity/client, whose own retries are off for our calls', async () => {
    let requests = 0
    const server = createServer((_request, response) => {
      requests++
      response.writeHead(503, {'content-type': 'application/json'})
      response.end('{"error":{"description":"Service Unavailable","type":"httpServiceUnavailable"}}')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const {port} = server.address() as AddressInfo
      // A client with its default maxRetries (5) would make up to 18 requests for 3 attempts.
      const client = createClient({projectId: 'p', dataset: 'd', apiVersion: '2025-02-19', apiHost: `http://127.0.0.1:${port}`, useProjectHostname: false, useCdn: false})
      const content = createTreatmentContent({source: client, retry: {attempts: 3, baseDelayMs: 1, maxDelayMs: 2}})
      const error = await content.getTreatment('one').catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(ContentSourceError)
      expect(error).toMatchObject({statusCode: 503, attempts: 3})
      expect(requests).toBe(3)
      expect(client.config().maxRetries).not.toBe(0) // the caller's own client is left as it is
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it.each([
    ['@sanity/client', createTreatmentContent],
    ['plain fetch', createBrowserTreatmentContent],
  ])('says in one line why and where a connection failed (%s), not only “fetch failed”', async (_name, create) => {
    // A port that was just free: nothing listens there.
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const {port} = server.address() as AddressInfo
    await new Promise((resolve) => server.close(resolve))
    const content = create({source: {projectId: 'p', dataset: 'd', apiHost: `http://127.0.0.1:${port}`, useCdn: false}, retry: {attempts: 2, baseDelayMs: 1}})
    const error = await content.getTreatment('one').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ContentSourceError)
    expect(error).toMatchObject({attempts: 2, message: expect.stringContaining(`ECONNREFUSED 127.0.0.1:${port}`)})
    expect((error as Error).message).not.toContain('\n')
    expect((error as Error).message.match(/fetch failed/g)).toHaveLength(1)
  })

  it('retries a refused connection by its error code, and rethrows the package’s own typed errors and programming errors at once', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), {cause: Object.assign(new Error('connect ECONNREFUSED'), {code: 'ECONNREFUSED'})})
    const network = scripted([() => Promise.reject(refused), async () => 'ok'])
    expect(await fetchWithRetry(network, '*', {}, {...policy, sleep: async () => {}})).toBe('ok')
    expect(network.calls).toBe(2)

    const typed = new DatasetFileError('duplicate-id', 'duplicate _id "a" (first seen on line 1)', {file: 'd.ndjson', line: 2, firstLine: 1})
    const dataset = scripted([() => Promise.reject(typed)])
    expect(await fetchWithRetry(dataset, '*', {}, {...policy, sleep: async () => {}}).catch((caught: unknown) => caught)).toBe(typed)
    expect(dataset.calls).toBe(1)

    const bug = new TypeError('source.query is not a function')
    const broken = scripted([() => Promise.reject(bug)])
    expect(await fetchWithRetry(broken, '*', {}, {...policy, sleep: async () => {}}).catch((caught: unknown) => caught)).toBe(bug)
    expect(broken.calls).toBe(1)
  })
})
