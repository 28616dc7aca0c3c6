import {createTreatmentContent} from '@treatments/content'
import {localDataset} from '@treatments/content/local-dataset'
import type {BenchMetric, BenchOptions} from '../../packages/content/bench/benchmark.ts'
import {consume, median, round, timeWork} from '../../packages/content/bench/measure.ts'
import {seedDocuments, withTreatmentCopies} from './seed-documents.ts'

/**
 * One `getTreatment` by slug from `localDataset` holding 10,000 documents (copies of the shipped
 * treatment), as the example site does per request: CPU ms per call, median over calls for
 * different slugs and locales (no answer comes from a cache).
 */
export async function run(options: BenchOptions): Promise<Record<string, BenchMetric>> {
  const documents = withTreatmentCopies(await seedDocuments(), 10_000)
  const treatments = documents.filter((document) => document._type === 'treatment')
  const content = createTreatmentContent({source: localDataset(documents)})
  const calls = options.quick ? 4 : 9
  await content.getTreatment((treatments[0]!.slug as {current: string}).current) // load and warm up
  const samples: number[] = []
  for (let call = 0; call < calls; call++) {
    options.progress(`getTreatment ${call + 1}/${calls}`)
    const slug = (treatments[Math.floor(((call + 0.5) / calls) * treatments.length)]!.slug as {current: string}).current
    const locale = ['en', 'it', 'de'][call % 3]!
    const {cpuMs, result} = await timeWork(() => content.getTreatment(slug, {locale}))
    consume(result.treatment.slug)
    samples.push(cpuMs)
  }
  return {
    get_treatment_local_dataset_ms: {
      value: round(median(samples), 3),
      unit: 'ms',
      goal: {atMost: 2},
      description: 'CPU ms of one getTreatment by slug from localDataset at 10,000 documents, median',
      documents: documents.length,
      calls,
    },
  }
}
