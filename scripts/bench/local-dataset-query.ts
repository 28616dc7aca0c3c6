import {createTreatmentContent} from '@treatments/content'
import {localDataset} from '@treatments/content/local-dataset'
import type {BenchMetric, BenchOptions} from '../../packages/content/bench/benchmark.ts'
import {consume, median, round, timeWork} from '../../packages/content/bench/measure.ts'
import {seedDocuments, withTreatmentCopies} from './seed-documents.ts'

/**
 * One `getTreatment` by slug from `localDataset`, as the example site does per request, at
 * 10,000 and 100,000 documents (copies of the shipped treatment): CPU ms per call, median over
 * calls for different slugs and locales (no answer comes from a cache), and how the median
 * grows from 10,000 to 100,000 documents (an index lookup does not grow; a scan grows 10×).
 */
export async function run(options: BenchOptions): Promise<Record<string, BenchMetric>> {
  const seed = await seedDocuments()
  const calls = options.quick ? 15 : 41
  const measure = async (count: number) => {
    const documents = withTreatmentCopies(seed, count)
    const treatments = documents.filter((document) => document._type === 'treatment')
    const content = createTreatmentContent({source: localDataset(documents)})
    // The first call loads the dataset: checks every document and builds the indexes.
    const first = await timeWork(() => content.getTreatment((treatments[0]!.slug as {current: string}).current))
    // Warm up, so that neither size pays for compiling the code.
    for (let call = 0; call < 20; call++) consume((await content.getTreatment((treatments[call % treatments.length]!.slug as {current: string}).current, {locale: ['en', 'it', 'de'][call % 3]!})).locale)
    const samples: number[] = []
    for (let call = 0; call < calls; call++) {
      if (call % 10 === 0) options.progress(`${count} documents: getTreatment ${call + 1}/${calls}`)
      const slug = (treatments[Math.floor(((call + 0.5) / calls) * treatments.length)]!.slug as {current: string}).current
      const locale = ['en', 'it', 'de'][call % 3]!
      const {cpuMs, result} = await timeWork(() => content.getTreatment(slug, {locale}))
      consume(result.treatment.slug)
      samples.push(cpuMs)
    }
    return {median: median(samples), documents: documents.length, firstAnswerMs: Math.round(first.wallMs)}
  }
  const small = await measure(10_000)
  const large = await measure(100_000)
  return {
    get_treatment_local_dataset_ms: {
      value: round(small.median, 3),
      unit: 'ms',
      goal: {atMost: 2},
      description: 'CPU ms of one getTreatment by slug from localDataset at 10,000 documents, median',
      documents: small.documents,
      first_answer_ms: small.firstAnswerMs,
      calls,
    },
    get_treatment_local_dataset_100k_vs_10k: {
      value: round(large.median / small.median, 2),
      unit: 'x',
      goal: {atMost: 1.5},
      peer: 'the same call at 10,000 documents',
      description: 'median CPU ms of getTreatment at 100,000 documents ÷ at 10,000',
      median_ms_100k: round(large.median, 3),
      documents: large.documents,
      first_answer_ms_100k: large.firstAnswerMs,
    },
  }
}
