import {type Server, createServer} from 'node:http'
import type {AddressInfo} from 'node:net'

import {openLocalLake} from './create-local-lake-handler.ts'
import type {HistoryRepair} from '../history/history-log.ts'
import {answerClientError} from '../http/client-error.ts'
import {isLoopbackAddress} from '../http/host-check.ts'
import {type StartLocalLakeOptions, resolveLakeOptions, resolveListenOptions} from '../lake-options.ts'
import {LocalLakeError} from '../local-lake-error.ts'

/** The `createClient` configuration that points `@sanity/client` at a local lake. */
export interface LocalLakeClientConfig {
  apiHost: string
  useProjectHostname: false
  projectId: string
  dataset: string
  apiVersion: string
  useCdn: false
  /** The lake's token: writes, listen and drafts need it. Keep this config server-side. */
  token: string
}

/** A running local lake server. */
export interface LocalLake {
  /** Base URL, e.g. `http://127.0.0.1:3334`; use it as `apiHost`. */
  readonly url: string
  /** The port listened on (useful with `port: 0`). */
  readonly port: number
  /** The host listened on. */
  readonly host: string
  /** Names of the datasets served. */
  readonly datasets: readonly string[]
  /** The token clients send as `Authorization: Bearer <token>` (given, or made at start). */
  readonly token: string
  /** Config for `createClient` from `@sanity/client`, for the first dataset. */
  readonly clientConfig: LocalLakeClientConfig
  /** The history logs cut at start (option `repairHistory`), with where their damaged tails went. */
  readonly historyRepairs: readonly HistoryRepair[]
  /** The underlying `node:http` server. */
  readonly server: Server
  /** Stops accepting connections, waits for pending writes, releases the dataset locks, then closes all connections. */
  close(): Promise<void>
}

/**
 * Loads the datasets and starts an HTTP server on `host:port` (default `127.0.0.1`, a random
 * free port) that speaks the part of Sanity's HTTP API that `@sanity/client` uses. While it
 * listens on a loopback address, it only answers requests addressed to `localhost`, `127.x.x.x`,
 * `[::1]` or `host` (403 otherwise, against DNS rebinding).
 *
 * @throws TypeError for invalid options (naming the option, expected form and received value)
 * @throws LocalLakeError `DATASET_*` when a dataset cannot be loaded, `LISTEN_FAILED` when the
 *   server cannot listen
 */
export async function startLocalLake(options: StartLocalLakeOptions): Promise<LocalLake> {
  const resolved = resolveLakeOptions(options, 'startLocalLake')
  const {port, host} = resolveListenOptions(options, 'startLocalLake')
  // Requests must be addressed to a loopback name (or `host`) while the lake listens on loopback;
  // someone who binds it to another interface on purpose gets no Host check.
  let listensOnLoopback = true
  const handler = await openLocalLake(resolved, {appliesTo: () => listensOnLoopback, extraHosts: [host]})
  const server = createServer(handler)
  server.on('clientError', answerClientError)
  try {
    await listen(server, port, host)
  } catch (error) {
    await handler.close()
    throw error
  }
  const address = server.address() as AddressInfo
  listensOnLoopback = isLoopbackAddress(address.address)
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`
  await handler.announce(url, address.port)
  let closing: Promise<void> | undefined
  return {
    url,
    port: address.port,
    host,
    datasets: handler.datasets,
    token: handler.token,
    clientConfig: {
      apiHost: url,
      useProjectHostname: false,
      projectId: 'local',
      dataset: handler.datasets[0] ?? 'production',
      apiVersion: '2025-02-19',
      useCdn: false,
      token: handler.token,
    },
    historyRepairs: handler.historyRepairs,
    server,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()))
        server.closeIdleConnections()
        await handler.close()
        server.closeAllConnections()
        await closed
      })()
      return closing
    },
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        new LocalLakeError('LISTEN_FAILED', `Cannot listen on ${host}:${port}: ${error.code === 'EADDRINUSE' ? 'the port is already in use' : error.message}`, {
          cause: error,
        }),
      )
    }
    server.once('error', onError)
    server.listen(port, host, () => {
      server.off('error', onError)
      resolve()
    })
  })
}
