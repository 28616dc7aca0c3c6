import {createServer, type RequestListener} from 'node:http'
import type {AddressInfo} from 'node:net'

import {createClient} from '@sanity/client'
import {describe, expect, it} from 'vitest'

import {MalformedResponseError} from '../errors.ts'
import {createTreatmentContent} from '../reader/create-treatment-content.ts'

/** Runs `use` against a loopback server answering every request with `listener`. */
async function withServer(listener: RequestListener, use: (apiHost: string) => Promise<void>): Promise<void> {
  const server = createServer(listener)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
  } finally {
    await new Promise((resolve) => server.close(resolve))
  }
}

describe('a Sanity project read with @sanity/client', () => {
  it('reports a 200 with an empty body as a malformed answer, not as a TypeError from inside the client', async () => {
    // @sanity/client reads `res.result` of an empty body and throws "Cannot read properties of
    // undefined": a TypeError, which the reader rethrows as a bug in the caller's code.
    await withServer(
      (_request, response) => {
        response.writeHead(200, {'content-type': 'application/json'})
        response.end()
      },
      async (apiHost) => {
        const retry = {attempts: 1}
        const client = createClient({projectId: 'p', dataset: 'd', apiVersion: '2025-02-19', apiHost, useProjectHostname: false, useCdn: false})
        for (const source of [{projectId: 'p', dataset: 'd', apiHost, useCdn: false}, client]) {
          const error = await createTreatmentContent({source, retry})
            .getTreatment('mesotherapy-cellulite', {locale: 'it'})
            .catch((caught: unknown) => caught)
          expect(error).toBeInstanceOf(MalformedResponseError)
          expect(error).toMatchObject({code: 'MALFORMED_RESPONSE', path: '', received: 'nothing'})
        }
      },
    )
  })
})
