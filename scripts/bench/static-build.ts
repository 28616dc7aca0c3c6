import {createTreatmentContent} from '@treatments/content'
import {localDataset} from '@treatments/content/local-dataset'
import {localeIds} from '@treatments/content/locales'
import {toHtml} from '@treatments/content/render'
import type {BenchMetric} from '../../packages/content/bench/benchmark.ts'
import {median} from '../../packages/content/bench/measure.ts'
import {seedDocuments, withTreatmentCopies} from './seed-documents.ts'

/**
 * A static build: every treatment page in every locale, from an in-process dataset, fetched
 * with `getAllTreatments` (one request per locale) and rendered. Timed at 1,000 and 2,000
 * treatments; linear work gives a ratio near 2.
 */
export async function run(options: {rounds: number}): Promise<Record<string, BenchMetric>> {
  const seed = await seedDocuments()
  const rounds = Math.max(3, Math.min(5, Math.round(options.rounds / 8)))
  const time = async (count: number) => {
    const documents = withTreatmentCopies(seed, count)
    const samples: number[] = []
    for (let round = 0; round < rounds; round++) {
      const content = createTreatmentContent({source: localDataset(documents)})
      const start = performance.now()
      let pages = 0
      for (const locale of localeIds) {
        const {pages: results} = await content.getAllTreatments({locale})
        for (const result of results) {
          toHtml(result.treatment.body)
          pages++
        }
      }
      samples.push(performance.now() - start)
      if (pages !== count * localeIds.length) throw new Error(`Rendered ${pages} pages, expected ${count * localeIds.length}`)
    }
    return median(samples)
  }
  const thousand = await time(1000)
  const twoThousand = await time(2000)
  return {
    static_build_scaling: {
      value: Math.round((twoThousand / thousand) * 100) / 100,
      unit: 'x',
      peer: 'the same build at 1,000 treatments',
      description: 'time for 2,000 treatments × 3 locales ÷ time for 1,000 (goal <= 2.2: linear)',
      ms_1000: Math.round(thousand),
      ms_2000: Math.round(twoThousand),
    },
    static_build_pages_per_second: {
      value: Math.round((1000 * localeIds.length) / (thousand / 1000)),
      unit: 'ops/s',
      description: 'pages fetched, localized and rendered per second at 1,000 treatments × 3 locales',
    },
  }
}
