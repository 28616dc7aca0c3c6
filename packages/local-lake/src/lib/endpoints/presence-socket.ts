import type {IncomingMessage} from 'node:http'
import type {Duplex} from 'node:stream'

import {type WebSocket, WebSocketServer} from 'ws'

import {type HostCheck, assertAllowedHost} from '../http/host-check.ts'
import {readAccess} from '../http/lake-access.ts'
import {LOCAL_LAKE_USER_ID} from '../lake-identity.ts'

/** Options for {@link createPresenceSocket}. */
export interface PresenceSocketOptions {
  token: string
  hostCheck: HostCheck
  /** Browser origins besides the server's own that may connect (the dev Studio's). */
  corsOrigins: ReadonlySet<string>
  /** How often to send the heartbeat the Studio's connection status waits for. Default 20 s. */
  heartbeatMs?: number
}

/** The presence socket: `handleUpgrade` for the server's `upgrade` event, `close` to end every connection. */
export interface PresenceSocket {
  /** Takes a WebSocket upgrade for `/v{version}/socket/{dataset}`; returns false for any other path. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean
  close(): void
}

const SOCKET_PATH = /^\/v[^/]+\/socket\/[^/]+$/

interface Connection {
  authorized: boolean
  /** The presence subscription id, once the Studio subscribed. */
  subscription: string | undefined
  /** Sessions announced on this connection, to say they left when it closes. */
  sessions: Set<string>
}

/**
 * The Studio's presence socket (Sanity's "bifur": JSON-RPC 2.0 over a WebSocket), for the tabs
 * of one lake: after `authorization` with the lake's token, `presence_subscribe` gets the other
 * connections' `presence_rollcall`, `presence_announce` and `presence_disconnect` as presence
 * events, so two tabs see each other; `♥` heartbeats keep the Studio's connection status green.
 * Without it the Studio retried the socket forever, logging an error each time. A connection
 * is refused (403) from another origin (a page on another site must not read who edits what)
 * or host name (DNS rebinding), and closed (4001) on a wrong token.
 */
export function createPresenceSocket(options: PresenceSocketOptions): PresenceSocket {
  const {token, hostCheck, corsOrigins, heartbeatMs = 20_000} = options
  const server = new WebSocketServer({noServer: true, maxPayload: 64 * 1024})
  const connections = new Map<WebSocket, Connection>()
  let nextSubscription = 1

  const broadcast = (from: WebSocket, event: Record<string, unknown>) => {
    for (const [socket, connection] of connections) {
      if (socket === from || connection.subscription === undefined || !connection.authorized) continue
      socket.send(JSON.stringify({jsonrpc: '2.0', method: 'presence_subscription', params: {subscription: connection.subscription, result: event}}))
    }
  }

  const accept = (socket: WebSocket, request: IncomingMessage) => {
    const connection: Connection = {authorized: false, subscription: undefined, sessions: new Set()}
    connections.set(socket, connection)
    const heartbeat = setInterval(() => socket.send('♥'), heartbeatMs)
    heartbeat.unref()
    socket.send('♥')
    socket.on('close', () => {
      clearInterval(heartbeat)
      connections.delete(socket)
      for (const session of connection.sessions) broadcast(socket, {type: 'disconnect', i: LOCAL_LAKE_USER_ID, m: {session}})
    })
    socket.on('message', (data, isBinary) => {
      let message: {id?: unknown; method?: unknown; params?: Record<string, unknown>}
      try {
        message = isBinary ? {} : (JSON.parse(data.toString()) as typeof message)
      } catch {
        return reply(socket, null, undefined, {code: -32700, message: 'Parse error'})
      }
      const id = typeof message.id === 'string' || typeof message.id === 'number' ? message.id : null
      const params = (typeof message.params === 'object' && message.params !== null ? message.params : {}) as Record<string, unknown>
      if (message.method === 'authorization') {
        connection.authorized = holdsToken(request, String(params.authorization ?? ''), token)
        if (!connection.authorized) return socket.close(4001, 'The token is not this local lake’s token')
        return reply(socket, id, true)
      }
      if (!connection.authorized) return socket.close(4001, 'Send "authorization" with the lake’s token first')
      switch (message.method) {
        case 'presence_subscribe':
          connection.subscription = String(nextSubscription++)
          return reply(socket, id, connection.subscription)
        case 'presence_unsubscribe':
          connection.subscription = undefined
          return reply(socket, id, true)
        case 'presence_rollcall':
          broadcast(socket, {type: 'rollCall', i: LOCAL_LAKE_USER_ID, session: params.session})
          return reply(socket, id, true)
        case 'presence_announce': {
          const announced = (params.data ?? {}) as {sessionId?: unknown; locations?: unknown}
          if (typeof announced.sessionId === 'string') connection.sessions.add(announced.sessionId)
          broadcast(socket, {type: 'state', i: LOCAL_LAKE_USER_ID, m: {sessionId: announced.sessionId, locations: announced.locations ?? []}})
          return reply(socket, id, true)
        }
        case 'presence_disconnect':
          if (typeof params.session === 'string') connection.sessions.delete(params.session)
          broadcast(socket, {type: 'disconnect', i: LOCAL_LAKE_USER_ID, m: {session: params.session}})
          return reply(socket, id, true)
        default:
          return reply(socket, id, undefined, {code: -32601, message: `Method not found: ${String(message.method)}`})
      }
    })
  }

  return {
    handleUpgrade(request, socket, head) {
      const path = URL.parse(request.url ?? '/', 'https://studio-lake')?.pathname ?? ''
      if (!SOCKET_PATH.test(path)) return false
      request.headers.host ??= request.headers[':authority'] as string | undefined
      const origin = request.headers.origin
      let allowed = true
      try {
        assertAllowedHost(request, hostCheck)
        allowed = origin === undefined || corsOrigins.has(origin) || new URL(origin).host === request.headers.host
      } catch {
        allowed = false
      }
      if (!allowed) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
        return true
      }
      server.handleUpgrade(request, socket, head, (ws) => accept(ws, request))
      return true
    },
    close() {
      for (const socket of connections.keys()) socket.terminate()
      server.close()
    },
  }
}

function reply(socket: WebSocket, id: string | number | null, result: unknown, error?: {code: number; message: string}): void {
  socket.send(JSON.stringify(error === undefined ? {jsonrpc: '2.0', id, result} : {jsonrpc: '2.0', id, error}))
}

/** Whether `authorization` (`Bearer <token>`) holds the lake's token, by the lake's one comparison. */
function holdsToken(request: IncomingMessage, authorization: string, token: string): boolean {
  try {
    return readAccess({headers: {authorization}, socket: request.socket} as IncomingMessage, token).authenticated
  } catch {
    return false
  }
}
