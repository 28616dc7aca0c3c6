import {createClient} from '@sanity/client'
import {treatmentBySlugQuery} from '@treatments/content'
import {startLocalLake} from '@treatments/local-lake'
import type {BenchMetric, BenchOptions} from '../../packages/content/bench/benchmark.ts'
import {consume, median, round} from '../../packages/content/bench/measure.ts'
import {seedDocuments, withTreatmentCopies} from './seed-documents.ts'

/**
 * What evaluating queries in worker threads (so that any query can be stopped at its limit)
 * costs a page read: one treatment page by slug over HTTP through `@sanity/client`, from a lake
 * over 10,000 documents with its query workers (the default) and from one that evaluates on its
 * main thread (`queryWorkers: 0`, as before). The site's page query keeps its fixed plan on the
 * main thread; beside it, the same read written as ad-hoc GROQ, which a worker answers. Neither
 * lake keeps answers, so every read is evaluated. Batches of consecutive reads, interleaved
 * round by round; median ms per read.
 */
/** A page by slug as ad-hoc GROQ: not the site's query, so no plan answers it. */
const AD_HOC_BY_SLUG = '*[_type == "treatment" && slug.current == $slug][0]{_id, "slug": slug.current, title, summary}'

export async function run(options: BenchOptions): Promise<Record<string, BenchMetric>> {
  const documents = withTreatmentCopies(await seedDocuments(), 10_000)
  const slugs = documents.filter((document) => document._type === 'treatment').map((document) => (document.slug as {current: string}).current)
  const common = {datasets: {production: documents}, readOnly: true, answerCacheBytes: 0}
  const [inWorkers, onMain] = await Promise.all([startLocalLake(common), startLocalLake({...common, queryWorkers: 0})])
  try {
    const reader = (url: string, adHoc: boolean) => {
      const client = createClient({projectId: 'local', dataset: 'production', apiHost: url, useProjectHostname: false, apiVersion: '2025-02-19', useCdn: false})
      let cursor = 0
      return async () => {
        const slug = slugs[(cursor++ * 7919) % slugs.length]!
        if (adHoc) {
          const page = await client.fetch<{slug?: string} | null>(AD_HOC_BY_SLUG, {slug})
          if (page?.slug !== slug) throw new Error(`The ad-hoc answer for ${slug} is not its page`)
          consume(page)
          return
        }
        const pages = (await client.fetch(treatmentBySlugQuery, {slug, locale: 'it', base: 'en', locales: ['it', 'en'], all: false})) as Array<{slug?: string}>
        if (pages.length !== 1 || pages[0]!.slug !== slug) throw new Error(`The answer for ${slug} is not its page`)
        consume(pages)
      }
    }
    const workerRead = reader(inWorkers.url, false)
    const mainRead = reader(onMain.url, false)
    const workerAdHoc = reader(inWorkers.url, true)
    const mainAdHoc = reader(onMain.url, true)
    const batch = async (read: () => Promise<void>, calls: number) => {
      const started = performance.now()
      for (let index = 0; index < calls; index++) await read()
      return (performance.now() - started) / calls
    }
    options.progress('warm-up')
    // Both workers of the pool get their copy of the dataset and compile their paths.
    for (const read of [workerRead, mainRead, workerAdHoc, mainAdHoc]) await batch(read, 300)
    const calls = Math.max(4, Math.round(options.batchMs / (await batch(mainRead, 20))))
    const workerSamples: number[] = []
    const mainSamples: number[] = []
    const workerAdHocSamples: number[] = []
    const mainAdHocSamples: number[] = []
    const rounds = options.quick ? 6 : 20
    for (let index = 0; index < rounds; index++) {
      options.progress(`round ${index + 1}/${rounds}`)
      const workerFirst = index % 2 === 0
      if (workerFirst) workerSamples.push(await batch(workerRead, calls))
      mainSamples.push(await batch(mainRead, calls))
      if (!workerFirst) workerSamples.push(await batch(workerRead, calls))
      if (workerFirst) workerAdHocSamples.push(await batch(workerAdHoc, calls))
      mainAdHocSamples.push(await batch(mainAdHoc, calls))
      if (!workerFirst) workerAdHocSamples.push(await batch(workerAdHoc, calls))
    }
    const worker = median(workerSamples)
    const main = median(mainSamples)
    return {
      lake_by_slug_worker_vs_main: {
        value: round(worker / main, 2),
        unit: 'x',
        goal: {atMost: 1.5},
        description:
          "ms per page read by slug (the site's query) from the local lake with query workers (any query stoppable at its limit) ÷ from one evaluating on its main thread (as before), 10,000 documents, no kept answers, batches interleaved; ad_hoc_*: the same read as ad-hoc GROQ, which a worker evaluates",
        worker_p50_ms: round(worker, 3),
        main_thread_p50_ms: round(main, 3),
        ad_hoc_ratio: round(median(workerAdHocSamples) / median(mainAdHocSamples), 2),
        ad_hoc_worker_p50_ms: round(median(workerAdHocSamples), 3),
        ad_hoc_main_thread_p50_ms: round(median(mainAdHocSamples), 3),
        batch: calls,
        documents: documents.length,
        rounds,
      },
    }
  } finally {
    await Promise.all([inWorkers.close(), onMain.close()])
  }
}
