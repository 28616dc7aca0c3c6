import {type ChildProcess, spawn} from 'node:child_process'
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {Agent, request} from 'node:http'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {treatmentBySlugQuery} from '@treatments/content'
import type {BenchMetric, BenchOptions} from '../../packages/content/bench/benchmark.ts'
import {median} from '../../packages/content/bench/measure.ts'
import {seedDocuments, withTreatmentCopies} from './seed-documents.ts'

const DOCUMENTS = 10_000
const CLIENTS = 50
const LOAD_MS = 4000
const UNLOADED_REQUESTS = 300
/** Every treatment against every treatment: about 10^8 comparisons, stopped by the time limit. */
const CROSS_JOIN = '*[_type == "treatment"]{"others": count(*[_type == "treatment" && _id != ^._id])}'
/** The goal: under load, the slowest 1% of page reads stay within 5x a quiet read. */
const GOAL_FACTOR = 5

/**
 * The lake as a shared server: one treatment page by slug (the site's own query) from a lake
 * holding 10,000 documents, first from one client alone, then from 50 concurrent clients while
 * another client runs a cross join the whole time. Reports requests/s and p99 under load
 * against the goal "p99 < 5x the unloaded p50".
 */
export async function run(options: BenchOptions): Promise<Record<string, BenchMetric>> {
  const seed = await seedDocuments()
  const documents = withTreatmentCopies(seed, DOCUMENTS - seed.length + 1)
  const slugs = documents.flatMap((document) => {
    const slug = (document as {slug?: {current?: unknown}}).slug?.current
    return document._type === 'treatment' && typeof slug === 'string' && !document._id.startsWith('drafts.') ? [slug] : []
  })
  const directory = await mkdtemp(join(tmpdir(), 'lake-load-'))
  const file = join(directory, 'dataset.ndjson')
  await writeFile(file, documents.map((document) => JSON.stringify(document)).join('\n') + '\n')
  const server = spawn(process.execPath, ['--conditions=@treatments/source', new URL('./lake-load-server.ts', import.meta.url).pathname, file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  try {
    const {url} = JSON.parse(await firstLine(server)) as {url: string}
    const pageUrl = (slug: string) => {
      const search = new URLSearchParams({query: treatmentBySlugQuery, returnQuery: 'false'})
      const params = {slug, locale: 'it', base: 'en', locales: ['it', 'en'], all: false}
      for (const [name, value] of Object.entries(params)) search.set(`$${name}`, JSON.stringify(value))
      return `${url}/v2025-02-19/data/query/production?${search}`
    }
    const urls = slugs.map(pageUrl)
    let next = 0
    /** One page read on `agent` (each simulated client has its own keep-alive connection). */
    const readPage = async (agent: Agent): Promise<number> => {
      const target = urls[next++ % urls.length]!
      const started = performance.now()
      const {status, body} = await get(target, agent)
      if (status !== 200 || (JSON.parse(body) as {result?: unknown}).result === null) {
        throw new Error(`lake-load: ${target} answered ${status}`)
      }
      return performance.now() - started
    }
    const agents = Array.from({length: CLIENTS}, () => new Agent({keepAlive: true, maxSockets: 1}))

    options.progress('unloaded reads')
    for (let warm = 0; warm < 100; warm++) await readPage(agents[warm % CLIENTS]!)
    const quiet: number[] = []
    for (let request = 0; request < UNLOADED_REQUESTS; request++) quiet.push(await readPage(agents[0]!))
    const unloadedP50 = median(quiet)

    let loading = true
    let crossJoins = 0
    const crossJoinStatuses = new Set<number>()
    const crossJoin = (async () => {
      while (loading) {
        const response = await fetch(`${url}/v2025-02-19/data/query/production?query=${encodeURIComponent(CROSS_JOIN)}`)
        await response.arrayBuffer()
        crossJoinStatuses.add(response.status)
        crossJoins++
      }
    })()
    options.progress(`${CLIENTS} clients beside a cross join for ${LOAD_MS} ms`)
    // Let the cross join start before the page readers do.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const loaded: number[] = []
    const started = performance.now()
    const deadline = started + LOAD_MS
    await Promise.all(
      agents.map(async (agent) => {
        while (performance.now() < deadline) loaded.push(await readPage(agent))
      }),
    )
    const elapsed = performance.now() - started
    loading = false
    await crossJoin
    for (const agent of agents) agent.destroy()
    loaded.sort((a, b) => a - b)
    const p99 = loaded[Math.min(loaded.length - 1, Math.floor(loaded.length * 0.99))]!
    const p50 = loaded[Math.floor(loaded.length / 2)]!
    const limit = unloadedP50 * GOAL_FACTOR
    const round = (value: number) => Math.round(value * 100) / 100
    const context = `${DOCUMENTS} documents, ${CLIENTS} concurrent clients, one cross join running throughout (${crossJoins} run, answered ${[...crossJoinStatuses].join('/')})`
    return {
      lake_load_by_slug_p99_ms: {
        value: round(p99),
        unit: 'ms',
        // The runner's goal is "at most"; the rule is p99 < 5x the unloaded p50 of this run.
        goal: {atMost: round(limit)},
        description: `p99 of a treatment page by slug under load; ${context}; goal p99 < ${GOAL_FACTOR}x unloaded p50`,
        p50_ms: round(p50),
        unloaded_p50_ms: round(unloadedP50),
        by_slug_ops_per_s: round((loaded.length / elapsed) * 1000),
        clients: CLIENTS,
        documents: DOCUMENTS,
        requests: loaded.length,
      },
    }
  } finally {
    server.kill('SIGTERM')
    await new Promise((resolve) => server.once('exit', resolve))
    await rm(directory, {recursive: true, force: true})
  }
}

function get(url: string, agent: Agent): Promise<{status: number; body: string}> {
  return new Promise((resolve, reject) => {
    request(url, {agent}, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({status: response.statusCode ?? 0, body}))
      response.on('error', reject)
    })
      .on('error', reject)
      .end()
  })
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8')
      const end = text.indexOf('\n')
      if (end >= 0) resolve(text.slice(0, end))
    })
    child.once('exit', (code) => reject(new Error(`lake-load: the lake exited with ${code} before listening`)))
  })
}
