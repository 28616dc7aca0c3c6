import {compileSafeHtmlWriter, type SafeHtmlWriter} from '../html/compile-safe-html.ts'
import {writeMdast} from './mdast-to-hast.ts'
import {convertPortableText} from './portable-text-to-mdast.ts'
import type {RenderInput} from './render-input.ts'
import {readBlocks} from './render-input.ts'
import {readRenderOptions, type RenderOptions} from './render-options.ts'
import type {RenderResult} from './render-result.ts'
import {renderSanitizeSchema} from './render-sanitize-schema.ts'

/** Compiled on first use, then shared by every call. */
let writer: SafeHtmlWriter | undefined

/**
 * Render Portable Text to sanitized HTML.
 *
 * The pipeline is {@link portableTextToMdast} → the HTML elements `mdast-util-to-hast` would make
 * → HTML, written through a writer that sanitizes as it writes, with the `rehype-sanitize`
 * schema compiled once (its output is held equal to `rehype-sanitize` + `rehype-stringify` on
 * the hast by property tests).
 *
 * Safe by construction: text is always escaped, raw HTML is never passed through (there is no
 * `html` node path at all), and the only elements produced are `p`, `h2`–`h4` (with an `id`), `ul`, `ol`, `li`, `strong`, `em`, `code`,
 * `a` (with `href`), `blockquote` and `br`. Links keep only absolute `http:`, `https:`, `mailto:`
 * and `tel:` URLs; any other link is reported and its text kept. Links get no `target` or `rel`:
 * they open in the same tab, where `rel="noopener"` has no effect; add them in the page if you
 * open links elsewhere. The tree then passes `rehype-sanitize` with an allow-list schema as a
 * second guard, applied while serializing. Content problems are returned in `messages` (see {@link portableTextToMdast}).
 *
 * @example
 * ```ts
 * const {value, messages} = toHtml(treatment.body)
 * ```
 * @param blocks - A Portable Text array; `null` or `undefined` (no body) give `''`.
 * @throws {TypeError} When `blocks` is not an array, `null` or `undefined`, or `options` is
 *   malformed.
 * @public
 */
export function toHtml(blocks: RenderInput, options?: RenderOptions): RenderResult {
  const list = readBlocks('toHtml', blocks)
  const {idPrefix} = readRenderOptions('toHtml', options)
  const {tree, messages} = convertPortableText(list, idPrefix)
  if (tree.children.length === 0) return {value: '', messages}
  writer ??= compileSafeHtmlWriter(renderSanitizeSchema)()
  // Nothing left from a call that threw half-way.
  writer.take()
  writeMdast(tree, writer)
  return {value: writer.take(), messages}
}
