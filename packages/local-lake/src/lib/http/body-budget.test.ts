import {copyFile, mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
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
})
