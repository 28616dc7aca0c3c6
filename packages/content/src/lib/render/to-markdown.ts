import {mdastToMarkdown} from './mdast-to-markdown.ts'
import {convertPortableText} from './portable-text-to-mdast.ts'
import type {RenderInput} from './render-input.ts'
import {readBlocks} from './render-input.ts'
import {readRenderOptions, type RenderOptions} from './render-options.ts'
import type {RenderResult} from './render-result.ts'

/**
 * Render Portable Text to CommonMark: `-` bullets, `1.` numbers, `*emphasis*`, `**strong**`,
 * ATX headings, `>` quotes, backslash line breaks, and a final newline. Text is escaped so that
 * it reads back as the same text (a span `<b>` stays text, never HTML); a property test parses
 * the output back with `mdast-util-from-markdown` and requires the same text and formatting. Heading
 * ids are not written (Markdown has no syntax for them). Unsafe links and unknown content are
 * handled and reported as in {@link toHtml}.
 *
 * @param blocks - A Portable Text array; `null` or `undefined` (no body) give `''`.
 * @throws {TypeError} When `blocks` is not an array, `null` or `undefined`, or `options` is
 *   malformed.
 * @public
 */
export function toMarkdown(blocks: RenderInput, options?: RenderOptions): RenderResult {
  const list = readBlocks('toMarkdown', blocks)
  const {idPrefix} = readRenderOptions('toMarkdown', options)
  const {tree, messages} = convertPortableText(list, idPrefix)
  if (tree.children.length === 0) return {value: '', messages}
  return {value: mdastToMarkdown(tree), messages}
}
