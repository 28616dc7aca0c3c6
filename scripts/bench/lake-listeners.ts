import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {type Socket, connect} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import type {BenchMetric, BenchOptions} from '../../packages/content/bench/benchmark.ts'
import {round} from '../../packages/content/bench/measure.ts'
import {startChildLake} from '../../packages/local-lake/src/test-support/child-lake.ts'

const LISTENERS = 50
const MUTATIONS = 30

/**
 * The lake's memory when listeners stop reading: a lake in its own process, 50 listen streams
 * with `includeResult` and `includePreviousRevision` that never read after `welcome`, then 30
 * patches that each write a new 1 MB string. Peak resident memory above the lake's memory with
 * the listeners connected and no mutation yet.
 */
export async function run(options: BenchOptions): Promise<Record<string, BenchMetric>> {
  const directory = await mkdtemp(join(tmpdir(), 'bench-lake-listeners-'))
  const sockets: Socket[] = []
  const file = join(directory, 'dataset.ndjson')
  await writeFile(file, '{"_id":"big","_type":"note","text":""}\n')
  const lake = await startChildLake(file)
  try {
    const pid = lake.process.pid!
    const rss = async () => Number(/^VmRSS:\s+(\d+) kB/m.exec(await readFile(`/proc/${pid}/status`, 'utf8'))![1]) * 1024
    const {hostname, port} = new URL(lake.url)
    const query = new URLSearchParams({query: '*[_type == "note"]', includeResult: 'true', includePreviousRevision: 'true'})
    options.progress(`${LISTENERS} listeners`)
    for (let index = 0; index < LISTENERS; index++) {
      sockets.push(
        await new Promise<Socket>((resolve, reject) => {
          const socket = connect(Number(port), hostname, () => {
            socket.write(`GET /v2025-02-19/data/listen/production?${query} HTTP/1.1\r\nHost: localhost:${port}\r\nAuthorization: Bearer ${lake.token}\r\n\r\n`)
            socket.once('data', () => resolve(socket.pause()))
          })
          socket.once('error', reject)
        }),
      )
    }
    const idle = await rss()
    let peak = idle
    for (let index = 0; index < MUTATIONS; index++) {
      options.progress(`mutation ${index + 1}/${MUTATIONS}`)
      const text = String.fromCharCode(97 + (index % 26)).repeat(1_000_000)
      const response = await fetch(`${lake.url}/v2025-02-19/data/mutate/production`, {
        method: 'POST',
        headers: {'Content-Type': 'application/json', Authorization: `Bearer ${lake.token}`},
        body: JSON.stringify({mutations: [{patch: {id: 'big', set: {text}}}]}),
      })
      if (response.status !== 200) throw new Error(`lake-listeners: mutation ${index} answered ${response.status}`)
      await response.arrayBuffer()
      peak = Math.max(peak, await rss())
    }
    return {
      lake_rss_stalled_listeners: {
        value: peak - idle,
        unit: 'bytes',
        goal: {atMost: 256 * 2 ** 20},
        description: `resident memory the lake gains (peak) while ${LISTENERS} listen streams with includeResult and includePreviousRevision never read and ${MUTATIONS} patches write a 1 MB string each`,
        above_idle_mb: round((peak - idle) / 2 ** 20, 1),
        idle_rss_mb: round(idle / 2 ** 20, 1),
        peak_rss_mb: round(peak / 2 ** 20, 1),
      },
    }
  } finally {
    for (const socket of sockets) socket.destroy()
    await lake.close()
    await rm(directory, {recursive: true, force: true})
  }
}
