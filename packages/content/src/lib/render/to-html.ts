import type {Root as HastRoot} from 'hast'
import type {Root} from 'mdast'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import {unified, type Plugin} from 'unified'
import {mdastToHast} from './mdast-to-hast.ts'
import {convertPortableText} from './portable-text-to-mdast.ts'
import type {RenderInput} from './render-input.ts'
import {readBlocks} from './render-input.ts'
import {readRenderOptions, type RenderOptions} from './render-options.ts'
import type {RenderResult} from './render-result.ts'
import {renderSanitizeSchema} from './render-sanitize-schema.ts'

/** The `remark-rehype` step, for the closed set of nodes Portable Text gives (see `mdastToHast`). */
const portableMdastToHast: Plugin<[], Root, HastRoot> = () => mdastToHast

function createHtmlProcessor() {
  return unified()
    .use(portableMdastToHast)
    .use(rehypeSanitize, renderSanitizeSchema)
    .use(rehypeStringify)
    .freeze()
}

/** Built on first use, then shared by every call: processors hold no per-document state. */
let htmlProcessor: ReturnType<typeof createHtmlProcessor> | undefined

/**
 * Render Portable Text to sanitized HTML.
 *
 * The pipeline is {@link portableTextToMdast} → hast (HTML syntax tree) → `rehype-sanitize` →
 * `rehype-stringify`, with processors built once and shared.
 *
 * Safe by construction: text is always escaped, raw HTML is never passed through (there is no
 * `html` node path at all), and the only elements produced are `p`, `h2`–`h4` (with an `id`), `ul`, `ol`, `li`, `strong`, `em`, `code`,
 * `a` (with `href`), `blockquote` and `br`. Links keep only absolute `http:`, `https:`, `mailto:`
 * and `tel:` URLs; any other link is reported and its text kept. Links get no `target` or `rel`:
 * they open in the same tab, where `rel="noopener"` has no effect; add them in the page if you
 * open links elsewhere. The tree then passes `rehype-sanitize` with an allow-list schema as a
 * second guard. Content problems are returned in `messages` (see {@link portableTextToMdast}).
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
  htmlProcessor ??= createHtmlProcessor()
  const value = htmlProcessor.stringify(htmlProcessor.runSync(tree))
  return {value, messages}
}
