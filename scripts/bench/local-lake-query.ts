import {createClient} from '@sanity/client'
import {treatmentBySlugQuery} from '@treatments/content'
import {startLocalLake} from '@treatments/local-lake'
import {evaluate, parse} from 'groq-js'
import type {BenchMetric, BenchOptions} from '../../packages/content/bench/benchmark.ts'
import {consume, median, round} from '../../packages/content/bench/measure.ts'
import {seedDocuments, withTreatmentCopies} from './seed-documents.ts'

/**
 * One treatment page by slug from the local lake holding 10,000 documents (copies of the shipped
 * treatment, so every document is of realistic size), over HTTP through `@sanity/client`,
 * against groq-js evaluating the same query over the whole dataset in-process.
 *
 * Measured as `compare()` measures every other pair: each contender warmed up, then timed in
 * batches of about `batchMs` (the lake: consecutive reads; groq-js: one scan is longer than a
 * batch), batches interleaved round by round, median ms per call. Every lake read asks for a
 * slug not asked before, so no answer comes from the lake's kept answers; the kept-answer
 * figure is reported beside it. So is the old way of measuring, one read right after each
 * groq-js scan, with the same measurement of a query that does no work (`$slug`): after 80 ms
 * of other work in the same thread even that takes over a millisecond (cold caches), which no
 * server can go under.
 */
export async function run(options: BenchOptions): Promise<Record<string, BenchMetric>> {
  const documents = withTreatmentCopies(await seedDocuments(), 10_000)
  const slugs = documents.filter((document) => document._type === 'treatment').map((document) => (document.slug as {current: string}).current)
  const byId = new Map(documents.map((document) => [document._id, document]))
  const lake = await startLocalLake({datasets: {production: documents}, readOnly: true})
  try {
    const client = createClient({projectId: 'local', dataset: 'production', apiHost: lake.url, useProjectHostname: false, apiVersion: '2025-02-19', useCdn: false})
    const tree = parse(treatmentBySlugQuery)
    const paramsFor = (slug: string) => ({slug, locale: 'it', base: 'en', locales: ['it', 'en'], all: false})
    const check = (answer: unknown, slug: string) => {
      const pages = answer as Array<{slug?: string}>
      if (pages.length !== 1 || pages[0]!.slug !== slug) throw new Error(`The answer for ${slug} is not its page: ${JSON.stringify(pages).slice(0, 300)}`)
      consume(pages)
    }
    // Slugs in an order that visits the whole dataset; each is read from the lake once.
    let cursor = 0
    const freshSlug = () => {
      if (cursor >= slugs.length) throw new Error('local-lake-query: every slug was read; fewer rounds')
      return slugs[(cursor++ * 7919) % slugs.length]!
    }
    const viaLake = async (slug: string) => check(await client.fetch(treatmentBySlugQuery, paramsFor(slug)), slug)
    const viaGroqJs = async (slug: string) =>
      check(await (await evaluate(tree, {dataset: documents, params: paramsFor(slug), dereference: ({_ref}) => byId.get(_ref) ?? null})).get(), slug)
    const trivial = async (slug: string) => {
      if ((await client.fetch('$slug', {slug})) !== slug) throw new Error('The lake did not echo $slug')
    }

    const warm = async (call: () => Promise<void>, minimumCalls: number) => {
      const until = performance.now() + options.warmupMs
      let calls = 0
      while (performance.now() < until || calls < minimumCalls) {
        await call()
        calls++
      }
    }
    const msPerCall = async (call: () => Promise<void>, calls: number) => {
      const started = performance.now()
      for (let index = 0; index < calls; index++) await call()
      return (performance.now() - started) / calls
    }
    options.progress('warm-up')
    // A server's request path is compiled after some hundreds of requests, a scan's loop within
    // one scan: the lake gets at least 300 reads, in --quick mode too, then each side's batch
    // is sized from its warm speed.
    await warm(() => viaLake(freshSlug()), 300)
    await warm(() => viaGroqJs(freshSlug()), 1)
    await warm(() => trivial(freshSlug()), 300)
    const lakeBatch = Math.max(4, Math.round(options.batchMs / (await msPerCall(() => viaLake(freshSlug()), 20))))
    const peerBatch = Math.max(1, Math.round(options.batchMs / (await msPerCall(() => viaGroqJs(freshSlug()), 1))))

    const timeBatch = async (batch: number, call: (slug: string) => Promise<void>, slug?: string) => {
      const started = performance.now()
      for (let index = 0; index < batch; index++) await call(slug ?? freshSlug())
      return (performance.now() - started) / batch
    }
    const lakeSamples: number[] = []
    const peerSamples: number[] = []
    const keptSamples: number[] = []
    const coldLake: number[] = []
    const coldTrivial: number[] = []
    const rounds = options.quick ? 6 : 20
    const kept = freshSlug()
    await viaLake(kept)
    for (let index = 0; index < rounds; index++) {
      options.progress(`round ${index + 1}/${rounds}`)
      const lakeFirst = index % 2 === 0
      if (lakeFirst) lakeSamples.push(await timeBatch(lakeBatch, viaLake))
      peerSamples.push(await timeBatch(peerBatch, viaGroqJs))
      if (!lakeFirst) lakeSamples.push(await timeBatch(lakeBatch, viaLake))
      keptSamples.push(await timeBatch(lakeBatch, viaLake, kept))
      // The old measurement: one read right after a scan, for a page and for no work at all.
      await viaGroqJs(freshSlug())
      coldLake.push(await timeBatch(1, viaLake))
      await viaGroqJs(freshSlug())
      coldTrivial.push(await timeBatch(1, trivial))
    }
    const lakeP50 = median(lakeSamples)
    const peerP50 = median(peerSamples)
    return {
      lake_query_vs_groq_scan: {
        value: round(peerP50 / lakeP50, 2),
        unit: 'x',
        goal: {atLeast: 50},
        peer: 'groq-js evaluate() over the whole 10,000-document dataset, in-process',
        description:
          'ms per call of groq-js ÷ ms per call of one page by slug from the local lake over HTTP (@sanity/client), 10,000 documents, batches interleaved, every slug read once (no kept answers)',
        lake_p50_ms: round(lakeP50, 3),
        peer_p50_ms: round(peerP50, 2),
        lake_kept_answer_p50_ms: round(median(keptSamples), 3),
        lake_single_after_scan_p50_ms: round(median(coldLake), 3),
        no_work_single_after_scan_p50_ms: round(median(coldTrivial), 3),
        single_after_scan_ratio: round(peerP50 / median(coldLake), 2),
        lake_batch: lakeBatch,
        peer_batch: peerBatch,
        documents: documents.length,
        rounds,
      },
    }
  } finally {
    await lake.close()
  }
}
