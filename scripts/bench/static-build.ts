import {createTreatmentContent, type ContentSource} from '@treatments/content'
import {localDataset, type DatasetDocument} from '@treatments/content/local-dataset'
import {localeIds} from '@treatments/content/locales'
import {renderTreatmentPage} from '@treatments/content/page'
import {evaluate, parse} from 'groq-js'
import type {BenchMetric, BenchOptions} from '../../packages/content/bench/benchmark.ts'
import {consume, median, round, timeWork} from '../../packages/content/bench/measure.ts'
import {diyPages, diyQuery} from './diy-build.ts'
import {seedDocuments, withTreatmentCopies} from './seed-documents.ts'

/**
 * A static build in this process, warm (secondary to the cold builds of cold-static-build.ts):
 * every treatment page in every locale, as HTML.
 *
 * - Ours: `eachTreatment({locales})` (every locale from one request) from `localDataset`, then
 *   `renderTreatmentPage`.
 * - The naive peer: the do-it-yourself build of diy-build.ts over groq-js.
 *
 * Every repetition gets inputs no earlier repetition has seen, as a real build does: the
 * dataset parsed afresh from its NDJSON text, and every answer parsed from JSON as a Sanity
 * answer arrives (ours through a source that round-trips each answer; the peer's one answer
 * likewise), so no cache keyed by an object can carry work from one repetition to the next.
 * Both are timed in CPU time of this process, interleaved repetition by repetition, and both
 * outputs are consumed. Scaling: the same build at `n` and `2n` treatments, as an exponent
 * (`log2` of the median ratio; 1 is linear).
 */
export async function run(options: BenchOptions): Promise<Record<string, BenchMetric>> {
  const seed = await seedDocuments()
  const count = options.quick ? 100 : 1000
  const repetitions = options.quick ? 3 : 7
  const asText = (documents: readonly DatasetDocument[]) => documents.map((document) => JSON.stringify(document)).join('\n')
  const small = asText(withTreatmentCopies(seed, count, {distinctTexts: true}))
  const large = asText(withTreatmentCopies(seed, count * 2, {distinctTexts: true}))
  const fresh = (text: string) => text.split('\n').map((line) => JSON.parse(line) as DatasetDocument)
  const pages = count * localeIds.length

  const ours: number[] = []
  const naive: number[] = []
  const pairRatios: number[] = []
  const ratios: number[] = []
  // One build of each first, unmeasured: these are the warm figures.
  await buildOurs(fresh(small))
  await buildNaive(fresh(small))
  for (let repetition = 0; repetition < repetitions; repetition++) {
    const step = (what: string) => options.progress(`repetition ${repetition + 1}/${repetitions}: ${what}`)
    // Alternate the order, so neither build always runs on a heap the other left behind.
    const order = repetition % 2 === 0 ? (['ours', 'naive'] as const) : (['naive', 'ours'] as const)
    const times: Record<'ours' | 'naive', number> = {ours: 0, naive: 0}
    for (const which of order) {
      step(`${which} build, ${count} treatments × ${localeIds.length} locales`)
      const documents = fresh(small)
      const built = await timeWork(() => (which === 'ours' ? buildOurs(documents) : buildNaive(documents)))
      if (built.result !== pages) throw new Error(`The ${which} build made ${built.result} pages, expected ${pages}`)
      times[which] = built.cpuMs
    }
    ours.push(times.ours)
    naive.push(times.naive)
    pairRatios.push(times.naive / times.ours)
    step(`ours, ${count * 2} treatments × ${localeIds.length} locales`)
    const documents = fresh(large)
    const doubled = await timeWork(() => buildOurs(documents))
    if (doubled.result !== pages * 2) throw new Error(`Our build made ${doubled.result} pages, expected ${pages * 2}`)
    ratios.push(doubled.cpuMs / times.ours)
  }
  const oursMs = median(ours)
  const naiveMs = median(naive)
  const ratio = median(ratios)
  const detail = {treatments: count, locales: localeIds.length, repetitions, ours_cpu_ms: Math.round(oursMs), naive_cpu_ms: Math.round(naiveMs)}
  return {
    static_build_pages_per_second: {
      value: Math.round(pages / (oursMs / 1000)),
      unit: 'ops/s',
      goal: {atLeast: 1000},
      description: `pages fetched, localized and rendered per CPU second, warm, fresh inputs, ${count} treatments × ${localeIds.length} locales from localDataset`,
      ...detail,
    },
    static_build_vs_naive: {
      value: round(median(pairRatios), 3),
      unit: 'x',
      goal: {atLeast: 1.1},
      peer: 'groq-js over whole documents + @portabletext/to-html + string templates',
      description: 'in-process warm build, every repetition on a fresh parse and answers parsed from JSON: naive CPU ms ÷ ours, median of paired repetitions',
      ratios: pairRatios.map((value) => round(value, 3)),
      spread: [round(Math.min(...pairRatios), 3), round(Math.max(...pairRatios), 3)],
      naive_pages_per_second: Math.round(pages / (naiveMs / 1000)),
      ...detail,
    },
    static_build_scaling_exponent: {
      value: round(Math.log2(ratio), 3),
      unit: 'exponent',
      goal: {atMost: round(Math.log2(2.2), 3)},
      peer: `the same build at ${count} treatments`,
      description: `k in time ∝ n^k from ${count} → ${count * 2} treatments, interleaved; goal: ratio ≤ 2.2`,
      ratio: round(ratio, 3),
      ratios: ratios.map((value) => round(value, 3)),
    },
  }
}

/** Each answer as it arrives from Sanity: parsed from its JSON, sharing nothing with the dataset. */
function asAnswers(source: ContentSource): ContentSource {
  return {fetch: async (query, params) => JSON.parse(JSON.stringify(await source.fetch(query, params)))}
}

/** Our static build; returns the number of pages made. */
async function buildOurs(documents: readonly DatasetDocument[]): Promise<number> {
  const content = createTreatmentContent({source: asAnswers(localDataset(documents))})
  let made = 0
  for await (const result of content.eachTreatment({locales: localeIds})) {
    const page = renderTreatmentPage(result)
    consume(page.titleHtml)
    for (const section of page.sections) consume(section.html)
    made++
  }
  return made
}

const naiveTree = parse(diyQuery)

/** The naive static build; returns the number of pages made. */
async function buildNaive(documents: readonly DatasetDocument[]): Promise<number> {
  const byId = new Map(documents.map((document) => [document._id, document]))
  const result = await evaluate(naiveTree, {dataset: documents, dereference: ({_ref}) => byId.get(_ref) ?? null})
  const treatments = JSON.parse(JSON.stringify(await result.get())) as Array<Record<string, unknown>>
  let made = 0
  for (const locale of localeIds) made += await diyPages(treatments, locale, (_slug, html) => consume(html))
  return made
}
