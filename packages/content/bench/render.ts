import {toHTML} from '@portabletext/to-html'
import peerPackage from '@portabletext/to-html/package.json' with {type: 'json'}
import type {PortableTextBlock} from '@portabletext/types'
import {readNdjson} from '@treatments/content/dataset'
import {toHtml, toMarkdown} from '@treatments/content/render'
import type {BenchMetric, BenchOptions} from './benchmark.ts'
import {fixtureDocument} from './fixture-document.ts'
import {compare, round} from './measure.ts'

/** The shipped dataset, whose treatment body is the second rendering input. */
const shippedDataset = new URL('../../../content/dataset.ndjson', import.meta.url)

/**
 * Rendering throughput against `@portabletext/to-html` (`toHTML`, which escapes text and checks
 * link URLs by default), in one process with interleaved rounds, on two inputs: a 30-block
 * treatment-like fixture and the shipped treatment's English body.
 *
 * Metrics (our ops/s ÷ peer ops/s, median of per-round ratios): `render_html_vs_to_html`,
 * `render_html_shipped_body_vs_to_html`, `render_markdown_vs_to_html`.
 *
 * @public
 */
export async function run(options: BenchOptions): Promise<Record<string, BenchMetric>> {
  const fixture = fixtureDocument(30)
  const documents = await readNdjson(shippedDataset)
  const treatment = documents.find((document) => document._type === 'treatment')
  const shipped = (treatment?.body as Array<{language?: string; value?: PortableTextBlock[]}> | undefined)?.find((item) => item.language === 'en')?.value
  if (!shipped) throw new Error('The shipped dataset has no English treatment body')
  const peer = `${peerPackage.name}@${peerPackage.version} toHTML`

  // Check the contenders render the documents before timing them.
  for (const blocks of [fixture, shipped]) {
    const html = toHtml(blocks)
    if (html.messages.length > 0 || !html.value.includes('<h2 id=')) throw new Error(`toHtml did not render the input: ${JSON.stringify(html.messages)}`)
    if (!toHTML(blocks).includes('<h2>')) throw new Error('toHTML did not render the input')
  }
  if (!toMarkdown(fixture).value.startsWith('## ')) throw new Error('toMarkdown did not render the fixture')

  const measure = (label: string, contenders: Parameters<typeof compare>[0]) =>
    compare(contenders, {...options, onRound: (index, rounds) => options.progress(`${label}: round ${index + 1}/${rounds}`)})
  const onFixture = measure('30-block fixture', [
    {name: 'toHTML', fn: () => toHTML(fixture)},
    {name: 'toHtml', fn: () => toHtml(fixture).value},
    {name: 'toMarkdown', fn: () => toMarkdown(fixture).value},
  ])
  const onShipped = measure('shipped body', [
    {name: 'toHTML', fn: () => toHTML(shipped)},
    {name: 'toHtml', fn: () => toHtml(shipped).value},
  ])
  const ms = (comparison: typeof onFixture, index: number) => round(comparison.timings[index]!.medianMs)
  return {
    render_html_vs_to_html: {
      value: round(onFixture.ratios.toHtml!, 3),
      unit: 'x',
      goal: {atLeast: 1},
      peer,
      description: 'toHtml (sanitized) ops/s ÷ toHTML ops/s, 30-block fixture',
      blocks: fixture.length,
      ours_median_ms: ms(onFixture, 1),
      peer_median_ms: ms(onFixture, 0),
    },
    render_html_shipped_body_vs_to_html: {
      value: round(onShipped.ratios.toHtml!, 3),
      unit: 'x',
      goal: {atLeast: 1},
      peer,
      description: "toHtml (sanitized) ops/s ÷ toHTML ops/s, the shipped treatment's English body",
      blocks: shipped.length,
      ours_median_ms: ms(onShipped, 1),
      peer_median_ms: ms(onShipped, 0),
    },
    render_markdown_vs_to_html: {
      value: round(onFixture.ratios.toMarkdown!, 3),
      unit: 'x',
      goal: {atLeast: 0.3},
      peer,
      description: 'toMarkdown ops/s ÷ toHTML ops/s, 30-block fixture',
      ours_median_ms: ms(onFixture, 2),
      peer_median_ms: ms(onFixture, 0),
    },
  }
}
