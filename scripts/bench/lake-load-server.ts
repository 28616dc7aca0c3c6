/**
 * The lake under load, in its own process so the load generator does not share its event loop:
 * serves the NDJSON file given as the first argument (read-only) and prints `{"url"}` once it
 * listens. Stopped with SIGTERM. With `--control BODY_FILE` instead of a dataset file it is the
 * zero-work control server: the same kind of process answering every request with the bytes of
 * BODY_FILE (a page answer the lake gave), so that a latency can be set against what this
 * machine, this load generator and Node's HTTP server cost with no work at all.
 *
 * It measures itself for the benchmark: a line `mark` on stdin starts a measurement (answered
 * with `{"marked": true}`), a line `report` ends it and prints, as one JSON line, the service
 * time of each page read (from the request event to the answer's `end()`, i.e. the time the
 * request held the event loop, without queueing), the process's CPU time, the event loop's
 * utilization, how late its timers ran (how long anything held it) and its garbage collector's
 * pauses: a major collection (marking the whole heap, mostly on helper threads that take the
 * cores the load generator and the server share) is what a latency tail is usually made of.
 */
import {readFile} from 'node:fs/promises'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {type PerformanceEntry, PerformanceObserver, constants, createHistogram, monitorEventLoopDelay, performance} from 'node:perf_hooks'
import {createInterface} from 'node:readline'

import {startLocalLake} from '@treatments/local-lake'

const control = process.argv[2] === '--control'
const file = process.argv[control ? 3 : 2]
if (file === undefined) throw new TypeError('usage: lake-load-server.ts FILE | --control BODY_FILE')
const lake = control ? await startControlServer(await readFile(file)) : await startLocalLake({datasets: {production: file}, readOnly: true, lock: false})

/** The zero-work server: every request answered at once with `body`. */
async function startControlServer(body: Buffer): Promise<{server: Server; url: string; close(): Promise<void>}> {
  const server = createServer((_request, response) => {
    response.writeHead(200, {'content-type': 'application/json', 'content-length': body.byteLength})
    response.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {server, url, close: () => new Promise((resolve) => server.close(() => resolve()))}
}

const service = createHistogram()
const loopDelay = monitorEventLoopDelay({resolution: 1})
let pageReads = 0
let gcPauses: number[] = []
let majorCollections = 0
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcPauses.push(entry.duration)
    if ((entry as PerformanceEntry & {detail?: {kind?: number}}).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majorCollections++
  }
}).observe({entryTypes: ['gc']})
let cpuAtMark = process.cpuUsage()
let eluAtMark = performance.eventLoopUtilization()
lake.server.prependListener('request', (request, response) => {
  // Page reads carry $slug; other benches' requests through this server (a build's listing queries) do not.
  if (!request.url?.includes('%24slug=')) return
  const started = process.hrtime.bigint()
  const end = response.end
  response.end = function (this: typeof response, ...args: Parameters<typeof end>) {
    service.record(process.hrtime.bigint() - started)
    pageReads++
    return end.apply(this, args)
  } as typeof end
})

const commands = createInterface({input: process.stdin})
commands.on('line', (line) => {
  if (line === 'mark') {
    service.reset()
    loopDelay.reset()
    loopDelay.enable()
    pageReads = 0
    gcPauses = []
    majorCollections = 0
    cpuAtMark = process.cpuUsage()
    eluAtMark = performance.eventLoopUtilization()
    process.stdout.write(`${JSON.stringify({marked: true})}\n`)
  } else if (line === 'report') {
    loopDelay.disable()
    const cpu = process.cpuUsage(cpuAtMark)
    const ms = (ns: number | bigint) => Number(ns) / 1e6
    process.stdout.write(
      `${JSON.stringify({
        pageReads,
        serviceP50Ms: ms(service.percentile(50)),
        serviceP99Ms: ms(service.percentile(99)),
        serviceMeanMs: ms(service.mean),
        cpuMs: (cpu.user + cpu.system) / 1000,
        userMs: cpu.user / 1000,
        systemMs: cpu.system / 1000,
        eventLoopUtilization: performance.eventLoopUtilization(eluAtMark).utilization,
        loopDelayP99Ms: ms(loopDelay.percentile(99)),
        loopDelayMaxMs: ms(loopDelay.max),
        gcPauses: gcPauses.length,
        gcPauseMs: gcPauses.reduce((sum, pause) => sum + pause, 0),
        gcPauseMaxMs: Math.max(0, ...gcPauses),
        majorCollections,
      })}\n`,
    )
  }
})

process.stdout.write(`${JSON.stringify({url: lake.url})}\n`)
process.on('SIGTERM', () => {
  commands.close()
  // Not process.exit(): it can deadlock in Node 24 (see exitWhenIdle in scripts/lib/cli.ts).
  void lake.close().then(() => {
    process.exitCode = 0
  })
})
