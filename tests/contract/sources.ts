import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import type {ContentSource, SanityProjectConfig} from '@treatments/content'
import {localDataset} from '@treatments/content/local-dataset'
import {readNdjson} from '@treatments/content/dataset'
import {createLocalLakeHandler} from '@treatments/local-lake'
import {defaultDatasetPath} from '../../scripts/lib/paths.ts'

/** What a contract suite runs against. */
export interface ContractSource {
  name: string
  /** Why the suite is skipped here, if it is. */
  skip?: string
  source: () => SanityProjectConfig | ContentSource
  /** HTTP requests and response body bytes seen so far, where the source is HTTP and ours. */
  traffic?: () => {requests: number; bytes: number}
  /** Makes the next `count` HTTP requests answer 503, where the source is HTTP and ours. */
  failNext?: (count: number) => void
  close?: () => Promise<void>
}

/**
 * The local lake over the seed dataset (in memory: nothing is written), behind a counting
 * front door, read through the real `@sanity/client`.
 */
export async function localLakeSource(): Promise<ContractSource> {
  const handler = await createLocalLakeHandler({datasets: {production: await readNdjson(defaultDatasetPath)}, readOnly: true})
  let requests = 0
  let bytes = 0
  let failures = 0
  const server: Server = createServer((request, response) => {
    requests++
    if (failures > 0) {
      failures--
      response.writeHead(503, {'content-type': 'application/json'})
      response.end(JSON.stringify({error: {description: 'Service Unavailable', type: 'httpServiceUnavailable'}}))
      return
    }
    const write = response.write.bind(response)
    const end = response.end.bind(response)
    const count = (chunk: unknown) => {
      if (typeof chunk === 'string' || chunk instanceof Uint8Array) bytes += Buffer.byteLength(chunk)
    }
    response.write = ((chunk: unknown, ...rest: unknown[]) => (count(chunk), write(chunk as never, ...(rest as []))))
    response.end = ((chunk?: unknown, ...rest: unknown[]) => (count(chunk), end(chunk as never, ...(rest as []))))
    handler(request, response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return {
    name: 'the local lake over HTTP through @sanity/client',
    source: () => ({projectId: 'local', dataset: 'production', apiHost: `http://127.0.0.1:${port}`, useCdn: false}),
    traffic: () => ({requests, bytes}),
    failNext: (count) => {
      failures = count
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** The seed dataset in-process, answered by groq-js. */
export async function inProcessSource(): Promise<ContractSource> {
  const documents = await readNdjson(defaultDatasetPath)
  return {name: 'localDataset in-process', source: () => localDataset(documents)}
}

/**
 * A real Sanity project, when `SANITY_PROJECT_ID` and `SANITY_DATASET` are set and the seed has
 * been loaded into it (`pnpm seed`).
 */
export async function sanityProjectSource(): Promise<ContractSource> {
  const projectId = process.env.SANITY_PROJECT_ID
  const dataset = process.env.SANITY_DATASET ?? 'production'
  return {
    name: 'a real Sanity project',
    ...(projectId ? {} : {skip: 'the contract suite against a real Sanity project needs SANITY_PROJECT_ID (and SANITY_DATASET, SANITY_TOKEN for a private dataset), set after `pnpm seed`'}),
    source: () => ({projectId: projectId ?? 'unset', dataset, ...(process.env.SANITY_TOKEN ? {token: process.env.SANITY_TOKEN} : {}), useCdn: false}),
  }
}
