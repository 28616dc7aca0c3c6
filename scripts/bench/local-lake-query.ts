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
 * against groq-js evaluating the same query over the whole dataset in-process. Interleaved
 * rounds, a different slug each round, p50 of each.
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
    const viaLake = (slug: string) => client.fetch(treatmentBySlugQuery, paramsFor(slug))
    const viaGroqJs = async (slug: string) => (await evaluate(tree, {dataset: documents, params: paramsFor(slug), dereference: ({_ref}) => byId.get(_ref) ?? null})).get()
    for (let warm = 0; warm < 3; warm++) consume(await viaLake(slugs[warm]!)) + consume(await viaGroqJs(slugs[warm]!))
    const lakeSamples: number[] = []
    const peerSamples: number[] = []
    const rounds = options.quick ? 6 : 20
    for (let index = 0; index < rounds; index++) {
      options.progress(`round ${index + 1}/${rounds}`)
      const slug = slugs[Math.floor(((index + 0.5) / rounds) * slugs.length)]!
      const order = index % 2 === 0 ? ([[viaLake, lakeSamples], [viaGroqJs, peerSamples]] as const) : ([[viaGroqJs, peerSamples], [viaLake, lakeSamples]] as const)
      for (const [query, samples] of order) {
        const start = performance.now()
        const answer = (await query(slug)) as Array<{slug?: string}>
        samples.push(performance.now() - start)
        if (answer.length !== 1 || answer[0]!.slug !== slug) throw new Error(`The answer for ${slug} is not its page`)
      }
    }
    const lakeP50 = median(lakeSamples)
    const peerP50 = median(peerSamples)
    return {
      lake_query_vs_groq_scan: {
        value: round(peerP50 / lakeP50, 2),
        unit: 'x',
        goal: {atLeast: 50},
        peer: 'groq-js evaluate() over the whole 10,000-document dataset, in-process',
        description: 'p50 of groq-js ÷ p50 of one page by slug from the local lake over HTTP, 10,000 documents',
        lake_p50_ms: round(lakeP50, 2),
        peer_p50_ms: round(peerP50, 2),
        documents: documents.length,
        rounds,
      },
    }
  } finally {
    await lake.close()
  }
}
