import {type Server, createServer} from 'node:http'
import type {AddressInfo} from 'node:net'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import WebSocket from 'ws'

import {LOOPBACK_CONNECTIONS} from '../http/host-check.ts'
import {type PresenceSocket, createPresenceSocket} from './presence-socket.ts'

const TOKEN = 'presence-token-0123456789abcdef-0123'
let server: Server
let presence: PresenceSocket
let url: string

beforeAll(async () => {
  presence = createPresenceSocket({token: TOKEN, hostCheck: LOOPBACK_CONNECTIONS, corsOrigins: new Set()})
  server = createServer((_request, response) => response.writeHead(404).end())
  server.on('upgrade', (request, socket, head) => {
    if (!presence.handleUpgrade(request, socket, head)) socket.destroy()
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/v2022-06-30/socket/production`
})
afterAll(async () => {
  presence.close()
  await new Promise((done) => server.close(done))
})

/** A Studio tab's socket: sends JSON-RPC, collects every message. */
async function open(headers: Record<string, string> = {}): Promise<{socket: WebSocket; messages: unknown[]; call: (method: string, params?: object) => Promise<unknown>}> {
  const socket = new WebSocket(url, {headers})
  const messages: unknown[] = []
  socket.on('message', (data) => messages.push(data.toString() === '♥' ? '♥' : JSON.parse(data.toString())))
  await new Promise((done, fail) => socket.once('open', done).once('error', fail))
  let id = 0
  const call = (method: string, params: object = {}) =>
    new Promise((resolve) => {
      const mine = `r${++id}`
      socket.on('message', (data) => {
        const text = data.toString()
        if (text !== '♥' && (JSON.parse(text) as {id?: string}).id === mine) resolve((JSON.parse(text) as {result: unknown}).result)
      })
      socket.send(JSON.stringify({jsonrpc: '2.0', method, params: {...params, apiVersion: 'v1'}, id: mine}))
    })
  return {socket, messages, call}
}

describe('the presence socket', () => {
  it('lets two authorized tabs see each other’s presence, and says when one leaves', async () => {
    const a = await open({origin: new URL(url).origin.replace('ws:', 'http:')})
    const b = await open()
    expect(a.messages[0]).toBe('♥')
    for (const tab of [a, b]) {
      expect(await tab.call('authorization', {authorization: `Bearer ${TOKEN}`})).toBe(true)
    }
    const subscription = await b.call('presence_subscribe')
    expect(await a.call('presence_announce', {data: {sessionId: 's-a', locations: [{documentId: 'x', path: []}]}})).toBe(true)
    await expect.poll(() => b.messages).toContainEqual({
      jsonrpc: '2.0',
      method: 'presence_subscription',
      params: {subscription, result: {type: 'state', i: expect.any(String), m: {sessionId: 's-a', locations: [{documentId: 'x', path: []}]}}},
    })
    a.socket.close()
    await expect.poll(() => b.messages).toContainEqual(expect.objectContaining({params: {subscription, result: expect.objectContaining({type: 'disconnect', m: {session: 's-a'}})}}))
    b.socket.close()
  })

  it('closes a connection with a wrong token (4001) and refuses another site’s page (403)', async () => {
    const tab = await open()
    const closed = new Promise<number>((done) => tab.socket.once('close', (code) => done(code)))
    tab.socket.send(JSON.stringify({jsonrpc: '2.0', method: 'authorization', params: {authorization: 'Bearer wrong-token-0123456789abcdef-0000'}, id: 1}))
    expect(await closed).toBe(4001)

    const refused = new WebSocket(url, {headers: {origin: 'https://evil.example'}})
    const status = await new Promise<number | undefined>((done) => refused.once('unexpected-response', (_request, response) => done(response.statusCode)).once('error', () => done(undefined)))
    expect(status).toBe(403)
  })
})
