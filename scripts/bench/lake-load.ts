import {spawn, type ChildProcess} from 'node:child_process'
import {mkdtemp, open, rm, writeFile} from 'node:fs/promises'
import {Agent, request} from 'node:http'
import {availableParallelism, tmpdir} from 'node:os'
import {join} from 'node:path'
import {PerformanceObserver} from 'node:perf_hooks'

import {treatmentBySlugQuery} from '@treatments/content'
import type {BenchMetric, BenchOptions} from '../../packages/content/bench/benchmark.ts'
import {median, round} from '../../packages/content/bench/measure.ts'
import {lakeNodeFlags} from './lake-node-flags.ts'
import {lineReader} from './line-reader.ts'
import {seedDocuments, withTreatmentCopies} from './seed-documents.ts'
import {stopChild} from './stop-child.ts'

const DOCUMENTS = 10_000
/** Closed-loop clients that find the lake's maximum throughput. */
const CLIENTS = 50

/**
 * The lake as a shared server, open loop: one treatment page by slug (the site's own query) from
 * a lake holding 10,000 documents, each read asking for a slug not asked for 10,000 reads (so
 * none comes from the lake's kept answers).
 *
 * 1. The maximum: 50 closed-loop clients for a while; page reads per second.
 * 2. Open loop at 50% of that maximum (after a second of it against each server, not counted,
 *    so that neither still settles from step 1): requests leave at fixed times whatever the answers do,
 *    and each latency runs from the time a request was due to leave (no coordinated omission).
 *    The same arrival rate, in the same run, against a zero-work control server (the same kind
 *    of process answering every request at once with a page answer's bytes): what this
 *    machine, the generator and Node's HTTP stack cost. Metrics: the lake's p50 and p99 ÷ the
 *    control's, worst of the interleaved runs (goal ≤ 2 and ≤ 3 in each).
 * 3. Open loop at 75% of the maximum: the lake's CPU time per page read, measured in the lake's
 *    process (goal ≤ 0.3 ms).
 */
export async function run(options: BenchOptions): Promise<Record<string, BenchMetric>> {
  const runs = options.quick ? 1 : 3
  const loadMs = options.quick ? 1500 : 2500
  const directory = await mkdtemp(join(tmpdir(), 'lake-load-'))
  const file = join(directory, 'dataset.ndjson')
  const slugs = await writeDataset(file)
  const lake = await startServer([file])
  let control: Server | undefined
  try {
    const pagePath = (slug: string) => {
      const search = new URLSearchParams({query: treatmentBySlugQuery, returnQuery: 'false'})
      const params = {slug, locale: 'it', base: 'en', locales: ['it', 'en'], all: false}
      for (const [name, value] of Object.entries(params)) search.set(`$${name}`, JSON.stringify(value))
      return `/v2025-02-19/data/query/production?${search}`
    }
    const targets = slugs.map((slug) => ({path: pagePath(slug), mark: Buffer.from(`"slug":${JSON.stringify(slug)}`)}))
    let next = 0
    const nextTarget = () => targets[next++ % targets.length]!
    /** One read: resolves when the whole answer has arrived; checked cheaply after that. */
    const read = async (server: Server, agent: Agent, target = nextTarget()): Promise<Buffer> => {
      const {status, body} = await get(server.url + target.path, agent)
      if (status !== 200 || (server === lake && !body.includes(target.mark))) {
        throw new Error(`lake-load: ${target.path.slice(0, 80)} answered ${status}: ${body.subarray(0, 200).toString()}`)
      }
      return body
    }

    options.progress('warm-up')
    const warmAgent = new Agent({keepAlive: true, maxSockets: CLIENTS})
    await Promise.all(Array.from({length: CLIENTS}, async () => {
      for (let call = 0; call < 8; call++) await read(lake, warmAgent)
    }))
    const answer = await read(lake, warmAgent)
    warmAgent.destroy()
    await writeFile(join(directory, 'answer.json'), answer)
    control = await startServer(['--control', join(directory, 'answer.json')])

    options.progress(`maximum: ${CLIENTS} closed-loop clients`)
    const maximum = await closedLoop(lake, read, options.quick ? 1000 : 2000)

    const rate = maximum * 0.5
    // A second of each at the measured rate, not counted: the first open-loop run after the
    // closed loop ran with both processes' heaps still settling from its 50 clients (the lake's
    // longest timer delay 17–30 ms against 9–13 in later runs, its p99 31–87 ms against 13–18).
    options.progress(`settling: open loop at ${Math.round(rate)}/s, not counted`)
    for (const server of [lake, control]) await openLoop(server, read, rate, 1000)
    const perRun: Array<{lake: OpenLoop; control: OpenLoop}> = []
    for (let index = 0; index < runs; index++) {
      const order = index % 2 === 0 ? ([lake, control] as const) : ([control, lake] as const)
      const results = new Map<Server, OpenLoop>()
      for (const server of order) {
        options.progress(`run ${index + 1}/${runs}: open loop at ${Math.round(rate)}/s against the ${server === lake ? 'lake' : 'control server'}`)
        results.set(server, await openLoop(server, read, rate, loadMs))
      }
      perRun.push({lake: results.get(lake)!, control: results.get(control)!})
    }
    options.progress(`open loop at ${Math.round(maximum * 0.75)}/s (75%) against the lake`)
    const busy = await openLoop(lake, read, maximum * 0.75, loadMs)

    const p50Ratios = perRun.map((one) => one.lake.p50 / one.control.p50)
    const p99Ratios = perRun.map((one) => one.lake.p99 / one.control.p99)
    const context = `${DOCUMENTS} documents, open loop at ${Math.round(rate)} reads/s (50% of the ${Math.round(maximum)}/s ${CLIENTS} closed-loop clients reached), ${runs} run(s) of ${loadMs} ms interleaved with the control server`
    const shared = {
      max_reads_per_s: round(maximum, 0),
      rate_per_s: round(rate, 0),
      lake_p50_ms: perRun.map((one) => round(one.lake.p50, 3)),
      lake_p99_ms: perRun.map((one) => round(one.lake.p99, 3)),
      control_p50_ms: perRun.map((one) => round(one.control.p50, 3)),
      control_p99_ms: perRun.map((one) => round(one.control.p99, 3)),
      lake_service_p50_ms: perRun.map((one) => round(one.lake.report.serviceP50Ms, 3)),
      lake_service_p99_ms: perRun.map((one) => round(one.lake.report.serviceP99Ms, 3)),
      lake_timer_delay_max_ms: perRun.map((one) => round(one.lake.report.loopDelayMaxMs, 2)),
      lake_gc: perRun.map(({lake: {report}}) => `${report.gcPauses} pauses, ${round(report.gcPauseMs, 1)} ms, longest ${round(report.gcPauseMaxMs, 1)} ms; ${report.majorCollections} major`),
      lake_timer_delay_p99_ms: perRun.map((one) => round(one.lake.report.loopDelayP99Ms, 2)),
      control_timer_delay_p99_ms: perRun.map((one) => round(one.control.report.loopDelayP99Ms, 2)),
      generator_lag_p99_ms: perRun.map((one) => round(Math.max(one.lake.sendLagP99, one.control.sendLagP99), 2)),
      generator_gc_ms: perRun.map((one) => [round(one.lake.generatorGcMs, 1), round(one.control.generatorGcMs, 1)]),
      cores: availableParallelism(),
    }
    return {
      lake_load_p50_vs_control: {
        value: round(Math.max(...p50Ratios), 3),
        unit: 'x',
        goal: {atMost: 2},
        peer: 'a zero-work HTTP server (same process kind, same answer bytes) at the same arrival rate, same run',
        description: `p50 latency of a treatment page by slug from the lake ÷ the control server's; worst of the runs; ${context}`,
        ratios: p50Ratios.map((value) => round(value, 3)),
        ...shared,
      },
      lake_load_p99_vs_control: {
        value: round(Math.max(...p99Ratios), 3),
        unit: 'x',
        goal: {atMost: 3},
        peer: 'a zero-work HTTP server at the same arrival rate, same run',
        description: `p99 latency of a treatment page by slug from the lake ÷ the control server's; worst of the runs; ${context}`,
        ratios: p99Ratios.map((value) => round(value, 3)),
      },
      lake_cpu_ms_per_read_at_75: {
        value: round(busy.report.cpuMs / busy.report.pageReads, 3),
        unit: 'ms',
        goal: {atMost: 0.3},
        description: `the lake process's CPU ms per page read by slug, open loop at ${Math.round(maximum * 0.75)} reads/s (75% of the maximum), ${DOCUMENTS} documents`,
        p50_ms: round(busy.p50, 3),
        p99_ms: round(busy.p99, 3),
        reads: busy.report.pageReads,
        event_loop_utilization: round(busy.report.eventLoopUtilization, 3),
        user_ms_per_read: round(busy.report.userMs / busy.report.pageReads, 3),
        system_ms_per_read: round(busy.report.systemMs / busy.report.pageReads, 3),
        // What Node's HTTP server costs with no work (the floor under this metric), and the lake
        // at the same lower rate, from the interleaved runs at 50%: fewer reads per wake-up cost more each.
        at_50_lake_cpu_ms_per_read: perRun.map((one) => round(one.lake.report.cpuMs / one.lake.report.pageReads, 3)),
        at_50_control_cpu_ms_per_read: perRun.map((one) => round(one.control.report.cpuMs / one.control.report.pageReads, 3)),
      },
    }
  } finally {
    await lake.stop()
    await control?.stop()
    await rm(directory, {recursive: true, force: true})
  }
}

/**
 * Writes the dataset file a document at a time and returns the published treatments' slugs. The
 * generator keeps nothing of the dataset: a local of an async function lives as long as the
 * function, and 10,000 documents plus their 300 MB of JSON text left in the generator's heap put
 * its first major collection (a 30 ms stall of the generator) into the first run against the lake.
 */
async function writeDataset(file: string): Promise<string[]> {
  const seed = await seedDocuments()
  const slugs: string[] = []
  const output = await open(file, 'w')
  try {
    for (const document of withTreatmentCopies(seed, DOCUMENTS - seed.length + 1)) {
      const slug = (document as {slug?: {current?: unknown}}).slug?.current
      if (document._type === 'treatment' && typeof slug === 'string' && !document._id.startsWith('drafts.')) slugs.push(slug)
      await output.write(`${JSON.stringify(document)}\n`)
    }
  } finally {
    await output.close()
  }
  return slugs
}

/** A server process of lake-load-server.ts: its URL, its measurement commands, and how to stop it. */
interface Server {
  url: string
  measure<T>(work: () => Promise<T>): Promise<{result: T; report: LakeReport}>
  stop(): Promise<void>
}

async function startServer(args: string[]): Promise<Server> {
  // Started as `pnpm lake` starts it: compacted after loading, and with its young generation.
  const child: ChildProcess = spawn(process.execPath, [...lakeNodeFlags(), new URL('./lake-load-server.ts', import.meta.url).pathname, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const nextLine = lineReader(child)
  // A server that already exited (and said why) has no exit left to wait for.
  const stop = () => stopChild(child, args[0] === '--control' ? 'the control server' : 'the lake')
  try {
    const {url} = JSON.parse(await nextLine()) as {url: string}
    return {
      url,
      async measure(work) {
        child.stdin!.write('mark\n')
        await nextLine()
        const result = await work()
        child.stdin!.write('report\n')
        return {result, report: JSON.parse(await nextLine()) as LakeReport}
      },
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}

type Read = (server: Server, agent: Agent) => Promise<Buffer>

/** Page reads per second that CLIENTS closed-loop clients get for `ms`. */
async function closedLoop(server: Server, read: Read, ms: number): Promise<number> {
  const agent = new Agent({keepAlive: true, maxSockets: CLIENTS})
  let reads = 0
  const started = performance.now()
  const deadline = started + ms
  await Promise.all(
    Array.from({length: CLIENTS}, async () => {
      while (performance.now() < deadline) {
        await read(server, agent)
        reads++
      }
    }),
  )
  agent.destroy()
  return (reads / (performance.now() - started)) * 1000
}

interface OpenLoop {
  p50: number
  p99: number
  /** How late the generator sent requests (p99, ms): a generator that falls behind is not open loop. */
  sendLagP99: number
  /** The generator's own GC pauses during the run, ms: the measuring process stalling too. */
  generatorGcMs: number
  report: LakeReport
}

/**
 * Requests due at fixed intervals of 1000 ÷ `rate` ms for `ms`, sent when due whatever the
 * earlier ones are doing; each latency from when it was due to when its whole answer arrived.
 */
async function openLoop(server: Server, read: Read, rate: number, ms: number): Promise<OpenLoop> {
  const agent = new Agent({keepAlive: true, maxSockets: 256})
  const interval = 1000 / rate
  const latencies: number[] = []
  const lags: number[] = []
  let generatorGcMs = 0
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) generatorGcMs += entry.duration
  })
  gc.observe({entryTypes: ['gc']})
  const {report} = await server.measure(async () => {
    const pending: Array<Promise<void>> = []
    const started = performance.now()
    let sent = 0
    while (performance.now() - started < ms) {
      const now = performance.now()
      while (started + sent * interval <= now) {
        const due = started + sent * interval
        lags.push(now - due)
        pending.push(read(server, agent).then(() => void latencies.push(performance.now() - due)))
        sent++
      }
      // Wake again about when the next request is due (timers fire no sooner than 1 ms).
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + sent * interval - performance.now() - 0.5)))
    }
    await Promise.all(pending)
  })
  agent.destroy()
  gc.disconnect()
  const percentile = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b)
    return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!
  }
  return {p50: median(latencies), p99: percentile(latencies, 0.99), sendLagP99: percentile(lags, 0.99), generatorGcMs, report}
}

function get(url: string, agent: Agent): Promise<{status: number; body: Buffer}> {
  return new Promise((resolve, reject) => {
    request(url, {agent}, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({status: response.statusCode ?? 0, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)}))
      response.on('error', reject)
    })
      .on('error', reject)
      .end()
  })
}

/** What the server's process measured between `mark` and `report` (see lake-load-server.ts). */
interface LakeReport {
  pageReads: number
  serviceP50Ms: number
  serviceP99Ms: number
  serviceMeanMs: number
  cpuMs: number
  /** The part of cpuMs in the process itself, and in the kernel on its behalf (system calls, the network stack). */
  userMs: number
  systemMs: number
  eventLoopUtilization: number
  loopDelayP99Ms: number
  loopDelayMaxMs: number
  gcPauses: number
  gcPauseMs: number
  gcPauseMaxMs: number
  /** Major collections (mark-compact), each marking the whole heap. */
  majorCollections: number
}
