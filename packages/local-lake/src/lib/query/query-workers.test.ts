import {copyFile, mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {treatmentBySlugQuery} from '@treatments/content'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {type ChildLake, startChildLake} from '../../test-support/child-lake.ts'
import {FIXTURE_FILE} from '../../test-support/lake-fixture.ts'

// The lake runs in its own process: if a query froze it, this test would still finish, failing.

const LIMIT_MS = 1000
/** `match` becomes a regular expression that backtracks for minutes on this text (issue 21). */
const MATCH_ATTACK = `"${'a'.repeat(50)}" match "${'a*'.repeat(14)}b"`
/** Evaluates 80^4 objects from 80 parameter items, reading no document. */
const PARAMETER_ATTACK = '$a[]{"x": $a[]{"y": $a[]{"z": $a[]{k}}}}'
/** The site's page read by slug, and its parameters. */
const BY_SLUG = treatmentBySlugQuery
const PAGE = {slug: 'botox', locale: 'en', base: 'en', locales: ['en'], all: false}

let directory: string
let lake: ChildLake
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'lake-query-workers-'))
  await copyFile(FIXTURE_FILE, join(directory, 'dataset.ndjson'))
  lake = await startChildLake(join(directory, 'dataset.ndjson'), {queryTimeoutMs: LIMIT_MS, queryMemoryMb: 128})
  // Two ad-hoc queries at once start both query workers (they start with the first queries that
  // need them), so the attacks below are timed against the limit, not a worker's start.
  await Promise.all([timed(queryUrl('count(*)')), timed(queryUrl('count(*[_type == "treatment"])'))])
})
afterAll(async () => {
  await lake?.close()
  await rm(directory, {recursive: true, force: true})
})

const queryUrl = (query: string, params: Record<string, unknown> = {}) => {
  const search = new URLSearchParams({query})
  for (const [name, value] of Object.entries(params)) search.set(`$${name}`, JSON.stringify(value))
  return `${lake.url}/v2025-02-19/data/query/production?${search}`
}

/** A request's status, body and time; aborted after 10 s so a frozen lake fails the test. */
async function timed(url: string, init: RequestInit = {}): Promise<{status: number; body: {error?: {type: string}}; ms: number}> {
  const started = performance.now()
  const response = await fetch(url, {...init, signal: AbortSignal.timeout(10_000)})
  const body = (await response.json()) as {error?: {type: string}}
  return {status: response.status, body, ms: performance.now() - started}
}

/** The median time of five by-slug reads, made one after another while an attack runs. */
async function bySlugReadsWhile(): Promise<number> {
  const times: number[] = []
  for (let index = 0; index < 5; index++) {
    const read = await timed(queryUrl(BY_SLUG, PAGE))
    expect(read.status).toBe(200)
    times.push(read.ms)
  }
  return times.sort((a, b) => a - b)[2]!
}

describe('queries evaluated in worker threads', () => {
  for (const [name, attack] of [
    ['a `match` that backtracks', () => timed(queryUrl(MATCH_ATTACK))],
    ['a query over parameters alone', () => timed(queryUrl(PARAMETER_ATTACK, {a: Array.from({length: 80}, (_, k) => ({k}))}))],
    [
      'a count over a 300,000-item parameter',
      () =>
        timed(`${lake.url}/v2025-02-19/data/query/production`, {
          method: 'POST',
          headers: {'Content-Type': 'application/json'},
          body: JSON.stringify({query: 'count($p[@ > 5]{"n": @, "m": $p[0...50]}[n > m[0]])', params: {p: Array.from({length: 300_000}, (_, index) => index)}}),
        }),
    ],
  ] as const) {
    it(`stops ${name} with 408 at its limit while a second client's by-slug reads answer`, async () => {
      await timed(queryUrl(BY_SLUG, PAGE))
      const attacked = attack()
      await new Promise((resolve) => setTimeout(resolve, 100))
      const median = await bySlugReadsWhile()
      const outcome = await attacked
      expect(outcome.status).toBe(408)
      expect(outcome.body.error?.type).toBe('queryTimeoutError')
      // Within about a second of the limit (a margin for a loaded 2-core machine).
      expect(outcome.ms).toBeLessThan(LIMIT_MS + 1500)
      // Generous for a loaded 2-core machine; a lake held by the attack takes the whole limit.
      expect(median).toBeLessThan(200)
      // The worker was replaced: the lake keeps answering.
      expect((await timed(queryUrl('count(*)'))).status).toBe(200)
    }, 30_000)
  }

  const mutate = (mutations: unknown[]) =>
    timed(`${lake.url}/v2025-02-19/data/mutate/production`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', Authorization: `Bearer ${lake.token}`},
      body: JSON.stringify({mutations}),
    })
  const backtracking = {patch: {query: `*[_type == "clinic" && ${MATCH_ATTACK}]`, set: {hit: true}}}
  for (const [name, mutations] of [
    ['a mutation whose query selection backtracks', [backtracking]],
    ['the same selection after a mutation of the same transaction', [{createOrReplace: {_id: 'note-before', _type: 'note'}}, backtracking]],
  ] as const) {
    it(`stops ${name} with 408 at its limit while a second client's by-slug reads answer; nothing is written`, async () => {
      await timed(queryUrl(BY_SLUG, PAGE))
      const attacked = mutate([...mutations])
      await new Promise((resolve) => setTimeout(resolve, 100))
      const median = await bySlugReadsWhile()
      const outcome = await attacked
      expect(outcome.status).toBe(408)
      expect(outcome.ms).toBeLessThan(LIMIT_MS + 1500)
      expect(median).toBeLessThan(200)
      expect((await timed(queryUrl('count(*[hit || _id == "note-before"])'))).body).toMatchObject({result: 0})
    }, 30_000)
  }

  it('stops a listener whose filter backtracks with a channelError at the limit, while the write and a second client\'s by-slug reads answer', async () => {
    // A long word for the filter's `match` to backtrack on, written before anyone listens.
    expect((await mutate([{createOrReplace: {_id: 'note-long', _type: 'note', title: 'a'.repeat(50)}}])).status).toBe(200)
    const filter = `*[_type == "note" && title match "${'a*'.repeat(14)}b"]`
    const response = await fetch(`${lake.url}/v2025-02-19/data/listen/production?query=${encodeURIComponent(filter)}`, {
      headers: {Authorization: `Bearer ${lake.token}`},
      signal: AbortSignal.timeout(20_000),
    })
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
    let stream = ''
    const readUntil = async (text: string) => {
      while (!stream.includes(text)) {
        const {value, done} = await reader.read()
        if (done) break
        stream += value
      }
    }
    await readUntil('event: welcome')
    const committed = performance.now()
    const write = mutate([{patch: {id: 'note-long', set: {touched: true}}}])
    await new Promise((resolve) => setTimeout(resolve, 100))
    const median = await bySlugReadsWhile()
    expect((await write).status).toBe(200)
    await readUntil('event: channelError')
    expect(stream).toContain(`event: channelError\ndata: {"message":"The local lake could not evaluate the listener: Query exceeded the local lake's time limit of ${LIMIT_MS} ms`)
    expect(performance.now() - committed).toBeLessThan(LIMIT_MS + 2500)
    // Generous for a loaded 2-core machine; a lake held by the filter takes minutes.
    expect(median).toBeLessThan(200)
    await reader.cancel()
  }, 30_000)

  it('selects by query in a worker as on the main thread: after the transaction\'s earlier mutations', async () => {
    const outcome = await mutate([
      {createOrReplace: {_id: 'note-selected', _type: 'note', n: 1}},
      {patch: {query: '*[_type == "note" && n == 1]', set: {n: 2}}},
      {delete: {query: '*[_id == "note-selected" && n == 2]'}},
    ])
    expect(outcome).toMatchObject({status: 200, body: {results: [{id: 'note-selected', operation: 'create'}, {id: 'note-selected', operation: 'update'}, {id: 'note-selected', operation: 'delete'}]}})
    expect((await timed(queryUrl('count(*[_id == "note-selected"])'))).body).toMatchObject({result: 0})
  })

  const TEN_MB_BODY = `{"query":"count($a)","params":{"a":[${'{},'.repeat(3_300_000)}{}]}}`

  it('reads a 10 MB query body (3.3 million parameter objects) in a worker: by-slug reads keep answering meanwhile', async () => {
    // Default worker memory, and time enough to read it on a loaded machine.
    const roomy = await startChildLake(join(directory, 'dataset.ndjson'), {queryTimeoutMs: 30_000, readOnly: true})
    try {
      const read = () => timed(`${roomy.url}/v2025-02-19/data/query/production?${new URLSearchParams({query: BY_SLUG, ...Object.fromEntries(Object.entries(PAGE).map(([name, value]) => [`$${name}`, JSON.stringify(value)]))})}`)
      expect((await read()).status).toBe(200)
      let done = false
      const attacked = timed(`${roomy.url}/v2025-02-19/data/query/production`, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: TEN_MB_BODY}).finally(() => (done = true))
      let longest = 0
      while (!done) {
        const answer = await read()
        expect(answer.status).toBe(200)
        longest = Math.max(longest, answer.ms)
      }
      expect(await attacked).toMatchObject({status: 200, body: {query: 'count($a)', result: 3_300_001}})
      // Parsing, walking and copying the parameters on the main thread held every read for seconds.
      expect(longest, 'longest by-slug read meanwhile, in ms').toBeLessThan(500)
    } finally {
      await roomy.close()
    }
  }, 60_000)

  it('refuses a query body a worker has no room to read with 400, and keeps answering', async () => {
    // This lake's workers have 128 MiB. Parsing the body there regardless ended the whole
    // process: V8 stops it, not just the worker, when JSON.parse runs out of heap.
    const outcome = await timed(`${lake.url}/v2025-02-19/data/query/production`, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: TEN_MB_BODY})
    expect(outcome).toMatchObject({status: 400, body: {error: {type: 'queryMemoryLimitError'}}})
    expect((await timed(queryUrl('count(*)'))).status).toBe(200)
  }, 30_000)

  it('stops a query that needs more than the memory bound with 400, and keeps answering', async () => {
    // A time limit it never reaches: the heap bound stops it.
    const bounded = await startChildLake(join(directory, 'dataset.ndjson'), {queryTimeoutMs: 60_000, queryMemoryMb: 96, readOnly: true})
    try {
      const url = `${bounded.url}/v2025-02-19/data/query/production`
      const outcome = await timed(url, {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        // 100 arrays of a million one-character strings: about 800 MB of pointers, in well under a second.
        body: JSON.stringify({query: '$a[]{"p": string::split($s, "")}', params: {a: Array.from({length: 100}, (_, k) => ({k})), s: 'x'.repeat(1_000_000)}}),
      })
      expect(outcome).toMatchObject({status: 400, body: {error: {type: 'queryMemoryLimitError'}}})
      expect((await timed(`${url}?query=count(*)`)).status).toBe(200)
    } finally {
      await bounded.close()
    }
  }, 30_000)
})
