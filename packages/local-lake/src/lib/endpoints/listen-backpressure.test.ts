import {readFile, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {type Socket, connect} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterEach, describe, expect, it} from 'vitest'

import {type ChildLake, startChildLake} from '../../test-support/child-lake.ts'

// 50 listeners that never read, each asking for every result and previous revision, while 30
// patches write a 1 MB string: the lake (in its own process, so its memory is its own) cuts
// them off instead of buffering every event for them (issue 21: +145 MB a mutation, then a crash).

let directory: string | undefined
let lake: ChildLake | undefined
const sockets: Socket[] = []
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy()
  await lake?.close()
  if (directory !== undefined) await rm(directory, {recursive: true, force: true})
})

async function rssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)![1]) * 1024
}

/** A listen request on a raw socket whose answer is never read (the socket stays paused). */
function stalledListener(url: string, token: string): Promise<Socket> {
  const {hostname, port} = new URL(url)
  const query = new URLSearchParams({query: '*[_type == "note"]', includeResult: 'true', includePreviousRevision: 'true'})
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`GET /v2025-02-19/data/listen/production?${query} HTTP/1.1\r\nHost: localhost:${port}\r\nAuthorization: Bearer ${token}\r\nAccept: text/event-stream\r\n\r\n`)
      // Read the first bytes (the welcome), then stop reading for good.
      socket.once('data', () => {
        socket.pause()
        resolve(socket)
      })
    })
    socket.once('error', reject)
  })
}

describe('listeners that stop reading', () => {
  it('are cut off, and the lake stays within 256 MB of its idle memory and keeps answering', async () => {
    directory = await mkdtemp(join(tmpdir(), 'lake-listen-backpressure-'))
    const file = join(directory, 'dataset.ndjson')
    await writeFile(file, '{"_id":"big","_type":"note","text":""}\n')
    lake = await startChildLake(file)
    const {url, token} = lake
    for (let index = 0; index < 50; index++) sockets.push(await stalledListener(url, token))
    await new Promise((resolve) => setTimeout(resolve, 200))
    const idle = await rssBytes(lake.process.pid!)
    let peak = idle
    for (let index = 0; index < 30; index++) {
      const text = String.fromCharCode(97 + (index % 26)).repeat(1_000_000)
      const response = await fetch(`${url}/v2025-02-19/data/mutate/production`, {
        method: 'POST',
        headers: {'Content-Type': 'application/json', Authorization: `Bearer ${token}`},
        body: JSON.stringify({mutations: [{patch: {id: 'big', set: {text}}}]}),
      })
      expect(response.status).toBe(200)
      await response.arrayBuffer()
      peak = Math.max(peak, await rssBytes(lake.process.pid!))
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
    peak = Math.max(peak, await rssBytes(lake.process.pid!))
    expect((peak - idle) / 2 ** 20).toBeLessThan(256)
    // Every stalled listener was cut off: read what reached it, then its connection ends.
    const closed = sockets.map((socket) => new Promise<void>((resolve) => socket.once('close', () => resolve())))
    for (const socket of sockets) socket.on('error', () => {}).resume()
    await Promise.all(closed)
    const answer = await fetch(`${url}/v2025-02-19/data/query/production?query=count(*)`)
    expect(answer.status).toBe(200)
  }, 120_000)
})
