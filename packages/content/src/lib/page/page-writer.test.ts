import fc from 'fast-check'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import {unified} from 'unified'
import {beforeAll, describe, expect, it} from 'vitest'
import type {Root} from 'hast'
import type {TreatmentResult} from '../types.ts'
import {createTreatmentContent} from '../reader/create-treatment-content.ts'
import {readNdjson} from '../../dataset.ts'
import {localDataset} from '../source/local-dataset.ts'
import {recordingWriter} from '../../test-support/recording-writer.ts'
import {pageSanitizeSchema} from './page-sanitize-schema.ts'
import {pageWriter} from './page-writer.ts'
import {renderTreatmentPageTo} from './render-treatment-page.ts'

const seedPath = new URL('../../../../../content/dataset.ndjson', import.meta.url)
const results: TreatmentResult[] = []

beforeAll(async () => {
  const content = createTreatmentContent({source: localDataset(await readNdjson(seedPath))})
  for (const locale of ['en', 'it', 'de']) results.push(await content.getTreatment('mesotherapy-cellulite', {locale}))
})

/** The path the writer replaces: the same content as hast, through `rehype-sanitize` then `rehype-stringify`. */
const processor = unified().use(rehypeSanitize, pageSanitizeSchema).use(rehypeStringify).freeze()
const viaRehype = (tree: Root) => processor.stringify(processor.runSync(structuredClone(tree)))

const textArb = fc.string({unit: fc.constantFrom('a', ' ', '<', '>', '&', '"', "'", '`', '\0', 'é', '😀', 'script', '\u200b')})
const hrefs = ['https://example.org/a?b=1&c="2"', 'mailto:a@example.org', 'javascript:alert(1)', 'data:text/html,<script>', '/relative:path', '#x', '']
const blockArb = fc.record({
  _type: fc.constantFrom('block', 'block', 'block', 'callout'),
  _key: fc.constantFrom('a', 'b', 'c'),
  style: fc.constantFrom('normal', 'h2', 'h3', 'h4', 'blockquote', 'h1'),
  listItem: fc.constantFrom(undefined, undefined, 'bullet', 'number'),
  level: fc.integer({min: 1, max: 3}),
  markDefs: fc.constantFrom(...hrefs).map((href) => [{_type: 'link', _key: 'l0', href}]),
  children: fc.array(
    fc.record({_type: fc.constant('span'), text: textArb, marks: fc.subarray(['strong', 'em', 'code', 'l0'])}),
    {minLength: 1, maxLength: 4},
  ),
})
/** Where a field's text came from: as the page's, another locale (a hostile tag too), or none. */
const servedArb = fc.constantFrom<string | null | undefined>(undefined, undefined, 'en', 'it', null, 'x" onload="y', 'de-CH')

/** A page result with generated texts, rich text, fallbacks, review dates and sources. */
const pageArb = fc.record({
  base: fc.integer({min: 0, max: 2}),
  title: textArb,
  summary: fc.option(textArb),
  body: fc.oneof(fc.array(blockArb, {maxLength: 6}), fc.constant(null), fc.constant('not blocks')),
  contraindication: textArb,
  kind: fc.constantFrom('absolute', 'relative', 'unknown'),
  severity: fc.constantFrom('expected', 'serious', 'other'),
  claimStatus: fc.constantFrom('supported', 'clinicExperience', 'needsReview', 'rejected', 'odd'),
  sourceUrl: fc.constantFrom(...hrefs, null),
  sourceLanguage: fc.constantFrom('en', 'it', 'xx', undefined),
  reviewed: fc.boolean(),
  nextReviewDue: fc.constantFrom('2027-01-31', 'not a date', '', undefined),
  idPrefix: fc.oneof(fc.constant(''), textArb),
  served: fc.array(servedArb, {minLength: 12, maxLength: 12}),
})

type Page = fc.Arbitrary<unknown> extends never ? never : Parameters<Parameters<typeof pageArb.map>[0]>[0]

function resultOf(page: Page): TreatmentResult {
  const base = structuredClone(results[page.base]!)
  const treatment = base.treatment as unknown as Record<string, any>
  treatment.title = page.title
  treatment.summary = page.summary
  treatment.body = page.body
  treatment.contraindications[0].text = page.contraindication
  treatment.contraindications[1].kind = page.kind
  treatment.sideEffects[0].severity = page.severity
  treatment.effects[0].claimStatus = page.claimStatus
  treatment.claims[0].claimStatus = page.claimStatus
  treatment.medicalReview = {
    status: page.reviewed ? 'reviewed' : 'pending',
    reviewer: 'Dr. <b>A</b>',
    lastReviewed: '2026-11-20',
    nextReviewDue: page.nextReviewDue,
    sources: [{_key: 's', title: page.title, url: page.sourceUrl, language: page.sourceLanguage, versions: null}],
  }
  const paths = ['title', 'summary', 'body', 'contraindications[0].text', 'contraindications[1].text', 'sideEffects[0].text', 'sideEffects[0].whenToSeekHelp', 'effects[0].text', 'claims[0].statement', 'ingredients[0].role', 'condition.name', 'disclaimer']
  base.fallbacks = paths.flatMap((path, index) => {
    const served = page.served[index]
    return served === undefined ? [] : [{path, requested: base.locale, served}]
  })
  base.review = {status: page.reviewed ? 'reviewed' : 'pending', changedSinceReview: []}
  return base
}

describe('the page writer', () => {
  it('writes every fragment of a page as rehype-sanitize + rehype-stringify would the same content as hast', () => {
    fc.assert(
      fc.property(pageArb, (page) => {
        const out = recordingWriter(pageWriter())
        const result = resultOf(page)
        // Twice: the second time, fragments kept the first time (rich text among them) are repeated.
        renderTreatmentPageTo(out, result, {idPrefix: page.idPrefix})
        const first = out.written.length
        renderTreatmentPageTo(out, result, {idPrefix: page.idPrefix})
        expect(first).toBeGreaterThan(8)
        expect(out.written.slice(first)).toEqual(out.written.slice(0, first))
        out.trees.forEach((tree, index) => expect(out.written[index]).toBe(viaRehype(tree)))
      }),
      {numRuns: 300},
    )
  })
})
