import {request as httpRequest, createServer} from 'node:http'
import type {AddressInfo} from 'node:net'

import {afterEach, describe, expect, it} from 'vitest'

import {type LakeFixture, fixtureDocuments, startLakeFixture} from '../../test-support/lake-fixture.ts'
import {createLocalLakeHandler} from '../server/create-local-lake-handler.ts'

/** Sends a request to 127.0.0.1:`port` with the given `Host` header, as a DNS-rebound page would. */
function requestWithHost(
  port: number,
  host: string,
  path: string,
  body?: string,
): Promise<{status: number; body: unknown}> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: body === undefined ? 'GET' : 'POST',
        headers: {Host: host, ...(body === undefined ? {} : {'Content-Type': 'application/json'})},
      },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () => resolve({status: response.statusCode ?? 0, body: text === '' ? undefined : JSON.parse(text)}))
      },
    )
    outgoing.on('error', reject)
    outgoing.end(body)
  })
}

const QUERY = '/v2025-02-19/data/query/production?query=count(*)'
const MUTATE = '/v2025-02-19/data/mutate/production'
const MUTATION = JSON.stringify({mutations: [{delete: {id: 'treatment-fillers'}}]})

function forbidden(host: string) {
  return {
    status: 403,
    body: {
      error: {
        type: 'httpForbidden',
        description: `Host "${host}" is not allowed: the local lake listens on a loopback address and only answers requests addressed to localhost, *.localhost, 127.x.x.x or [::1] (this blocks DNS rebinding)`,
      },
    },
  }
}

let fixture: LakeFixture | undefined
afterEach(async () => {
  await fixture?.close()
  fixture = undefined
})

describe('Host header check (DNS rebinding)', () => {
  it('refuses reads and writes addressed to another host name with 403 when listening on loopback; the file is unchanged', async () => {
    fixture = await startLakeFixture()
    const {port} = fixture.lake
    const bytes = await fixture.readText()
    expect(await requestWithHost(port, `attacker.example:${port}`, QUERY)).toEqual(forbidden(`attacker.example:${port}`))
    expect(await requestWithHost(port, 'attacker.example', MUTATE, MUTATION)).toEqual(forbidden('attacker.example'))
    expect(await requestWithHost(port, '192.168.1.20', QUERY)).toEqual(forbidden('192.168.1.20'))
    expect(await fixture.readText()).toBe(bytes)
  })

  it('answers requests addressed to localhost, any 127.x.x.x address or [::1]', async () => {
    fixture = await startLakeFixture()
    const {port} = fixture.lake
    for (const host of [`localhost:${port}`, 'LOCALHOST', `127.0.0.1:${port}`, '127.1.2.3', `[::1]:${port}`]) {
      expect(await requestWithHost(port, host, QUERY)).toMatchObject({status: 200, body: {result: 3}})
    }
  })

  it('skips the check when the lake deliberately listens on all interfaces (0.0.0.0)', async () => {
    fixture = await startLakeFixture({host: '0.0.0.0', readOnly: true})
    const {port} = fixture.lake
    expect(await requestWithHost(port, `my-laptop.lan:${port}`, QUERY)).toMatchObject({status: 200, body: {result: 3}})
  })

  it('applies to a handler mounted in your own server for connections that arrive on loopback', async () => {
    const handler = await createLocalLakeHandler({datasets: {production: await fixtureDocuments()}})
    const server = createServer(handler)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const {port} = server.address() as AddressInfo
      expect(await requestWithHost(port, 'attacker.example', MUTATE, MUTATION)).toEqual(forbidden('attacker.example'))
      expect(await requestWithHost(port, `localhost:${port}`, QUERY)).toMatchObject({status: 200, body: {result: 3}})
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
