import {createServer, type Server} from 'node:http'
import type {AddressInfo, Socket} from 'node:net'
import {createSite, type SiteOptions} from './create-site.ts'

/** Options of {@link startSite}. */
export interface StartSiteOptions extends Omit<SiteOptions, 'origin'> {
  /** Default 3000; `0` picks a free port. */
  port?: number
  /** Default `127.0.0.1` (loopback only). */
  host?: string
  /** Public origin for canonical and hreflang URLs. Default: the address the server listens on. */
  origin?: string
}

/** A started site. */
export interface RunningSite {
  /** `http://127.0.0.1:PORT` */
  url: string
  port: number
  server: Server
  /**
   * Stops accepting connections, ends idle ones and those no request was sent on, and resolves
   * when the server is closed.
   */
  close(): Promise<void>
}

/** Starts the site on `node:http` and resolves once it listens. */
export async function startSite(options: StartSiteOptions): Promise<RunningSite> {
  const {port = 3000, host = '127.0.0.1', origin, ...siteOptions} = options
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new TypeError(`\`startSite\` expects \`port\` to be an integer from 0 to 65535, got ${JSON.stringify(port)}`)
  // Created before listening, so that bad options throw before a port is taken; without an
  // origin it is made again once the port is known.
  let listener = createSite({...siteOptions, origin: origin ?? `http://${host}`})
  const server = createServer((request, response) => listener(request, response))
  // A connection a browser opened ahead and never sent a request on (Chromium preconnects) is not
  // idle to Node: `close()` would wait for it until the 60 s headers timeout.
  const sockets = new Set<Socket>()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`
  if (origin === undefined) {
    listener.close()
    listener = createSite({...siteOptions, origin: url})
  }
  return {
    url,
    port: address.port,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        listener.close()
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeIdleConnections()
        for (const socket of sockets) if (socket.bytesRead === 0) socket.destroy()
      }),
  }
}
