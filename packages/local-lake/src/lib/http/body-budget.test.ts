import {copyFile, mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {type Socket, connect} from 'node:net'
import {join} from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {type ChildLake, startChildLake} from '../../test-support/child-lake.ts'
import {FIXTURE_FILE} from '../../test-support/lake-fixture.ts'

// The lake runs in its own process, so its memory is its own.

let directory: string
let lake: ChildLake
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'lake-body-budget-'))
  await copyFile(FIXTURE_FILE, join(directory, 'dataset.ndjson'))
  lake = await startChildLake(join(directory, 'dataset.ndjson'), {readOnly: true, queryTimeoutMs: 60_000})
})
afterAll(async () => {
  await lake?.close()
  await rm(directory, {recursive: true, force: true})
})

async function rssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)![1]) * 1024
}

describe('request bodies at once', () => {
  it('40 anonymous 10 MB query bodies sent at once are all answered, and the lake holds a few of them at a time', async () => {
    const url = `${lake.url}/v2025-02-19/data/query/production`
    // Both query workers started (they start with the first queries that need them).
    await Promise.all(['count(*)', 'count(*[_type == "treatment"])'].map(async (query) => expect((await fetch(`${url}?query=${encodeURIComponent(query)}`)).status).toBe(200)))
    const idle = await rssBytes(lake.process.pid!)
    let peak = idle
    const watch = setInterval(() => {
      void rssBytes(lake.process.pid!).then((bytes) => (peak = Math.max(peak, bytes)), () => {})
    }, 50)
    try {
      const body = `{"query":"length($s)","params":{"s":"${'x'.repeat(10_000_000)}"}}`
      const answers = await Promise.all(
        Array.from({length: 40}, () => fetch(url, {method: 'POST', headers: {'Content-Type': 'application/json'}, body}).then(async (response) => [response.status, ((await response.json()) as {result?: unknown}).result])),
      )
      for (const answer of answers) expect(answer).toEqual([200, 10_000_000])
    } finally {
      clearInterval(watch)
    }
    // Every body read at once took the lake 840 MB past its idle memory (a copy each, more while read).
    expect((peak - idle) / 2 ** 20, 'MB over idle').toBeLessThan(400)
    expect((await fetch(`${url}?query=count(*)`)).status).toBe(200)
  }, 120_000)

  it('clients trickling large bodies in stall neither a small query nor the token holder\'s large one', async () => {
    const {hostname, port} = new URL(lake.url)
    const tricklers: Socket[] = []
    try {
      for (let index = 0; index < 6; index++) {
        const socket = connect(Number(port), hostname)
        socket.on('error', () => {})
        socket.write(`POST /v2025-02-19/data/query/production HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n{"query":"`)
        tricklers.push(socket)
      }
      await new Promise((resolve) => setTimeout(resolve, 200))
      const url = `${lake.url}/v2025-02-19/data/query/production`
      const ask = (body: string, headers: Record<string, string> = {}) =>
        fetch(url, {method: 'POST', headers: {'Content-Type': 'application/json', ...headers}, body, signal: AbortSignal.timeout(5000)}).then(async (response) => [response.status, ((await response.json()) as {result?: unknown}).result])
      expect(await ask('{"query":"count(*) > 0"}')).toEqual([200, true])
      const large = JSON.stringify({query: 'length($s)', params: {s: 'x'.repeat(5_000_000)}})
      expect(await ask(large, {Authorization: `Bearer ${lake.token}`})).toEqual([200, 5_000_000])
    } finally {
      for (const socket of tricklers) socket.destroy()
    }
  }, 30_000)
})
