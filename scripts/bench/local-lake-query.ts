import {createClient} from '@sanity/client'
import {treatmentBySlugQuery} from '@treatments/content'
import type {DatasetDocument} from '@treatments/content/dataset'
import {startLocalLake} from '@treatments/local-lake'
import {evaluate, parse} from 'groq-js'
import type {BenchMetric} from '../../packages/content/bench/benchmark.ts'
import {median} from '../../packages/content/bench/measure.ts'
import {seedDocuments} from './seed-documents.ts'

/**
 * One treatment page by slug from the local lake holding 10,000 documents, over HTTP through
 * `@sanity/client`, against groq-js evaluating the same query over the whole dataset in-process.
 */
export async function run(options: {rounds: number}): Promise<Record<string, BenchMetric>> {
  const seed = await seedDocuments()
  const filler: DatasetDocument[] = []
  for (let index = seed.length; index < 10_000; index++) {
    filler.push({
      _id: `filler-${index}`,
      _type: 'treatment',
      slug: {_type: 'slug', current: `filler-${index}`},
      title: [{_key: 'en', _type: 'internationalizedArrayStringValue', language: 'en', value: `Filler ${index}`}],
    })
  }
  const documents = [...seed, ...filler]
  const params = {slug: 'mesotherapy-cellulite', locale: 'it', base: 'en', locales: ['it', 'en'], all: false}
  const lake = await startLocalLake({datasets: {production: documents}, readOnly: true})
  try {
    const client = createClient({projectId: 'local', dataset: 'production', apiHost: lake.url, useProjectHostname: false, apiVersion: '2025-02-19', useCdn: false})
    const tree = parse(treatmentBySlugQuery)
    const viaLake = () => client.fetch(treatmentBySlugQuery, params)
    const viaGroqJs = async () => (await evaluate(tree, {dataset: documents, params})).get()
    for (let warm = 0; warm < 5; warm++) await Promise.all([viaLake(), viaGroqJs()])
    const lakeSamples: number[] = []
    const peerSamples: number[] = []
    const rounds = Math.max(10, options.rounds)
    for (let round = 0; round < rounds; round++) {
      for (const [run, samples] of round % 2 === 0 ? ([[viaLake, lakeSamples], [viaGroqJs, peerSamples]] as const) : ([[viaGroqJs, peerSamples], [viaLake, lakeSamples]] as const)) {
        const start = performance.now()
        await run()
        samples.push(performance.now() - start)
      }
    }
    const lakeP50 = median(lakeSamples)
    const peerP50 = median(peerSamples)
    return {
      local_lake_query_p50_ms: {
        value: Math.round(lakeP50 * 100) / 100,
        unit: 'ms',
        peer: 'groq-js evaluate() over the whole 10,000-document dataset, in-process',
        description: 'p50 of one treatment page by slug from the local lake over HTTP, 10,000 documents',
        peer_p50_ms: Math.round(peerP50 * 100) / 100,
        vs_peer: Math.round((peerP50 / lakeP50) * 100) / 100,
      },
    }
  } finally {
    await lake.close()
  }
}
