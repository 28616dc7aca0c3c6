import type {ElementContent} from 'hast'
import {compileSafeHtml, type SafeHtmlSerializer} from '../render/compile-safe-html.ts'
import {pageSanitizeSchema} from './page-sanitize-schema.ts'

/** Compiled on first use, then shared. */
let serialize: SafeHtmlSerializer | undefined

/**
 * Sanitize hast nodes with {@link pageSanitizeSchema} and serialize them to HTML in one walk
 * (`compileSafeHtml`, equal to `rehype-sanitize` + `rehype-stringify`): text is escaped by the
 * serializer, never concatenated.
 *
 * @internal
 */
export function serializePageHast(children: ElementContent[]): string {
  if (children.length === 0) return ''
  serialize ??= compileSafeHtml(pageSanitizeSchema)
  return serialize(children)
}
