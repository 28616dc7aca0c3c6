import type {ElementContent, Root} from 'hast'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import {unified} from 'unified'
import {pageSanitizeSchema} from './page-sanitize-schema.ts'

function createPageProcessor() {
  return unified().use(rehypeSanitize, pageSanitizeSchema).use(rehypeStringify).freeze()
}

/** Built on first use, then shared: processors hold no per-document state. */
let pageProcessor: ReturnType<typeof createPageProcessor> | undefined

/**
 * Sanitize hast nodes with {@link pageSanitizeSchema} and serialize them to HTML with
 * `rehype-stringify`: text is escaped by the serializer, never concatenated.
 *
 * @internal
 */
export function serializePageHast(children: ElementContent[]): string {
  if (children.length === 0) return ''
  pageProcessor ??= createPageProcessor()
  const tree: Root = {type: 'root', children}
  return pageProcessor.stringify(pageProcessor.runSync(tree))
}
