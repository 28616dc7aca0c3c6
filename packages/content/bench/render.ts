import {toHTML} from '@portabletext/to-html'
import peerPackage from '@portabletext/to-html/package.json' with {type: 'json'}
import {toHtml, toMarkdown} from '@treatments/content/render'
import type {BenchMetric, BenchOptions} from './benchmark.ts'
import {fixtureDocument} from './fixture-document.ts'
import {compare} from './measure.ts'

/**
 * Rendering throughput against `@portabletext/to-html` (`toHTML`, which escapes text and checks
 * link URLs by default), on the same 30-block document, in one process with interleaved rounds.
 *
 * Metrics: `render_html_vs_to_html` and `render_markdown_vs_to_html` (our ops/s ÷ peer ops/s,
 * median of per-round ratios), and the median ms per render of each contender.
 *
 * @public
 */
export function run(options: BenchOptions): Record<string, BenchMetric> {
  const blocks = fixtureDocument(30)
  const peer = `${peerPackage.name}@${peerPackage.version} toHTML`

  // Check the contenders render the document before timing them.
  const html = toHtml(blocks)
  if (html.messages.length > 0 || !html.value.includes('<h2 id=')) throw new Error(`toHtml did not render the fixture: ${JSON.stringify(html.messages)}`)
  if (!toHTML(blocks).includes('<h2>')) throw new Error('toHTML did not render the fixture')
  if (!toMarkdown(blocks).value.startsWith('## ')) throw new Error('toMarkdown did not render the fixture')

  const {timings, ratios} = compare(
    [
      {name: 'toHTML', fn: () => toHTML(blocks)},
      {name: 'toHtml', fn: () => toHtml(blocks).value},
      {name: 'toMarkdown', fn: () => toMarkdown(blocks).value},
    ],
    options,
  )
  const [peerTiming, htmlTiming, markdownTiming] = timings as [(typeof timings)[0], (typeof timings)[0], (typeof timings)[0]]
  const detail = {blocks: blocks.length, rounds: options.rounds, peer_median_ms: round(peerTiming.medianMs)}
  return {
    render_html_vs_to_html: {
      value: round(ratios.toHtml!),
      unit: 'x',
      peer,
      description: 'toHtml (sanitized) ops/s ÷ toHTML ops/s, 30-block document; goal ≥ 0.5',
      goal: 0.5,
      ours_median_ms: round(htmlTiming.medianMs),
      ...detail,
    },
    render_markdown_vs_to_html: {
      value: round(ratios.toMarkdown!),
      unit: 'x',
      peer,
      description: 'toMarkdown ops/s ÷ toHTML ops/s, 30-block document',
      ours_median_ms: round(markdownTiming.medianMs),
      ...detail,
    },
    render_html_median_ms: {value: round(htmlTiming.medianMs), unit: 'ms', description: 'toHtml, median ms per 30-block render'},
    render_markdown_median_ms: {value: round(markdownTiming.medianMs), unit: 'ms', description: 'toMarkdown, median ms per 30-block render'},
    to_html_median_ms: {value: round(peerTiming.medianMs), unit: 'ms', peer, description: 'peer toHTML, median ms per 30-block render'},
  }
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000
}
