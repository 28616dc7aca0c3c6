import {compileSafeHtmlWriter, type SafeHtmlWriter} from '../html/compile-safe-html.ts'
import {pageSanitizeSchema} from './page-sanitize-schema.ts'

/** Compiled on first use, then shared. */
let create: (() => SafeHtmlWriter) | undefined

/**
 * A writer of page HTML: every element, attribute and text is checked against
 * {@link pageSanitizeSchema} as it is written (`compileSafeHtmlWriter`, equal to
 * `rehype-sanitize` + `rehype-stringify` on the same content as hast): text is escaped by the
 * writer, never concatenated.
 *
 * @internal
 */
export function pageWriter(): SafeHtmlWriter {
  create ??= compileSafeHtmlWriter(pageSanitizeSchema)
  return create()
}
