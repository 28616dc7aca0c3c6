import {toHTML} from '@portabletext/to-html'
import {createTreatmentContent} from '@treatments/content'
import {localDataset, type DatasetDocument} from '@treatments/content/local-dataset'
import {fallbackChain, localeIds} from '@treatments/content/locales'
import {renderTreatmentPage} from '@treatments/content/page'
import {evaluate, parse} from 'groq-js'
import type {BenchMetric, BenchOptions} from '../../packages/content/bench/benchmark.ts'
import {consume, median, round, timeWork} from '../../packages/content/bench/measure.ts'
import {seedDocuments, withTreatmentCopies} from './seed-documents.ts'

/**
 * A static build: every treatment page in every locale from an in-process dataset, as HTML.
 *
 * - Ours: `eachTreatment` per locale from `localDataset` (one read, pages localized one at a
 *   time), then `renderTreatmentPage`.
 * - The naive peer: one groq-js query for whole documents (references expanded), then per page
 *   the first locale of the chain with text, `@portabletext/to-html` for rich text and string
 *   templates for the lists; no fallback report, no stale check, no sanitizer.
 *
 * Both are timed in CPU time of this process, interleaved repetition by repetition, and both
 * outputs are consumed. Scaling: the same build at `n` and `2n` treatments, interleaved, as an
 * exponent (`log2` of the median ratio; 1 is linear).
 */
export async function run(options: BenchOptions): Promise<Record<string, BenchMetric>> {
  const seed = await seedDocuments()
  const count = options.quick ? 100 : 1000
  const repetitions = options.quick ? 2 : 7
  const small = withTreatmentCopies(seed, count, {distinctTexts: true})
  const large = withTreatmentCopies(seed, count * 2, {distinctTexts: true})
  const pages = count * localeIds.length

  const ours: number[] = []
  const naive: number[] = []
  const ratios: number[] = []
  for (let repetition = 0; repetition < repetitions; repetition++) {
    const step = (what: string) => options.progress(`repetition ${repetition + 1}/${repetitions}: ${what}`)
    // Alternate the order, so neither build always runs on a heap the other left behind.
    const order = repetition % 2 === 0 ? (['ours', 'naive'] as const) : (['naive', 'ours'] as const)
    let oursSmall = 0
    for (const which of order) {
      step(`${which} build, ${count} treatments × ${localeIds.length} locales`)
      const built = await timeWork(() => (which === 'ours' ? buildOurs(small) : buildNaive(small)))
      if (built.result !== pages) throw new Error(`The ${which} build made ${built.result} pages, expected ${pages}`)
      ;(which === 'ours' ? ours : naive).push(built.cpuMs)
      if (which === 'ours') oursSmall = built.cpuMs
    }
    step(`ours, ${count * 2} treatments × ${localeIds.length} locales`)
    const doubled = await timeWork(() => buildOurs(large))
    if (doubled.result !== pages * 2) throw new Error(`Our build made ${doubled.result} pages, expected ${pages * 2}`)
    ratios.push(doubled.cpuMs / oursSmall)
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
      description: `pages fetched, localized and rendered per CPU second, ${count} treatments × ${localeIds.length} locales from localDataset`,
      ...detail,
    },
    static_build_vs_naive: {
      value: round(naiveMs / oursMs, 3),
      unit: 'x',
      goal: {atLeast: 1},
      peer: 'groq-js over whole documents + @portabletext/to-html + string templates',
      description: 'our pages/s ÷ the naive build’s pages/s, same pages, CPU time, median of repetitions',
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

/** Our static build; returns the number of pages made. */
async function buildOurs(documents: readonly DatasetDocument[]): Promise<number> {
  const content = createTreatmentContent({source: localDataset(documents)})
  let made = 0
  for (const locale of localeIds) {
    for await (const result of content.eachTreatment({locale})) {
      const page = renderTreatmentPage(result)
      consume(page.titleHtml)
      for (const section of page.sections) consume(section.html)
      made++
    }
  }
  return made
}

interface Item {
  language?: string
  _key?: string
  value?: unknown
}
type Doc = Record<string, unknown>

const naiveQuery = `*[_type == "treatment" && defined(slug.current) && !(_id in path("drafts.**"))] | order(slug.current asc){
  ...,
  "condition": condition->,
  "ingredients": ingredients[]{..., "ingredient": ingredient->},
  "effects": effects[]->,
  "sideEffects": sideEffects[]->,
  "contraindications": contraindications[]->
}`
const naiveTree = parse(naiveQuery)

/** The naive static build; returns the number of pages made. */
async function buildNaive(documents: readonly DatasetDocument[]): Promise<number> {
  const byId = new Map(documents.map((document) => [document._id, document]))
  const result = await evaluate(naiveTree, {dataset: documents, dereference: ({_ref}) => byId.get(_ref) ?? null})
  const treatments = (await result.get()) as Doc[]
  let made = 0
  for (const locale of localeIds) {
    const chain = fallbackChain(locale)
    const text = (field: unknown): string => {
      const value = pick(field, chain)
      return typeof value === 'string' ? escape(value) : ''
    }
    const rich = (field: unknown): string => {
      const value = pick(field, chain)
      return Array.isArray(value) ? toHTML(value as Parameters<typeof toHTML>[0]) : ''
    }
    const list = (items: unknown, render: (item: Doc) => string) =>
      `<ul>${(Array.isArray(items) ? (items as Doc[]) : []).map((item) => `<li>${render(item)}</li>`).join('')}</ul>`
    for (const treatment of treatments) {
      const html = `<article lang="${locale}">
<h1>${text(treatment.title)}</h1>
<p>${text(treatment.summary)}</p>
${rich(treatment.body)}
<h2>Who it is for</h2><p>${text((treatment.condition as Doc | null)?.name)}</p>
<h2>Who cannot have it</h2>${list(treatment.contraindications, (item) => text(item.text))}
<h2>How it is done</h2>${rich(treatment.howPerformed)}
<h2>Ingredients</h2>${list(treatment.ingredients, (item) => `${text((item.ingredient as Doc | null)?.name)}: ${text(item.role)}`)}
<h2>Results</h2>${list(treatment.effects, (item) => text(item.text))}
<h2>Side effects</h2>${list(treatment.sideEffects, (item) => text(item.text))}
<h2>When to get help</h2>${list(treatment.sideEffects, (item) => text(item.whenToSeekHelp))}
<h2>Disclaimer</h2>${rich(treatment.disclaimer)}${text(treatment.disclaimer)}
</article>`
      consume(html)
      made++
    }
  }
  return made
}

/** The first locale of the chain whose item has a non-blank value. */
function pick(field: unknown, chain: readonly string[]): unknown {
  if (!Array.isArray(field)) return undefined
  for (const locale of chain) {
    const item = (field as Item[]).find((candidate) => (candidate.language ?? candidate._key) === locale)
    const value = item?.value
    if (typeof value === 'string' ? value.trim() !== '' : Array.isArray(value) && value.length > 0) return value
  }
  return undefined
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}
